// The workbook: the package checked to be one, workbook.xml's sheets and date system, the parts
// found as exceljs finds them (or, in a prefixed package, as its relationships name them), and
// each sheet read in turn.
import { posix } from 'path';
import type { Sheet, Workbook } from '../../core';
import { ReadError } from '../read-errors';
import { Zip } from './zip';
import { children, openRoot, xmlDecodeAgain } from './xml-scan';
import { readSharedStrings } from './shared-strings';
import { Styles } from './styles';
import { sheetLayout } from './sheet-layout';
import { readSheet, type SheetContext } from './sheet';
import { unsupported } from './unsupported';

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

type Rels = Map<string, { type?: string; target?: string }>;
type SheetDef = { name: string; id: number; rid: string | undefined };

/** Relationship id → attributes, as exceljs's RelationshipsXform reads them. */
function readRels(xml: string | undefined): Rels {
  const rels = new Map<string, { type?: string; target?: string }>();
  if (xml === undefined) return rels;
  const sc = openRoot(xml, 'Relationships');
  children(sc, (name) => {
    // exceljs: any other element in a relationships part is an error.
    if (name !== 'Relationship') unsupported(`<${name}> in relationships`);
    const id = sc.attr('Id');
    if (id === undefined) unsupported('relationship without an id');
    rels.set(id!, { type: sc.attr('Type'), target: sc.attr('Target') });
    sc.skip();
  });
  return rels;
}

/** The relationships of a worksheet part, where exceljs looks for them (by the sheet's number). */
function relsPath(part: string): string {
  return `xl/worksheets/_rels/sheet${/xl\/worksheets\/sheet(\d+)[.]xml/.exec(part)![1]}.xml.rels`;
}

/** The spec's name for a part's relationships, whatever the part's name: `dir/_rels/name.rels`. */
function specRelsPath(part: string): string {
  return part.replace(/([^/]*)$/, '_rels/$1.rels');
}

/** exceljs's checks on a worksheet name: the ones it refuses (or warns about and truncates) are left to it. */
function checkName(name: string): void {
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31) unsupported(`sheet name ${JSON.stringify(name)}`);
}

/**
 * Parses an .xlsx buffer into the engine's workbook, as parseXlsx does. Throws a ReadError for a file

/** workbook.xml: the sheets in order, the 1904 date system, and whether its elements carry a prefix. */
function readWorkbookPart(wbXml: string): { sheetDefs: SheetDef[]; date1904: boolean; prefixed: boolean } {
  const sheetDefs: SheetDef[] = [];
  let date1904 = false;
  const wsc = openRoot(wbXml, 'workbook');
  children(wsc, (name) => {
    if (name === 'sheets') {
      children(wsc, (child) => {
        if (child === 'sheet') {
          const raw = wsc.attr('name');
          if (raw === undefined) unsupported('sheet without a name');
          sheetDefs.push({ name: xmlDecodeAgain(raw!), id: parseInt(wsc.attr('sheetId') as string, 10), rid: wsc.attr('r:id') });
        }
        wsc.skip();
      });
    } else {
      if (name === 'workbookPr') date1904 = wsc.attr('date1904') === '1';
      wsc.skip();
    }
  });
  return { sheetDefs, date1904, prefixed: wsc.prefix !== '' };
}

/**
 * The sheets exceljs reads: those whose relationship leads to a part it took for a worksheet.
 * `partOf`: a relationship's target as a part's name in the package.
 */
function chooseSheets(sheetDefs: SheetDef[], rels: Rels, bySpec: boolean, partOf: (target: string) => string, zip: Zip): Array<{ name: string; path: string }> {
  const chosen: Array<{ name: string; path: string }> = [];
  // exceljs files sheets by sheetId: a missing, zero or repeated id loses or reorders sheets there.
  const ids = new Set<number>();
  for (const def of sheetDefs) {
    if (!(def.id >= 1) || ids.has(def.id)) unsupported('sheetId');
    ids.add(def.id);
  }
  const paths = new Set<string>();
  const names = new Set<string>();
  for (const def of sheetDefs) {
    // exceljs reads the relationship id only as `r:id`: without it (or its relationship) the sheet is skipped.
    const rel = def.rid === undefined ? undefined : rels.get(def.rid);
    if (!rel) continue;
    if (rel.target === undefined) unsupported('relationship without a target');
    // exceljs: a part named like xl/worksheets/sheetN.xml (a chart sheet's target, chartsheets/sheet1.xml,
    // is no such part); the spec: a worksheet relationship.
    const path = partOf(rel.target!);
    if (!(bySpec ? rel.type?.endsWith('/worksheet') : /xl\/worksheets\/sheet(\d+)[.]xml/.test(path)) || !zip.has(path)) continue;
    if (paths.has(path)) unsupported('two sheets on one part');
    checkName(def.name);
    const lower = def.name.toLowerCase();
    if (names.has(lower)) unsupported('repeated sheet name');
    paths.add(path);
    names.add(lower);
    chosen.push({ name: def.name, path });
  }
  return chosen;
}

