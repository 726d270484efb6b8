// Helpers for the fast-reader tests: both readers on one buffer, and small hand-written packages
// (a worksheet's XML, the string table, styles, the workbook) zipped with JSZip.
import JSZip from 'jszip';
import type { Workbook } from '../../src/core';
import { FastXlsxUnsupported, parseXlsxFast } from '../../src/cli/xlsx';
import { parseWorkbookBuffer, parseXlsx } from '../../src/cli/read-xlsx';
import { ReadError } from '../../src/cli/read-errors';

/** Both readers on one buffer: the grids must be equal, holes and all. */
export async function same(buf: Buffer): Promise<Workbook> {
  const slow = await parseXlsx(buf);
  const fast = parseXlsxFast(buf);
  expect(fast).toStrictEqual(slow);
  return fast;
}

/**
 * Both readers on one buffer, where the fast reader may leave the file to exceljs only for the
 * reason `mayLeaveFor` (then `check` reads it with exceljs, so there is nothing to compare); it
 * must read everything else itself, and read it as exceljs does. True when read fast.
 */
export async function sameUnlessLeftFor(buf: Buffer, mayLeaveFor: string | undefined): Promise<boolean> {
  let fast: Workbook;
  try {
    fast = parseXlsxFast(buf);
  } catch (e) {
    if (!(e instanceof FastXlsxUnsupported)) throw e;
    expect(e.message).toBe(`fast xlsx reader: ${mayLeaveFor ?? '(it must read this file itself)'}`);
    return false;
  }
  expect(fast).toStrictEqual(await parseXlsx(buf));
  return true;
}

/**
 * The fast reader leaves the file to exceljs, and parseWorkbookBuffer (what `check` reads with)
 * then falls back: it reads the file or fails with a ReadError, never with the fast reader's
 * FastXlsxUnsupported.
 */
export async function leftToExcelJS(buf: Buffer): Promise<void> {
  expect(() => parseXlsxFast(buf)).toThrow(FastXlsxUnsupported);
  const viaFallback = await parseWorkbookBuffer(buf).catch((e: unknown) => e);
  if (viaFallback instanceof Error) expect(viaFallback).toBeInstanceOf(ReadError);
  else expect(Array.isArray((viaFallback as Workbook).sheets)).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// Hand-written packages

export const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export interface SheetPart {
  name: string;
  /** The whole worksheet part, or just the inside of <sheetData> (see ws()). */
  xml: string;
  sheetId?: number;
  state?: string;
  /** Relationship target (default worksheets/sheetN.xml). */
  target?: string;
  /** The part's name in the zip, when the target does not say it plainly. */
  file?: string;
  /** The sheet's own relationships part. */
  rels?: string;
  /** Extra attributes on <sheet>, or a replacement for the whole <sheet> element. */
  sheetElement?: string;
}

export interface Package {
  sheets: SheetPart[];
  sst?: string;
  styles?: string;
  workbookPr?: string;
  extra?: Record<string, string>;
  /** Store instead of deflate. */
  store?: boolean;
}

export function ws(sheetData: string, tail = '', head = ''): string {
  return `${XML}<worksheet ${NS}>${head}<sheetData>${sheetData}</sheetData>${tail}</worksheet>`;
}

export function sst(...items: string[]): string {
  return `${XML}<sst ${NS} count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
}

/** A styles part with the given custom formats and cell formats (numFmtId per xf; the first is the default). */
export function styles(numFmts: Array<[number, string]>, xfs: Array<number | undefined>): string {
  const fmts = numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`).join('')}</numFmts>` : '';
  const cellXfs = xfs.map((id) => (id === undefined ? '<xf fontId="0" fillId="0" borderId="0" xfId="0"/>' : `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)).join('');
  return (
    `${XML}<styleSheet ${NS}>${fmts}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${cellXfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

export async function pkg(p: Package): Promise<Buffer> {
  const zip = new JSZip();
  const opts = { compression: p.store ? ('STORE' as const) : ('DEFLATE' as const) };
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    opts,
  );
  zip.file('_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`, opts);
  const rels: string[] = [];
  const sheetEls: string[] = [];
  p.sheets.forEach((s, i) => {
    const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="${target}"/>`);
    const file = s.file ?? (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    zip.file(file, s.xml, opts);
    if (s.rels) zip.file(file.replace(/([^/]+)$/, '_rels/$1.rels'), s.rels, opts);
    sheetEls.push(s.sheetElement?.startsWith('<') ? s.sheetElement : `<sheet name="${s.name}" sheetId="${s.sheetId ?? i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i + 1}"${s.sheetElement ?? ''}/>`);
  });
  if (p.sst !== undefined) {
    zip.file('xl/sharedStrings.xml', p.sst, opts);
    rels.push(`<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (p.styles !== undefined) {
    zip.file('xl/styles.xml', p.styles, opts);
    rels.push(`<Relationship Id="rIdSt" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  zip.file('xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`, opts);
  zip.file('xl/workbook.xml', `${XML}<workbook ${NS}>${p.workbookPr ?? ''}<bookViews><workbookView/></bookViews><sheets>${sheetEls.join('')}</sheets><calcPr calcId="191029"/></workbook>`, opts);
  for (const [name, content] of Object.entries(p.extra ?? {})) zip.file(name, content, opts);
  return zip.generateAsync({ type: 'nodebuffer', compression: p.store ? 'STORE' : 'DEFLATE' });
}

export const one = (xml: string, more: Partial<Package> = {}): Promise<Buffer> => pkg({ sheets: [{ name: 'Лист1', xml }], ...more });
