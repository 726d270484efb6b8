// What a filled copy would lose: `fill` writes the copy with exceljs, which keeps cells, styles,
// merges, notes, validations, conditional formats and pictures, and drops the rest of a package.
import type JSZip from 'jszip';
import { zipOf } from './package-zip';

export type LostKind = 'charts' | 'shapes' | 'sparklines' | 'pivots' | 'validations' | 'macros' | 'slicers' | 'links' | 'connections' | 'controls' | 'threads';

/** The order they are named in. */
const ORDER: LostKind[] = ['charts', 'shapes', 'sparklines', 'pivots', 'slicers', 'validations', 'links', 'connections', 'controls', 'threads', 'macros'];

export interface Lost {
  kind: LostKind;
  count: number;
}

/** Parts exceljs drops, by the folder or name Excel gives them. */
const PARTS: Array<[LostKind, RegExp]> = [
  ['charts', /^xl\/(charts\/chart[^/]*|chartsheets\/[^/]*)\.xml$/i],
  ['pivots', /^xl\/pivotTables\/[^/]*\.xml$/i],
  ['macros', /^xl\/vbaProject\.bin$/i],
  ['slicers', /^xl\/(slicers|timelines)\/[^/]*\.xml$/i],
  ['links', /^xl\/externalLinks\/[^/]*\.xml$/i],
  ['connections', /^xl\/connections\.xml$/i],
  ['controls', /^xl\/ctrlProps\/[^/]*\.xml$/i],
  ['threads', /^xl\/threadedComments\/[^/]*\.xml$/i],
];

/**
 * In a sheet's extension list (Excel 2010's additions): sparklines, and data validations that read
 * another sheet (Excel writes those there, the others where exceljs reads them).
 */
const SHEET_EXTENSIONS: Array<[LostKind, RegExp]> = [
  ['sparklines', /<\w+:sparkline[\s>]/g],
  ['validations', /<\w+:dataValidation[\s>]/g],
];

/** Shapes, text boxes, groups and connectors of a drawing (its pictures are kept). */
const SHAPE = /<(?:\w+:)?(?:sp|grpSp|cxnSp)[\s>]/g;

/** A part's text; '' for one that cannot be inflated (exceljs, which read the workbook, did not need it). */
async function textOf(file: JSZip.JSZipObject): Promise<string> {
  try {
    return await file.async('string');
  } catch {
    return '';
  }
}

/** What of the workbook in `buf` a copy written by exceljs would not hold; empty when nothing. */
export async function objectsLost(buf: Buffer): Promise<Lost[]> {
  let zip: JSZip;
  try {
    zip = await zipOf(buf);
  } catch {
    return [];
  }
  const counts = new Map<LostKind, number>();
  const add = (kind: LostKind, n = 1) => counts.set(kind, (counts.get(kind) ?? 0) + n);
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const hit = PARTS.find(([, re]) => re.test(name));
    if (hit) add(hit[0]);
    else if (/^xl\/worksheets\/[^/]*\.xml$/i.test(name)) {
      const xml = await textOf(file);
      const ext = xml.indexOf('<extLst');
      if (ext < 0) continue;
      for (const [kind, re] of SHEET_EXTENSIONS) {
        const n = (xml.slice(ext).match(re) ?? []).length;
        if (n) add(kind, n);
      }
    } else if (/^xl\/drawings\/drawing[^/]*\.xml$/i.test(name)) {
      // A shape nested in a group is counted once, with its group.
      const xml = await textOf(file);
      const top = xml.match(/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)[\s>][\s\S]*?<\/(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)>/g) ?? [];
      const shapes = top.filter((a) => (a.match(SHAPE) ?? []).length > 0).length;
      if (shapes) add('shapes', shapes);
    }
  }
  return ORDER.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
}
