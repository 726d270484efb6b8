// One wrong figure breaks every relation through it: a total typed wrong fails its sum, and its
// `+/-` and the shares of it fail too. A relation that holds once the failing totals are set to
// their sums is explained by them and is not reported again (the sum's issue names the cell).
import type { TableCell, TableModel } from '../tables/table';
import { instances, targetOf, type Instance, type Term, type Values } from '../relations/relations';

export class Corrections {
  private map?: Map<TableCell, number>;

  constructor(
    private readonly tables: readonly TableModel[],
    private readonly values: Values,
  ) {}

  /** Totals stated by their labels that differ from their sums → those sums (one sum per cell). */
  private corrections(): Map<TableCell, number> {
    if (this.map) return this.map;
    const out = new Map<TableCell, number>();
    const doubtful = new Set<TableCell>();
    for (const t of this.tables)
      for (const inst of instances(t)) {
        if (inst.type !== 'sum' || !inst.exhaustive || inst.inferred) continue;
        const target = targetOf(inst);
        const actual = this.values.get(t, target);
        const sum = this.values.compute(inst);
        if (actual === undefined || sum === undefined || Math.abs(actual - sum) < 1e-9) continue;
        const known = out.get(target);
        if (known !== undefined && Math.abs(known - sum) >= 1e-9) doubtful.add(target);
        out.set(target, sum);
      }
    for (const c of doubtful) out.delete(c);
    return (this.map = out);
  }

  /** What `inst` computes with the failing totals among its inputs set to their sums (undefined: none is). */
  compute(inst: Instance): number | undefined {
    const fixes = this.corrections();
    if (!fixes.size) return undefined;
    const terms = (xs: Term[]): number | undefined => {
      let s = 0;
      for (const x of xs) {
        const v = fixes.get(x.cell) ?? this.values.get(x.table, x.cell);
        if (v === undefined) return undefined;
        s += x.sign * v;
      }
      return s;
    };
    const inputs = inst.type === 'ratio' ? [...inst.num, ...inst.den] : inst.type === 'subset' ? [] : inst.terms;
    if (!inputs.some((x) => fixes.has(x.cell))) return undefined;
    if (inst.type === 'ratio') {
      const n = terms(inst.num);
      const d = terms(inst.den);
      return n === undefined || d === undefined || d === 0 ? undefined : (n / d) * inst.factor;
    }
    return inst.type === 'subset' ? undefined : terms(inst.terms);
  }
}
