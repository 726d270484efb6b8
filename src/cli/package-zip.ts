// One JSZip reading of a workbook's bytes, shared by what looks into its XML beside exceljs (dropped
// results, ISO dates, what a filled copy would lose). JSZip is loaded only when one of them does.
import type JSZip from 'jszip';

const zips = new WeakMap<Buffer, Promise<JSZip>>();

/** The package of `buf`, read once (a failed reading fails every caller alike). */
export function zipOf(buf: Buffer): Promise<JSZip> {
  let zip = zips.get(buf);
  // Loaded on first use, so that a check the fast reader handles never loads jszip.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!zip) zips.set(buf, (zip = (require('jszip') as typeof import('jszip')).loadAsync(buf)));
  return zip;
}
