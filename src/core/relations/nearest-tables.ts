// Which tables of another kind a table is compared with or computed from, in order. A region's
// workbook holds one system per sheet (or one library after another on a sheet): a fund movement
// table is compared with the receipts table beside it, an indicator computed from the basic
// indicators beside it, not from the workbook's first. So the tables of the same sheet and column
// band come first, nearest first (systems side by side are bands); then the sheet's other bands and
// the other sheets, in the order given (the reference copy first, or workbook order).
// Where the cell being checked is a formula, the tables holding the cells it reads come before all.
// Another sheet holding several tables of a kind for one year (a library after another) is a
// collection of units: which of them a table on another sheet goes with is a guess, so none is
// taken; nor is any other sheet's for a table that is itself one of several on its sheet.
import type { FormulaRef } from '../grid/formula-refs';
import type { TableModel } from '../tables/table';

/**
 * Column bands: per sheet, tables whose columns overlap, directly or through a table spanning both,
 * are in one band. Ten systems side by side on a sheet, each a column of tables, are ten bands; a
 * report whose tables share a left edge, or sit beside each other under a wide one, is one.
 */
export function columnBands(tables: readonly TableModel[]): Map<TableModel, number> {
  const bySheet = new Map<TableModel['sheet'], TableModel[]>();
  for (const t of tables) (bySheet.get(t.sheet) ?? bySheet.set(t.sheet, []).get(t.sheet)!).push(t);
  const out = new Map<TableModel, number>();
  let band = 0;
  for (const list of bySheet.values()) {
    const sorted = [...list].sort((a, b) => a.area.left - b.area.left);
    let right = -1;
    for (const t of sorted) {
      if (t.area.left > right) band++;
      right = Math.max(right, t.area.right);
      out.set(t, band);
    }
  }
  return out;
}

/** Tables of one kind (of one year, for links): all in the order given, and per sheet by row. */
export class Candidates {
  private readonly bySheet = new Map<TableModel['sheet'], TableModel[]>();
  private readonly byName = new Map<string, TableModel['sheet']>();
  /** Per sheet, the column band all these tables on it are in; −1 when they are in several. */
  private readonly soleBand = new Map<TableModel['sheet'], number>();
  /** Per sheet, the years two or more of its tables cover (see `crowded`). */
  private crowdedYears?: Map<TableModel['sheet'], Set<number>>;

  /**
   * @param yearsOf the years a table covers; without it, the tables are of one year.
   * @param bands the column band of every table of the workbook (`columnBands`)
   */
  constructor(
    readonly ordered: TableModel[],
    private readonly yearsOf?: (t: TableModel) => readonly number[],
    private readonly bands?: Map<TableModel, number>,
  ) {
    for (const o of ordered) {
      let list = this.bySheet.get(o.sheet);
      if (!list) {
        this.bySheet.set(o.sheet, (list = []));
        this.byName.set(o.sheet.name.toLowerCase(), o.sheet);
      }
      list.push(o);
    }
    for (const [sheet, list] of this.bySheet) {
      list.sort((a, b) => a.area.top - b.area.top || a.area.left - b.area.left);
      if (bands) this.soleBand.set(sheet, list.every((o) => bands.get(o) === bands.get(list[0])) ? bands.get(list[0])! : -1);
    }
  }

  /** Whether two or more of these tables on `sheet` cover `year` (any year, without `yearsOf`). */
  crowded(sheet: TableModel['sheet'], year: number): boolean {
    const list = this.bySheet.get(sheet);
    if (!list || list.length < 2) return false;
    if (!this.yearsOf) return true;
    if (!this.crowdedYears) this.crowdedYears = new Map();
    let ys = this.crowdedYears.get(sheet);
    if (!ys) {
      const seen = new Set<number>();
      ys = new Set();
      for (const o of list) for (const y of this.yearsOf(o)) (seen.has(y) ? ys : seen).add(y);
      this.crowdedYears.set(sheet, ys);
    }
    return ys.has(year);
  }

