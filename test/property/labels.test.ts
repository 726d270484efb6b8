// Label matching: matchKey answers as its plain definition does (whole words, prefixes, typos).
import fc from 'fast-check';
import type { MemberT } from '../../src/core/tables/definition';
import { editDistance, labelKey, matchKey, type MatchMode } from '../../src/core/grid/labels';
import { bestMember, memberMatches } from '../../src/core/recognize/match';
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

/** bestMember as defined: every member's every alternative, its parts matched in order along the path (the last at its deepest match). */
function bestByDefinition(path: string[], members: MemberT[]): { id: string; depth: number; parts: number; score: number; length: number } | undefined {
  let best: ReturnType<typeof bestByDefinition>;
  for (const m of members)
    for (const label of m.labels) {
      const parts = label.split('>').map((p) => labelKey(p));
      let from = 0;
      let total = 0;
      let depth = -1;
      let ok = true;
      for (const [k, part] of parts.entries()) {
        let found = -1;
        // The last part at its deepest match, the others at their first.
        const order = Array.from({ length: path.length - from }, (_, i) => from + i);
        if (k === parts.length - 1) order.reverse();
        for (const j of order) {
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

test('bestMember finds what its definition finds on near misses (typos, characters missing or swapped)', () => {
  // Few letters and digits, so that texts within a label's typo budget are common.
  const unit = fc.constantFrom('а', 'б', 'в', 'г', 'д', '1', ' ');
  const text = fc.string({ unit, minLength: 4, maxLength: 16 });
  const near = fc.record({
    id: fc.constantFrom('a', 'b', 'c'),
    labels: fc.array(text, { minLength: 1, maxLength: 2 }),
    mode: fc.constantFrom<MatchMode>('exact', 'phrase', 'prefix'),
    words: fc.constant(undefined),
  });
  // One edit of a label: a character replaced, dropped, added or swapped with the next, and words around it.
  const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'drop', 'add', 'swap', 'none'), ch: unit, before: fc.constantFrom('', 'в1 '), after: fc.constantFrom('', ' гд') });
  const edited = (label: string, e: { at: number; op: string; ch: string; before: string; after: string }): string => {
    const i = e.at % Math.max(1, label.length);
    const body =
      e.op === 'replace' ? label.slice(0, i) + e.ch + label.slice(i + 1)
      : e.op === 'drop' ? label.slice(0, i) + label.slice(i + 1)
      : e.op === 'add' ? label.slice(0, i) + e.ch + label.slice(i)
      : e.op === 'swap' ? label.slice(0, i) + label.slice(i + 1, i + 2) + label.slice(i, i + 1) + label.slice(i + 2)
      : label;
    return e.before + body + e.after;
  };
  runProperty(
    'best-member-near-misses',
    fc.property(fc.array(near, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 3 }), (members, edits) => {
      const labels = members.flatMap((m) => m.labels);
      const path = edits.map(([k, e]) => labelKey(edited(labelKey(labels[k % labels.length]), e)));
      const ms = members as unknown as MemberT[];
      expect(bestMember(path, ms)).toEqual(bestByDefinition(path, ms));
    }),
    3000,
  );
});

test('bestMember names a member only on a path memberMatches accepts (recognition rules a kind out by its required members)', () => {
  runProperty(
    'member-matches-bounds-best-member',
    fc.property(fc.array(words, { minLength: 1, maxLength: 3 }), fc.array(member, { minLength: 1, maxLength: 4 }), (path, members) => {
      const ms = members as unknown as MemberT[];
      const best = bestMember(path, ms);
      for (const m of ms) expect(memberMatches(path, m)).toBe(bestByDefinition(path, [m]) !== undefined);
      if (best) expect(ms.some((m) => m.id === best.id && memberMatches(path, m))).toBe(true);
    }),
    2000,
  );
});
