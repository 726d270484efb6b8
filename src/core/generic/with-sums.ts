// The table's figures with the empty targets of its stated sums and balances computed: what the
// fill would write, so shares and indicators of a template can be read before the sums are there.
import { hasValue, type Num } from '../grid/numbers';
import type { GenericTable } from './read';
import { at, type GenericRel, type LinearRel } from './relations';

/** A copy of `t` whose empty cells that sums compute hold their values (to a fixed point). */
export function withSums(t: GenericTable, rels: readonly GenericRel[]): GenericTable {
  const sums = rels.filter((r): r is LinearRel => r.type === 'linear' && r.exhaustive && !r.inferred);
  if (!sums.length) return t;
  const nums = t.nums.map((row) => row.slice());
  for (let pass = 0, changed = true; changed && pass < 4; pass++) {
    changed = false;
    for (const r of sums)
      for (const j of r.lines) {
        const tj = r.next?.get(j) ?? j;
        const [tr, tc] = at(r.axis, r.target, tj);
        if (nums[tr][tc].kind !== 'empty') continue;
        const v = sumOn(nums, r, j);
        if (v === undefined) continue;
        nums[tr][tc] = v;
        changed = true;
      }
  }
  return { ...t, nums };
}

function sumOn(nums: Num[][], r: LinearRel, j: number): Num | undefined {
  let sum = 0;
  let decimals = 0;
  let any = false;
  for (const x of r.terms) {
    const [i, k] = at(r.axis, x.at, j);
    const n = nums[i][k];
    if (n.kind === 'empty') continue;
    if (!hasValue(n)) return undefined;
    any = true;
    sum += x.sign * n.value;
    decimals = Math.max(decimals, n.decimals ?? 0);
  }
  return any ? { kind: 'number', value: sum, decimals } : undefined;
}
