// The human-readable report: tables found, issues grouped by table and severity, summaries.
import type { FileReport, Lang } from '../core';
import { Chunks } from './chunks';
import { CLI_TEXT } from './cli-messages';
import { kindTitle } from './kind-names';

const ORDER = ['error', 'warning', 'info'] as const;

/** A file's report, handed to `emit` in pieces (see chunks.ts); no line break after the last line. */
export function writeTextReport(f: FileReport, lang: Lang, emit: (s: string) => void): void {
  const t = CLI_TEXT[lang];
  const chunks = new Chunks(emit);
  let first = true;
  const out = {
    push(line: string) {
      chunks.push(first ? line : '\n' + line);
      first = false;
    },
  };
  out.push(`${t.file}: ${f.file}`);
  if (f.error) {
    out.push(`  ${t.cannotRead}: ${f.error}`);
    return chunks.flush();
  }
  if (!f.tables.length) out.push(`  ${t.noTables}`);
  else {
    out.push(`${t.tables}: ${f.tables.length}`);
    for (const tb of f.tables) out.push(`  ${tb.id.padEnd(24)} ${kindTitle(tb.kind, lang)} — ${tb.sheet}!${tb.range}`);
  }
  const count = (s: string) => f.issues.filter((i) => i.severity === s).length;
  out.push(t.counts(count('error'), count('warning'), count('info')));
  const byTable = new Map<string, typeof f.issues>();
  for (const i of f.issues) {
    const k = i.table ?? '';
    if (!byTable.has(k)) byTable.set(k, []);
    byTable.get(k)!.push(i);
  }
  const tables = new Map(f.tables.map((x) => [x.id, x]));
  for (const [id, issues] of byTable) {
    const tb = tables.get(id);
    out.push('');
    out.push(tb ? `${kindTitle(tb.kind, lang)} (${id}, ${tb.sheet}!${tb.range})` : id);
    for (const sev of ORDER)
      for (const i of issues.filter((x) => x.severity === sev)) out.push(`  ${t.severity[sev].padEnd(14)} ${i.cells[0].sheet}!${i.cells[0].address.padEnd(6)} ${i.message}  [${i.rule}]`);
  }
  for (const s of f.summaries ?? []) {
    out.push('');
    out.push(s.message);
  }
  chunks.flush();
}
