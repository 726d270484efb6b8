// Blocks whose boxes overlap are one block. The sweep in layout.ts must give what merging every
// overlapping pair until none is left gives (the rule it replaced, quadratic on a large sheet).
import fc from 'fast-check';
import type { Area } from '../../src/core/grid/grid';
import { mergeOverlapping } from '../../src/core/layout/blocks';

const overlaps = (a: Area, b: Area) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** The rule as first written: merge into the first overlapping box kept, repeat until nothing changes. */
function reference(boxes: Area[]): Area[] {
  let changed = true;
  let out = boxes.filter((b) => b.bottom > b.top || b.right > b.left);
  while (changed) {
    changed = false;
    const next: Area[] = [];
    for (const b of out) {
      const o = next.find((n) => overlaps(n, b));
      if (o) {
        o.top = Math.min(o.top, b.top);
        o.left = Math.min(o.left, b.left);
        o.bottom = Math.max(o.bottom, b.bottom);
        o.right = Math.max(o.right, b.right);
        changed = true;
      } else next.push({ ...b });
    }
    out = next;
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

const box = fc.record({ top: fc.integer({ min: 0, max: 60 }), left: fc.integer({ min: 0, max: 30 }), h: fc.integer({ min: 0, max: 12 }), w: fc.integer({ min: 0, max: 8 }) }).map(({ top, left, h, w }): Area => ({ top, left, bottom: top + h, right: left + w }));

test('the sweep merges exactly as merging every overlapping pair does', () => {
  fc.assert(
    fc.property(fc.array(box, { maxLength: 40 }), (boxes) => {
      // Boxes come from a scan in row order; the result must not depend on it either way.
      const scanned = [...boxes].sort((a, b) => a.top - b.top || a.left - b.left);
      expect(mergeOverlapping(scanned.map((b) => ({ ...b })))).toEqual(reference(scanned.map((b) => ({ ...b }))));
    }),
    { seed: 20261122, numRuns: 1000 },
  );
});
