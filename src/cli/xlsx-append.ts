// Appends plain sheets (a header row and rows of text and numbers) to a written .xlsx package, as
// worksheet XML of inline strings: exceljs spends seconds per 100 000 cells on its style model,
// and a summary of 60 workbooks traces millions of contributions. A sheet past Excel's last row
// goes on in a second sheet of the same name and a number (`Источники (2)`).
import type JSZip from 'jszip';
import type { Area } from '../core';
import { writeZip, type Deflated } from './zip-write';
import { escapeXml, PartsWriter, type PlainCell } from './sheet-bytes';

export type { PlainCell } from './sheet-bytes';

export interface PlainSheet {
  name: string;
  /** The first row. */
  header: PlainCell[];
  /** The rows, or the sheet's parts written already (a million rows of sources: see sources-sheet.ts). */
  rows: PlainCell[][] | { written: Deflated[] };
  /** A filter on the header row. */
  filter?: boolean;
  /** Merged areas (0-based rows and columns, the header's row 0). */
  merges?: Area[];
}

/** The sheet's parts: each a worksheet part of at most Excel's last row, deflated. */
function written(s: PlainSheet): Deflated[] {
  if (!Array.isArray(s.rows)) return s.rows.written;
  const w = new PartsWriter(s.header, s.filter ?? false, s.merges);
  for (const r of s.rows) w.row(r);
  return w.end();
}

/** The next free `rIdN` and `sheetN.xml` of a package. */
function nextIds(rels: string, zip: JSZip): { rid: number; sheetNo: number } {
  let rid = 0;
  for (const m of rels.matchAll(/Id="rId(\d+)"/g)) rid = Math.max(rid, Number(m[1]));
  let sheetNo = 0;
  zip.forEach((p) => {
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p);
    if (m) sheetNo = Math.max(sheetNo, Number(m[1]));
  });
  return { rid: rid + 1, sheetNo: sheetNo + 1 };
}

/** Names of a sheet's parts: `name`, `name (2)`, … none the workbook has (ignoring case), within 31 characters. */
function partNames(name: string, count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let n = out.length ? `${name} (${out.length + 1})` : name;
    for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${name} (${out.length + k})`;
    taken.add(n.toLowerCase());
    out.push(n.slice(0, 31));
  }
  return out;
}

/** Adds the sheets at the end of the package's workbook; returns the new package and the names given. */
export async function appendSheets(buf: Buffer, sheets: PlainSheet[]): Promise<{ buf: Buffer; names: string[] }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zip = await (require('jszip') as typeof import('jszip')).loadAsync(buf);
  let workbook = await zip.file('xl/workbook.xml')!.async('string');
  let rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  let types = await zip.file('[Content_Types].xml')!.async('string');
  const ids = nextIds(rels, zip);
  let sheetId = 0;
  for (const m of workbook.matchAll(/sheetId="(\d+)"/g)) sheetId = Math.max(sheetId, Number(m[1]));
  const taken = new Set([...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1].toLowerCase()));
  const names: string[] = [];
  const added = new Map<string, Deflated>();
  for (const s of sheets) {
    const parts = written(s);
    partNames(s.name, parts.length, taken).forEach((name, i) => {
      const file = `worksheets/sheet${ids.sheetNo}.xml`;
      // Kept aside, not given to JSZip: it would copy the bytes into its own buffers.
      added.set(`xl/${file}`, parts[i]);
      zip.file(`xl/${file}`, '');
      rels = rels.replace('</Relationships>', `<Relationship Id="rId${ids.rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${file}"/></Relationships>`);
      types = types.replace('</Types>', `<Override PartName="/xl/${file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
      workbook = workbook.replace('</sheets>', `<sheet name="${escapeXml(name)}" sheetId="${++sheetId}" r:id="rId${ids.rid}"/></sheets>`);
      names.push(name);
      ids.rid++;
      ids.sheetNo++;
    });
  }
  zip.file('xl/workbook.xml', workbook);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  // The package's parts as they are, then the new ones; written with zlib (see zip-write.ts).
  const entries = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => ({ name: f.name, data: added.get(f.name) ?? (await f.async('nodebuffer')) })),
  );
  return { buf: writeZip(entries), names };
}
