// Cell styles (styles.xml): the number format of each style id, and whether it makes numbers dates,
// as exceljs's getStyleModel gives them.
import { children, openRoot } from './xml-scan';
import { unsupported } from './unsupported';

/** exceljs's built-in number formats (lib/xlsx/defaultnumformats.js, the entries with a culture-independent code). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's utils.isDateFmt: a format with y, m, d, h, s or b outside quotes and brackets makes numbers dates. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export interface StyleFormat {
  numFmt: string | undefined;
  date: boolean;
}

export class Styles {
  private readonly cache: Array<StyleFormat | undefined> = [];
  private static readonly NONE: StyleFormat = { numFmt: undefined, date: false };

  constructor(
    private readonly xfNumFmt: number[] | undefined,
    private readonly custom: Map<number, string>,
  ) {}

  static read(xml: string | undefined): Styles | undefined {
    if (xml === undefined) return undefined;
    const sc = openRoot(xml, 'styleSheet');
    const custom = new Map<number, string>();
    let xfs: number[] | undefined;
    children(sc, (name) => {
      if (name === 'numFmts') {
        children(sc, (child) => {
          if (child === 'numFmt') {
            const code = sc.attr('formatCode');
            if (code === undefined) unsupported('numFmt without formatCode');
            // exceljs drops the backslash of every escaped character.
            custom.set(parseInt(sc.attr('numFmtId')!, 10), code!.replace(/[\\](.)/g, '$1'));
          }
          sc.skip();
        });
      } else if (name === 'cellXfs') {
        const list: number[] = [];
        children(sc, (child) => {
          if (child === 'xf') list.push(parseInt(sc.attr('numFmtId')!, 10));
          sc.skip();
        });
        xfs = list.length ? list : undefined;
      } else sc.skip();
    });
    return new Styles(xfs, custom);
  }

  /** The number format of a cell's style id, as exceljs's getStyleModel gives it. */
  of(styleId: number): StyleFormat {
    // exceljs: a style id of 0 (or none) means no style at all.
    if (!styleId) return Styles.NONE;
    let f = this.cache[styleId];
    if (f) return f;
    // exceljs fails on a styled cell when styles.xml has no cell formats.
    if (!this.xfNumFmt) unsupported('cell style without cellXfs');
    const id = this.xfNumFmt![styleId];
    let numFmt: string | undefined;
    if (id) numFmt = this.custom.get(id) || BUILTIN_FORMATS[id];
    f = numFmt ? { numFmt, date: isDateFmt(numFmt) } : Styles.NONE;
    if (styleId >= 0) this.cache[styleId] = f;
    return f;
  }
}

