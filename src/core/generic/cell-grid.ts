// The cells of a table read by the table layer, made when first asked for: a known table read a
// second time for its unstated relations lends its own cells, and the layer makes only the others.
import type { Area } from '../grid/grid';
import { isNumberLike } from '../layout/blocks';
import type { Num } from '../grid/numbers';
import type { SheetView } from '../grid/sheet-view';
import type { Definition } from '../tables/definition';
import { keyString, type TableCell } from '../tables/table';
import type { Reading } from './reading-memo';

/** A known table's cell at a sheet position, if it has one there. */
export type Lent = (row: number, col: number) => TableCell | undefined;

const EMPTY: Num = { kind: 'empty' };

export class CellGrid {
  private readonly nums: Num[];
  private readonly made: Array<TableCell | undefined>;
  private readonly width: number;

  constructor(
    private readonly view: SheetView,
    private readonly area: Area,
    private readonly g: Reading,
    private readonly def: Definition,
  ) {
    this.width = g.cols.length;
    this.nums = new Array<Num>(g.rows.length * this.width);
    this.made = new Array<TableCell | undefined>(this.nums.length);
    const checked = g.rels.length > 0;
    let k = 0;
    for (const ri of g.rows)
      for (const ci of g.cols) {
        const num = view.num(area.top + ri.at, area.left + ci.at);
        // Text in a table with nothing to check (opening hours, a phone) is not a misread number.
        // Words in a column of figures (a label the layout put there) are no misread number.
        const noFigure =
          num.kind === 'not-number' &&
          (!checked || !isNumberLike(num) || /(\p{L}.*){4}/u.test(num.text ?? ''));
        this.nums[k++] = noFigure ? EMPTY : num;
      }
  }

  index(rc: [number, number]): number {
    return rc[0] * this.width + rc[1];
  }

  /** The reading of cell (i, j) of the table (rows and columns by index). */
  num(rc: [number, number]): Num {
    return this.nums[rc[0] * this.width + rc[1]];
  }

  format(rc: [number, number]): string | undefined {
    return this.view.cell(
      this.area.top + this.g.rows[rc[0]].at,
      this.area.left + this.g.cols[rc[1]].at,
    )?.numberFormat;
  }

  anyFigure(): boolean {
    return this.nums.some((n) => n.kind !== 'empty');
  }

  /** Cell (i, j): the lender's at its place if it has one, else the table's own, made once. */
  cell(i: number, j: number, lent?: Lent): TableCell {
    const row = this.area.top + this.g.rows[i].at;
    const col = this.area.left + this.g.cols[j].at;
    const own = lent?.(row, col);
    if (own) return own;
    const k = i * this.width + j;
    let c = this.made[k];
    if (!c) {
      const cell = this.view.cell(row, col);
      const key = { row: `r${i}`, col: `c${j}` };
      c = {
        row,
        col,
        key,
        ks: keyString(this.def, key),
        num: this.nums[k],
        formula: cell?.formula,
        numberFormat: cell?.numberFormat,
      };
      this.made[k] = c;
    }
    return c;
  }

  private list?: TableCell[];

  /** Every cell of the table, row by row (one list, made once). */
  all(): TableCell[] {
    if (this.list) return this.list;
    const out: TableCell[] = [];
    for (let i = 0; i < this.g.rows.length; i++)
      for (let j = 0; j < this.width; j++) out.push(this.cell(i, j));
    return (this.list = out);
  }
}
