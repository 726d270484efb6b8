// Relation lines hold their cells in arrays shared across lines, with a Map's semantics.
import fc from 'fast-check';
import { Line } from '../../src/core/relations/relation-lines';
import type { TableCell } from '../../src/core/tables/table';
import { runProperty } from './support';

const cell = (row: number): TableCell => ({ row, col: 0, key: {}, num: { kind: 'empty' } as TableCell['num'] });

test('lines answer as one Map per line would (a later cell replaces an earlier one in its place)', () => {
  const member = fc.constantFrom('total', 'r1', 'r2', 'r3', 'x7', 'books');
  const step = fc.record({ line: fc.integer({ min: 0, max: 2 }), member, row: fc.integer({ min: 0, max: 99 }) });
  runProperty(
    'relation-lines-as-maps',
    fc.property(fc.array(step, { maxLength: 40 }), fc.constantFrom('total', 'r2', 'books'), (steps, left) => {
      const pos = new Map<string, number>();
      const names: string[] = [];
      const lines = [0, 1, 2].map(() => new Line(pos, names));
      const maps = [0, 1, 2].map(() => new Map<string, TableCell>());
      for (const s of steps) {
        const c = cell(s.row);
        lines[s.line].set(s.member, c);
        maps[s.line].set(s.member, c);
      }
      for (let i = 0; i < 3; i++) {
        for (const m of ['total', 'r1', 'r2', 'r3', 'x7', 'books', 'none']) {
          expect(lines[i].get(m)).toBe(maps[i].get(m));
          expect(lines[i].has(m)).toBe(maps[i].has(m));
        }
        const kept = [...maps[i]].filter(([m]) => m !== left).map(([, c]) => c);
        expect(lines[i].cellsWhere((m) => m !== left)).toEqual(kept);
        // The very cell objects, in the Map's order.
        lines[i].cellsWhere((m) => m !== left).forEach((c, k) => expect(c).toBe(kept[k]));
      }
    }),
    300,
  );
});
