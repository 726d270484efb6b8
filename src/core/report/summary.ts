// Table summaries declared by definitions (the Model Standard grid's shares at a threshold).
import type { CheckOptions, SummaryData } from '../api-types';
import type { Values } from '../relations/relations';
import type { TableCell, TableModel } from '../tables/table';

export const DEFAULT_THRESHOLD = 6;

export function summarize(t: TableModel, values: Values, opts: CheckOptions): SummaryData | undefined {
  const s = t.def.summary;
  if (!s) return undefined;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const rows: Array<{ name: string; score: number; share: number }> = [];
  const byMember = cellsOf(t, s.dim, s.value);
  for (const m of t.found.get(s.dim) ?? []) {
    if (m === 'total') continue;
    const c = byMember.get(m);
    const v = c ? values.get(t, c) : undefined;
    if (v === undefined) continue;
    rows.push({ name: t.words.get(`${s.dim}:${m}`) ?? m, score: v, share: Math.round((v / s.max) * 1000) / 10 });
  }
  if (!rows.length) return undefined;
  const atOrAbove = rows.filter((r) => r.score >= threshold - 1e-9).length;
  const share = Math.round((atOrAbove / rows.length) * 1000) / 10;
  return {
    table: t.id,
    kind: t.def.kind,
    messageId: 'summary/threshold-share',
    params: { count: atOrAbove, total: rows.length, share, threshold, max: s.max },
    data: { threshold, max: s.max, count: atOrAbove, total: rows.length, share, rows },
  };
}

/** The cell of each member of `dim` whose other key parts are `value`'s (what cellOf would find for each). */
function cellsOf(t: TableModel, dim: string, value: Record<string, string>): Map<string, TableCell> {
  const out = new Map<string, TableCell>();
  const others = t.def.dims.filter((d) => d.id !== dim).map((d) => d.id);
  const measure = value.measure ?? 'value';
  for (let ci = 0; ci < t.cells.length; ci++) {
    const c = t.cells[ci];
    const m = c.key[dim];
    if (m === undefined || (c.key.measure ?? 'value') !== measure) continue;
    if (others.every((d) => (c.key[d] ?? '') === (value[d] ?? ''))) out.set(m, c);
  }
  return out;
}
