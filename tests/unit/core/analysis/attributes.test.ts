// Attributes as the analysis reads them: one name however it is spelled, values in reading order.
import { describe, expect, it } from 'vitest';
import {
  attributeSummary,
  sortValues,
  valueOf,
} from '../../../../electron/core/analysis/attributes';

describe('attribute summary', () => {
  it('names each attribute once, as most articles spell it, with its values sorted and empty ones left out', () => {
    const summary = attributeSummary([
      { attributes: { Country: 'Azərbaycan', Year: '2019' } },
      { attributes: { country: 'Россия', year: '9' } },
      { attributes: { COUNTRY: 'Azərbaycan', Year: '10' } },
      { attributes: { Country: 'Georgia', 'Outlet / site?': '' } },
      { attributes: {} },
    ]);
    expect(summary).toEqual([
      { key: 'Country', values: ['Azərbaycan', 'Georgia', 'Россия'] },
      { key: 'Outlet / site?', values: [] },
      // Numbers in a value sort as numbers.
      { key: 'Year', values: ['9', '10', '2019'] },
    ]);
  });

  it('finds an article’s value whatever the spelling of the name; none is ""', () => {
    const attributes = { 'Ölkə [ş]': 'İ ı 🤝🏽', Period: '' };
    expect(valueOf(attributes, ' ölkə [Ş] ')).toBe('İ ı 🤝🏽');
    expect(valueOf(attributes, 'period')).toBe('');
    expect(valueOf(attributes, 'outlet')).toBe('');
  });

  it('sorts values each once, telling apart those the collator calls equal', () => {
    expect(sortValues(['b', 'a', 'B', 'a', 'a2', 'a10'])).toEqual(['a', 'a2', 'a10', 'b', 'B']);
  });
});
