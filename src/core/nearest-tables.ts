// Which tables of another kind a table is compared with or computed from, in order. A region's
// workbook holds one system per sheet (or one library after another on a sheet): a fund movement
// table is compared with the receipts table beside it, an indicator computed from the basic
// indicators beside it, not from the workbook's first. So the tables of the same sheet come first,
// nearest first; then the others in the order given (the reference copy first, or workbook order).
import type { TableModel } from './table';

/** Tables of one kind (of one year, for links): all in the order given, and per sheet by row. */
export class Candidates {
  private readonly bySheet = new Map<TableModel['sheet'], TableModel[]>();

  constructor(readonly ordered: TableModel[]) {
    for (const o of ordered) {
      let list = this.bySheet.get(o.sheet);
      if (!list) this.bySheet.set(o.sheet, (list = []));
      list.push(o);
    }
    for (const list of this.bySheet.values()) list.sort((a, b) => a.area.top - b.area.top || a.area.left - b.area.left);
  }

  /**
   * Calls `visit` with the candidates for `t` in order until it returns true (stop). The tables of
   * t's sheet come first, nearest first (by the rows between them); then the others in the order
   * given. `t` itself is skipped.
   */
  each(t: TableModel, visit: (o: TableModel) => boolean): void {
    const here = this.bySheet.get(t.sheet);
    if (here) {
      // Walk out from t's row both ways, taking the nearer side each time. Near is the rows between
      // the two tables (a 4.4 just under its 4.3 is nearer to it than to the next branch's 4.3,
      // whose top may be closer to its own).
      let hi = lowerBound(here, t.area.top);
      let lo = hi - 1;
      while (lo >= 0 || hi < here.length) {
        const up = lo >= 0 ? Math.max(0, t.area.top - here[lo].area.bottom) : Infinity;
        const down = hi < here.length ? Math.max(0, here[hi].area.top - t.area.bottom) : Infinity;
        const o = down <= up ? here[hi++] : here[lo--];
        if (o !== t && visit(o)) return;
      }
    }
    for (const o of this.ordered) if (o.sheet !== t.sheet && visit(o)) return;
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
