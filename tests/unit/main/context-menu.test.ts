// The window's context menu from Electron's params: spelling suggestions and "Add to dictionary"
// in a field with a misspelt word, then the editing roles as the field allows them; on selected
// text outside a field, "Annotate selection" (the command its shortcut sends) and Copy; else none.
import { describe, expect, it, vi } from 'vitest';
import {
  contextMenuItems,
  contextTemplate,
  MAX_SUGGESTIONS,
  type ContextParams,
} from '../../../electron/main/context-menu';
import { accelerator, COMMANDS, menuKey } from '../../../electron/shared/commands';

const ALL = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const params = (over: Partial<ContextParams>): ContextParams => ({
  isEditable: false,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: ALL,
  ...over,
});
const kinds = (p: ContextParams) =>
  contextMenuItems(p).map((i) =>
    i.kind === 'role' ? i.role : i.kind === 'command' ? i.command : i.kind,
  );

describe('contextMenuItems', () => {
  it('in a field: cut, copy, paste, select all, enabled as the field allows', () => {
    const items = contextMenuItems(
      params({
        isEditable: true,
        editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
      }),
    );
    expect(items).toEqual([
      { kind: 'role', role: 'cut', enabled: false },
      { kind: 'role', role: 'copy', enabled: false },
      { kind: 'role', role: 'paste', enabled: true },
      { kind: 'separator' },
      { kind: 'role', role: 'selectAll', enabled: true },
    ]);
  });

  it('on a misspelt word: the suggestions first, then Add to dictionary, then editing', () => {
    const items = contextMenuItems(
      params({
        isEditable: true,
        misspelledWord: 'şəhərr',
        dictionarySuggestions: ['şəhər', 'şəhərə'],
      }),
    );
    expect(items.slice(0, 4)).toEqual([
      { kind: 'replace', word: 'şəhər' },
      { kind: 'replace', word: 'şəhərə' },
      { kind: 'add-word', word: 'şəhərr' },
      { kind: 'separator' },
    ]);
    expect(kinds(params({ isEditable: true, misspelledWord: 'x' })).slice(-5)).toEqual([
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
  });

  it('says when there are no suggestions, and offers no more than a few', () => {
    expect(contextMenuItems(params({ isEditable: true, misspelledWord: 'qwzx' }))[0]).toEqual({
      kind: 'note',
      label: 'No spelling suggestions',
    });
    const many = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const items = contextMenuItems(
      params({ isEditable: true, misspelledWord: 'wx', dictionarySuggestions: many }),
    );
    expect(items.filter((i) => i.kind === 'replace')).toHaveLength(MAX_SUGGESTIONS);
  });

  it('on selected text in the reader: Annotate selection with the table’s key, then Copy', () => {
    const items = contextMenuItems(params({ selectionText: 'business forums 🇦🇿 İş' }));
    expect(items).toEqual([
      {
        kind: 'command',
        command: 'annotate',
        label: COMMANDS.annotate.label,
        accelerator: accelerator(menuKey('annotate')!),
      },
      { kind: 'separator' },
      { kind: 'role', role: 'copy', enabled: true },
    ]);
  });

  it('offers nothing where nothing is selected outside a field, or only blanks are', () => {
    expect(contextMenuItems(params({}))).toEqual([]);
    expect(contextMenuItems(params({ selectionText: ' \n\t ' }))).toEqual([]);
  });
});

describe('contextTemplate', () => {
  it('carries out each item: replace the word, add it, send the command; roles stay roles', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn(), send: vi.fn() };
    const field = contextTemplate(
      contextMenuItems(
        params({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['the'] }),
      ),
      actions,
    );
    expect(field[0]!.label).toBe('the');
    field[0]!.click!();
    expect(field[1]!.label).toBe('Add to dictionary');
    field[1]!.click!();
    expect(actions.replaceMisspelling).toHaveBeenCalledWith('the');
    expect(actions.addToDictionary).toHaveBeenCalledWith('teh');
    expect(field.filter((i) => i.role).map((i) => i.role)).toEqual([
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);

    const reader = contextTemplate(contextMenuItems(params({ selectionText: 'x' })), actions);
    expect(reader[0]).toMatchObject({
      label: 'Annotate selection',
      registerAccelerator: false,
    });
    reader[0]!.click!();
    expect(actions.send).toHaveBeenCalledWith('annotate');
  });
});
