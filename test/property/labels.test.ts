// Label matching: matchKey answers as its plain definition does (whole words, prefixes, typos).
import fc from 'fast-check';
import type { MemberT } from '../../src/core/definition';
import { editDistance, labelKey, matchKey, type MatchMode } from '../../src/core/labels';
import { bestMember } from '../../src/core/match';
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

/** bestMember as defined: every member's every alternative, its parts matched in order along the path. */
function bestByDefinition(path: string[], members: MemberT[]): { id: string; depth: number; parts: number; score: number; length: number } | undefined {
  let best: ReturnType<typeof bestByDefinition>;
  for (const m of members)
    for (const label of m.labels) {
      const parts = label.split('>').map((p) => labelKey(p));
      let from = 0;
      let total = 0;
      let depth = -1;
      let ok = true;
      for (const part of parts) {
        let found = -1;
        for (let j = from; j < path.length; j++) {
          const s = matchKey(path[j], part, m.mode);
          if (s > 0) {
            found = j;
            total += s;
            break;
          }
        }
        if (found < 0) {
          ok = false;
          break;
        }
        depth = found;
        from = found + 1;
      }
      if (!ok) continue;
      const hit = { id: m.id, depth, parts: parts.length, score: total, length: parts.reduce((s, p) => s + p.length, 0) };
      const better = !best || (hit.depth !== best.depth ? hit.depth > best.depth : hit.parts !== best.parts ? hit.parts > best.parts : hit.score !== best.score ? hit.score > best.score : hit.length > best.length);
      if (better) best = hit;
    }
  return best;
}

const word = fc.constantFrom('всего', 'книг', 'книги', 'газет', 'журналов', 'фонд', 'филиал', '2023', 'на', '1');
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const member = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  labels: fc.array(fc.array(words, { minLength: 1, maxLength: 2 }).map((ps) => ps.join('>')), { minLength: 1, maxLength: 2 }),
  mode: fc.constantFrom<MatchMode>('exact', 'phrase', 'prefix'),
  words: fc.constant(undefined),
});

test('bestMember finds what its definition finds (the index and the quick rejects change nothing)', () => {
  runProperty(
    'best-member-as-defined',
    fc.property(fc.array(words, { minLength: 1, maxLength: 3 }), fc.array(member, { minLength: 1, maxLength: 4 }), (path, members) => {
      const ms = members as unknown as MemberT[];
      expect(bestMember(path, ms)).toEqual(bestByDefinition(path, ms));
    }),
    2000,
  );
});
