// exceljs 4.4 reads a cached formula result of 0 as no result; this reads those cells' <v> from the sheet XML.
import type JSZip from 'jszip';

/** Sheet name → its part's XML, for the sheets `want` names (each read only when wanted), as parseXlsx's lookups find them. */
async function sheetParts(zip: JSZip, want: (name: string) => boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wbXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!wbXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (!want(name) || !rid || !targets.has(rid)) continue;
    const xml = await zip.file(targets.get(rid)!)?.async('string');
    if (xml) out.set(name, xml);
  }
  return out;
}

/** Sheet name → (A1 address → cached value text) for the given cells only. */
export async function rawCachedValues(zip: JSZip, wanted: Map<string, Set<string>>): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const [name, xml] of await sheetParts(zip, (n) => wanted.has(n))) out.set(name, cachedValuesIn(xml, wanted.get(name)!));
  return out;
}

/** Sheet name → (A1 address → value text) of the cells stored as dates in ISO text (`t="d"`), which exceljs reads as numbers. */
export async function rawDateCells(zip: JSZip): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const [name, xml] of await sheetParts(zip, () => true)) {
    if (!/\bt=["']d["']/.test(xml)) continue;
    const found = new Map<string, string>();
    for (const m of xml.matchAll(/<c\b([^>]*)>/g)) {
      const attrs = m[1];
      if (!/\bt=["']d["']/.test(attrs)) continue;
      const address = /\br=["']([A-Z]+\d+)["']/.exec(attrs)?.[1];
      const v = address ? storedValue(xml, m.index) : undefined;
      if (v !== undefined) found.set(address!, v);
    }
    if (found.size) out.set(name, found);
  }
  return out;
}

/**
 * A sheet's cached values for the given cells: the first `<v>…</v>` of the last cell whose tag
 * starts `<c r="A1"`, undecoded. One light scan for cell starts; only the wanted cells are read further.
 */
export function cachedValuesIn(xml: string, cells: Set<string>): Map<string, string> {
  const found = new Map<string, string>();
  const start = /<c r="([A-Z]+\d+)"/g;
  for (let m = start.exec(xml); m; m = start.exec(xml)) {
    if (!cells.has(m[1])) continue;
    const v = storedValue(xml, m.index);
    if (v !== undefined) found.set(m[1], v);
  }
  return found;
}

/** The `<v>` text of the cell whose `<c` starts at `at`; undefined for a cell without one. */
function storedValue(xml: string, at: number): string | undefined {
  const end = xml.indexOf('</c>', at);
  // A self-closing <c …/> has no value. (Looking for the next '/>' instead read to the end of a sheet
  // without one, for every formula without a result: minutes on a million cells as openpyxl writes them.)
  if (end < 0 || xml.charCodeAt(xml.indexOf('>', at) - 1) === 47) return undefined;
  return /<v>([^<]*)<\/v>/.exec(xml.slice(at, end))?.[1];
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
