// Expands the command line's files and folders: folders are searched recursively for .xlsx.
import { promises as fs } from 'fs';
import * as path from 'path';

/** Other spreadsheet files a folder holds: not checked, but named, so that none is missed unawares. */
const OTHER_BOOK = /\.(xls|xlsm|xlsb|xltx|xltm|ods)$/i;

export interface Inputs {
  files: string[];
  /** Spreadsheets in the folders that are no .xlsx (`.xls`, `.xlsm`, `.ods`…): skipped. */
  skipped: string[];
}

export async function expandInputs(inputs: string[]): Promise<Inputs> {
  const out: Inputs = { files: [], skipped: [] };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      out.files.push(input); // reported as unreadable by the reader
      continue;
    }
    if (stat.isDirectory()) await walk(input, out);
    else out.files.push(input);
  }
  return out;
}

async function walk(dir: string, out: Inputs): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    out.files.push(dir);
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    // `~$book.xlsx` are Excel's lock files, not workbooks.
    else if (e.name.startsWith('~$')) continue;
    else if (/\.xlsx$/i.test(e.name)) out.files.push(p);
    else if (OTHER_BOOK.test(e.name)) out.skipped.push(p);
  }
}
