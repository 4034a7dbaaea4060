// A tag's identity by name: the same on every machine, whatever its language.
import { describe, expect, it } from 'vitest';
import { tagKey } from '../../../electron/shared/model';

describe('tagKey', () => {
  it('folds case, white space at the ends and decomposed letters', () => {
    expect(tagKey('  Economy ')).toBe(tagKey('economy'));
    expect(tagKey('Ə'.normalize('NFD'))).toBe(tagKey('ə'));
  });

  it('folds the dotted capital İ to i, as Azerbaijani writes it, and keeps ı a letter of its own', () => {
    expect(tagKey('NƏQLİYYAT')).toBe(tagKey('Nəqliyyat'));
    expect(tagKey('İqtisadiyyat')).toBe('iqtisadiyyat');
    expect(tagKey('ılıq')).not.toBe(tagKey('ilik'));
  });

  it('does not depend on the locale the machine runs in', () => {
    const lower = String.prototype.toLocaleLowerCase;
    // A Turkish machine lowers "I" to "ı": the key must not follow it.
    String.prototype.toLocaleLowerCase = function (this: string) {
      return lower.call(this, 'tr');
    };
    try {
      expect(tagKey('INDUSTRY')).toBe('industry');
    } finally {
      String.prototype.toLocaleLowerCase = lower;
    }
  });
});
