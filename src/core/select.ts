// Picks cells of a table by member ids and year, for relations between tables.
import { totalsOf } from './relations';
import { cellOf, type Key, type TableCell, type TableModel } from './table';

/** Years a table covers: the years in its keys, else its own year or the reporting year. */
type Years = { years: number[]; keyed: boolean };
const keyYears = new WeakMap<TableModel, Years>();

export function yearsOf(t: TableModel, reportingYear: number | undefined): Years {
  let keyed = keyYears.get(t);
  if (!keyed) {
    const ys = new Set<number>();
    for (const c of t.cells) if (c.key.year) ys.add(Number(c.key.year));
    keyed = { years: [...ys].sort((a, b) => a - b), keyed: true };
    keyYears.set(t, keyed);
  }
  if (keyed.years.length) return keyed;
  // A workbook that names no year at all still compares its year-less tables with each other (year 0).
  return { years: [t.year ?? reportingYear ?? 0], keyed: false };
}

/** Selections made, per table, selector (a definition's own object) and year: links ask the same table again and again. */
const selections = new WeakMap<TableModel, Map<Record<string, string>, Map<number, TableCell[] | null>>>();

/** Cells a selector picks for one year (`*` = every member that is not a total). */
export function select(t: TableModel, sel: Record<string, string>, year: number, keyed: boolean): TableCell[] | undefined {
  let perTable = selections.get(t);
  if (!perTable) selections.set(t, (perTable = new Map()));
  let perSel = perTable.get(sel);
  if (!perSel) perTable.set(sel, (perSel = new Map()));
  const y = keyed ? year : -1 - year;
  let out = perSel.get(y);
  if (out === undefined) {
    out = pick(t, sel, year, keyed) ?? null;
    perSel.set(y, out);
  }
  return out ?? undefined;
}

function pick(t: TableModel, sel: Record<string, string>, year: number, keyed: boolean): TableCell[] | undefined {
  let keys: Key[] = [keyed ? { year: String(year) } : {}];
  for (const [dim, m] of Object.entries(sel)) {
    if (m !== '*') {
      keys = keys.map((k) => ({ ...k, [dim]: m }));
      continue;
    }
    const totals = totalsOf(t, dim);
    const members = (t.found.get(dim) ?? []).filter((x) => !totals.has(x));
    keys = keys.flatMap((k) => members.map((x) => ({ ...k, [dim]: x })));
  }
  const cells = keys.map((k) => cellOf(t, k)).filter((c): c is TableCell => !!c);
  return cells.length ? cells : undefined;
}

/** The cells of `t` for a year, if `t` covers it. */
export function selectYear(t: TableModel, sel: Record<string, string>, year: number, reportingYear: number | undefined): TableCell[] | undefined {
  const y = yearsOf(t, reportingYear);
  if (!y.years.includes(year)) return undefined;
  return select(t, sel, year, y.keyed);
}
