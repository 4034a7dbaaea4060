// Comments and memos drawn from markdown-it tokens: formatting kept, raw HTML left as text,
// only web and mail links kept, and a one-line form for previews.
import { describe, expect, it } from 'vitest';
import {
  inlineTree,
  markdownTree,
  plainText,
  type MdNode,
} from '../../../renderer/src/lib/markdown/markdown-tree';

const tags = (nodes: MdNode[]): unknown[] =>
  nodes.map((n) =>
    n.kind === 'text' ? n.text : n.kind === 'break' ? '<br>' : { [n.tag]: tags(n.children) },
  );

describe('markdownTree', () => {
  it('keeps emphasis, code, lists and quotes as elements', () => {
    expect(tags(markdownTree('Sectors *named* for **cooperation** and `code`.'))).toEqual([
      {
        p: [
          'Sectors ',
          { em: ['named'] },
          ' for ',
          { strong: ['cooperation'] },
          ' and ',
          { code: ['code'] },
          '.',
        ],
      },
    ]);
    expect(tags(markdownTree('- one\n- two\n\n> said'))).toEqual([
      { ul: [{ li: [{ p: ['one'] }] }, { li: [{ p: ['two'] }] }] },
      { blockquote: [{ p: ['said'] }] },
    ]);
  });

  it('leaves raw HTML as visible text', () => {
    const text = plainText(markdownTree('<b>bold</b> and <script>alert(1)</script>'));
    expect(text).toBe('<b>bold</b> and <script>alert(1)</script>');
  });

  it('keeps http(s) and mailto links only', () => {
    const [p] = markdownTree(
      '[web](https://example.org/a) [mail](mailto:a@example.org) [bad](javascript:alert(1)) [file](file:///etc/passwd)',
    );
    const links = (p as Extract<MdNode, { kind: 'element' }>).children.filter(
      (n): n is Extract<MdNode, { kind: 'element' }> => n.kind === 'element',
    );
    expect(links.map((l) => l.href)).toEqual(['https://example.org/a', 'mailto:a@example.org']);
    // The others are not links at all: their Markdown stays as text.
    expect(plainText([p!])).toContain('[bad](javascript:alert(1))');
    expect(plainText([p!])).toContain('[file](file:///etc/passwd)');
  });

  it('links bare URLs typed in a comment', () => {
    const [p] = markdownTree('See https://example.org/x?y=1 for more');
    const link = (p as Extract<MdNode, { kind: 'element' }>).children[1];
    expect(link).toMatchObject({ tag: 'a', href: 'https://example.org/x?y=1' });
  });

  it('numbers an ordered list from where it starts, and headings know their level', () => {
    const [list, heading] = markdownTree('3. three\n4. four\n\n## Finding');
    expect(list).toMatchObject({ tag: 'ol', start: 3 });
    expect(heading).toMatchObject({ tag: 'h', level: 2 });
  });
});

describe('inlineTree', () => {
  it('puts blocks on one line with spaces and keeps inline formatting', () => {
    const nodes = inlineTree(markdownTree('# Title\n\nFirst *para*.\n\n- item'));
    expect(plainText(nodes)).toBe('Title First para. item');
    expect(nodes.some((n) => n.kind === 'element' && n.tag === 'em')).toBe(true);
  });

  it('keeps a link visible but without its target', () => {
    const nodes = inlineTree(markdownTree('a [link](https://example.org)'));
    const link = nodes.find((n) => n.kind === 'element' && n.tag === 'a');
    expect(link).toMatchObject({ tag: 'a' });
    expect((link as { href?: string }).href).toBeUndefined();
  });
});
