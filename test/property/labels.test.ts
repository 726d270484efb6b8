// Label matching: matchKey answers as its plain definition does (whole words, prefixes, typos).
import fc from 'fast-check';
import { editDistance, matchKey, type MatchMode } from '../../src/core/labels';
import { runProperty } from './support';

/** The definition matchKey is held to, written the plain way (strings built per call). */
function reference(textKey: string, label: string, mode: MatchMode): number {
  if (textKey === label) return 3;
  const budget = label.length < 6 ? 0 : label.length < 14 ? 1 : 2;
  const digits = (s: string) => s.replace(/[^0-9]+/g, ' ').trim();
  if (budget > 0 && digits(textKey) === digits(label) && Math.abs(textKey.length - label.length) <= budget && editDistance(textKey, label, budget) <= budget) return 3;
  if (mode === 'exact') return 0;
  if (mode === 'prefix') return textKey.startsWith(label + ' ') ? 2 : 0;
  return (' ' + textKey + ' ').indexOf(' ' + label + ' ') >= 0 ? 2 : 0;
}

/** Keys from few letters, digits and spaces, so that words, prefixes and near misses are common. */
const key = fc.string({ unit: fc.constantFrom('а', 'б', 'в', '1', '2', ' '), maxLength: 16 });

test('matchKey equals its plain definition, in every mode', () => {
  runProperty(
    'match-key-as-defined',
    fc.property(key, key, fc.constantFrom<MatchMode>('exact', 'phrase', 'prefix'), (text, label, mode) => {
      expect(matchKey(text, label, mode)).toBe(reference(text, label, mode));
      // A label taken from inside the text, at word boundaries or not.
      const inner = text.slice(1, -1);
      expect(matchKey(text, inner, mode)).toBe(reference(text, inner, mode));
    }),
    3000,
  );
});