  /**
   * Calls `visit` with the candidates for `t` in order until it returns true (stop). The tables of
   * t's sheet and column band come first, nearest first (by the rows between them); then, unless
   * `alone` is false (t is one of several of its kind on its sheet), those of the sheet's other
   * bands, and those of other sheets not crowded for `year`, in the order given (as `otherSheets`,
   * asked only then, allows: all, none, or those of one sheet). `refs` (the cells a formula of t's
   * reads) put the tables holding them first. `t` itself is skipped.
   */
  each(t: TableModel, visit: (o: TableModel) => boolean, refs: readonly FormulaRef[] = [], year = 0, alone = true, otherSheets?: () => boolean | TableModel['sheet']): void {
    let named: TableModel[] | undefined;
    for (const ref of refs) {
      const o = this.holding(t, ref);
      if (!o || o === t || named?.includes(o)) continue;
      if (visit(o)) return;
      (named ??= []).push(o);
    }
    const go = named ? (o: TableModel) => !named.includes(o) && visit(o) : visit;
    const here = this.bySheet.get(t.sheet);
    const band = this.bands?.get(t);
    // Most sheets are one band: each table is visited once, unfiltered.
    const one = band === undefined || this.soleBand.get(t.sheet) === band;
    if (here && this.nearest(t, here, one ? go : (o) => this.bands!.get(o) === band && go(o))) return;
    if (!alone) return;
    if (here && !one && this.nearest(t, here, (o) => this.bands!.get(o) !== band && go(o))) return;
    const lend = otherSheets ? otherSheets() : true;
    if (lend === false) return;
    for (const o of this.ordered) if (o.sheet !== t.sheet && (lend === true || o.sheet === lend) && !this.crowded(o.sheet, year) && go(o)) return;
  }

  /** How many of these tables, other than t, hold cells of `refs` (two: t's cell totals them). */
  holdingCount(t: TableModel, refs: readonly FormulaRef[]): number {
    let first: TableModel | undefined;
    for (const ref of refs) {
      const o = this.holding(t, ref);
      if (!o || o === t || o === first) continue;
      if (first) return 2;
      first = o;
    }
    return first ? 1 : 0;
  }

  /**
   * Visits `here` (t's sheet's tables, by top) walking out from t's row both ways, taking the nearer
   * side each time, until `visit` returns true. Near is the rows between the two tables (a 4.4 just
   * under its 4.3 is nearer to it than to the next branch's 4.3, whose top may be closer to its own).
   */
  private nearest(t: TableModel, here: TableModel[], visit: (o: TableModel) => boolean): boolean {
    let hi = lowerBound(here, t.area.top);
    let lo = hi - 1;
    while (lo >= 0 || hi < here.length) {
      const up = lo >= 0 ? Math.max(0, t.area.top - here[lo].area.bottom) : Infinity;
      const down = hi < here.length ? Math.max(0, here[hi].area.top - t.area.bottom) : Infinity;
      const o = down <= up ? here[hi++] : here[lo--];
      if (o !== t && visit(o)) return true;
    }
    return false;
  }

  /** Whether one of these tables holds a cell of `refs`. */
  holdsAny(t: TableModel, refs: readonly FormulaRef[]): boolean {
    for (const ref of refs) if (this.holding(t, ref)) return true;
    return false;
  }

  /** The table whose area holds the cell a formula of t's names, if one of these does. */
  private holding(t: TableModel, ref: FormulaRef): TableModel | undefined {
    const sheet = ref.sheet === undefined ? t.sheet : this.byName.get(ref.sheet.toLowerCase());
    const list = sheet && this.bySheet.get(sheet);
    if (!list) return undefined;
    const row = ref.row - (sheet.origin?.row ?? 0);
    const col = ref.col - (sheet.origin?.col ?? 0);
    // Tables are sorted by top: those starting at or above the row, nearest first (a few: tables
    // of one kind side by side at most; a cell in none of them is looked for no further).
    const end = lowerBound(list, row + 1);
    for (let i = end - 1; i >= 0 && i >= end - 8; i--) {
      const a = list[i].area;
      if (a.bottom >= row && a.left <= col && a.right >= col) return list[i];
    }
    return undefined;
  }
}

/** The first index whose table starts at or below `top`. */
function lowerBound(list: TableModel[], top: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].area.top < top) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
