// Expands the command line's files and folders: folders are searched recursively for .xlsx.
import { promises as fs } from 'fs';
import * as path from 'path';

export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      out.push(input); // reported as unreadable by the reader
      continue;
    }
    if (stat.isDirectory()) out.push(...(await walk(input)));
    else out.push(input);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [dir];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    // `~$book.xlsx` are Excel's lock files, not workbooks.
    else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith('~$')) out.push(p);
  }
  return out;
}