/** The cells exceljs takes for hyperlinked: those whose link has a relationship with a target. */
function sheetHyperlinks(zip: Zip, path: string, links: Array<{ ref: string; rid: string }>, bySpec: boolean): Set<string> {
  const hyperlinks = new Set<string>();
  if (!links.length) return hyperlinks;
  const sheetRels = readRels(zip.text(bySpec ? specRelsPath(path) : relsPath(path)));
  for (const h of links) {
    const rel = sheetRels.get(h.rid);
    // exceljs fails on a link whose relationship is missing; one without a target is no link to it.
    if (!rel) unsupported('hyperlink without its relationship');
    if (rel!.target && h.ref !== undefined) hyperlinks.add(h.ref);
  }
  return hyperlinks;
}

/**
 * Parses an .xlsx buffer into the engine's workbook, as parseXlsx does. Throws a ReadError for a file
 * that is no workbook (the same codes as parseXlsx) and FastXlsxUnsupported for one to read with exceljs.
 */
export function parseXlsxFast(buf: Buffer): Workbook {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB)) throw new ReadError('encrypted');
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw new ReadError('not-xlsx');
  const zip = new Zip(buf);

  const wbXml = zip.text('xl/workbook.xml');
  if (wbXml === undefined) {
    // exceljs reads `XL/Workbook.xml` as a workbook without sheets; leave such a file to it.
    for (const name of zip.entries.keys()) if (/^xl\/workbook\.xml$/i.test(name)) unsupported('workbook part in another case');
    throw new ReadError('not-workbook');
  }
  const { sheetDefs, date1904, prefixed } = readWorkbookPart(wbXml);
  const relsXml = zip.text('xl/_rels/workbook.xml.rels');
  const rels = readRels(relsXml);
  // A prefixed workbook part (Open XML SDK) is none exceljs reads: its parts are found as the
  // relationships name them, as Excel finds them, not by exceljs's fixed names.
  const bySpec = prefixed;
  // exceljs: `xl/` + the target without leading spaces and `/xl/`; the spec: absolute, or relative to xl/.
  const partOf = (target: string) => (bySpec ? posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`) : `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  const typed = (type: string) => [...rels.values()].find((r) => r.type?.endsWith(`/${type}`) && r.target !== undefined);
  const chosen = chooseSheets(sheetDefs, rels, bySpec, partOf, zip);

  // exceljs reads the string table and the styles from these names, whatever the relationships say (a
  // prefixed workbook's are found through them).
  const partText = (type: string, name: string) => zip.text(bySpec && typed(type) ? partOf(typed(type)!.target!) : name);
  const sstXml = partText('sharedStrings', 'xl/sharedStrings.xml');
  const strings = sstXml === undefined ? undefined : readSharedStrings(sstXml);
  const styles = Styles.read(partText('styles', 'xl/styles.xml'));
  const rawTargets = rawSheetTargets(wbXml, relsXml ?? '');

  // One sheet's XML at a time.
  const sheets: Sheet[] = [];
  for (const s of chosen) {
    const xml = zip.text(s.path)!;
    const layout = sheetLayout(xml);
    const hyperlinks = sheetHyperlinks(zip, s.path, layout.hyperlinks, bySpec);
    const rawPath = rawTargets.get(s.name);
    const rawResults: SheetContext['rawResults'] = bySpec || rawPath === undefined || !zip.has(rawPath) ? 'none' : rawPath === s.path ? 'this' : 'other';
    const { rows, merges } = readSheet(xml, layout, { strings, styles, date1904, rawResults, hyperlinks });
    sheets.push({ name: s.name, rows, merges });
  }
  return { sheets };
}

/**
 * The sheet name → part that parseXlsx's rawCachedValues uses (its own regular expressions over the raw
 * XML), so that a dropped formula result is restored exactly where parseXlsx restores it.
 */
function rawSheetTargets(wbXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = (/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (!rid || !targets.has(rid)) continue;
    out.set(name, targets.get(rid)!);
  }
  return out;
}
