// Picks cells of a table by member ids and year, for relations between tables.
import { totalsOf } from './table-totals';
import { keyString, type Key, type TableCell, type TableModel } from './table';

/** Years a table covers: the years in its keys, else its own year or the reporting year. */
type Years = { years: number[]; keyed: boolean };
const keyYears = new WeakMap<TableModel, Years>();

export function yearsOf(t: TableModel, reportingYear: number | undefined): Years {
  let keyed = keyYears.get(t);
  if (!keyed) {
    const ys = new Set<number>();
    for (let ci = 0; ci < t.cells.length; ci++) {
      const y = t.cells[ci].key.year;
      if (y) ys.add(Number(y));
    }
    keyed = { years: [...ys].sort((a, b) => a - b), keyed: true };
    keyYears.set(t, keyed);
  }
  if (keyed.years.length) return keyed;
  // A workbook that names no year at all still compares its year-less tables with each other (year 0).
  return { years: [t.year ?? reportingYear ?? 0], keyed: false };
}

/** Selections made, per table, selector (a definition's own object) and year: links ask the same table again and again. */
const selections = new WeakMap<TableModel, Map<Record<string, string>, Map<number, TableCell[] | null>>>();

/**
 * The same as positions in the cell list, per layout: tables moved from one layout with its keys
 * (no ids naming positions) select the same positions.
 */
const layoutSelections = new WeakMap<TableCell[], Map<Record<string, string>, Map<number, number[] | null>>>();

function memo<K extends object, V>(store: WeakMap<K, Map<Record<string, string>, Map<number, V>>>, k: K, sel: Record<string, string>): Map<number, V> {
  let perK = store.get(k);
  if (!perK) store.set(k, (perK = new Map()));
  let perSel = perK.get(sel);
  if (!perSel) perK.set(sel, (perSel = new Map()));
  return perSel;
}

/** Cells a selector picks for one year (`*` = every member that is not a total). */
export function select(t: TableModel, sel: Record<string, string>, year: number, keyed: boolean): TableCell[] | undefined {
  const perSel = memo(selections, t, sel);
  const y = keyed ? year : -1 - year;
  let out = perSel.get(y);
  if (out === undefined) {
    const at = t.byKey.sharesLayout ? positionsIn(memo(layoutSelections, t.byKey.layout, sel), y, t, sel, year, keyed) : pick(t, sel, year, keyed);
    out = at ? at.map((i) => t.cells[i]) : null;
    perSel.set(y, out);
  }
  return out ?? undefined;
}

function positionsIn(perSel: Map<number, number[] | null>, y: number, t: TableModel, sel: Record<string, string>, year: number, keyed: boolean): number[] | undefined {
  let at = perSel.get(y);
  if (at === undefined) perSel.set(y, (at = pick(t, sel, year, keyed) ?? null));
  return at ?? undefined;
}

/** Positions of the cells a selector picks. */
function pick(t: TableModel, sel: Record<string, string>, year: number, keyed: boolean): number[] | undefined {
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
  const at: number[] = [];
  for (const k of keys) {
    const i = t.byKey.position(keyString(t.def, k));
    if (i !== undefined) at.push(i);
  }
  return at.length ? at : undefined;
}

/** The cells of `t` for a year, if `t` covers it. */
export function selectYear(t: TableModel, sel: Record<string, string>, year: number, reportingYear: number | undefined): TableCell[] | undefined {
  const y = yearsOf(t, reportingYear);
  if (!y.years.includes(year)) return undefined;
  return select(t, sel, year, y.keyed);
}
