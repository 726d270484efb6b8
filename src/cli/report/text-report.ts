// The human-readable report: tables found, issues grouped by table and severity, summaries.
import type { FileReport, Lang } from '../../core';
import { Chunks } from '../chunks';
import { CLI_TEXT } from '../cli-messages';
import { printedInFull } from './collapse';
import { kindTitle } from './kind-names';

/** Cells named on the line standing for a group's unprinted notes. */
const NAMED = 8;

/** How many of a table's notes of `rule` are not printed, and the first of their cells. */
function rest(issues: FileReport['issues'], list: number[], full: Uint8Array, rule: string): [number, string] {
  let n = 0;
  const named: string[] = [];
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    if (full[i] !== 0 || issues[i].rule !== rule) continue;
    n++;
    const c = issues[i].cells[0];
    if (named.length < NAMED) named.push(named.length ? c.address : `${c.sheet}!${c.address}`);
  }
  return [n, n > NAMED ? `${named.join(', ')}, …` : named.join(', ')];
}

const ORDER = ['error', 'warning', 'info'] as const;

/** Line breaks a cell's text may hold (Alt+Enter, pasted Windows text, Unicode's separators). */
const BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
const BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * A message on one line: a line break inside a quoted cell text (`«178817↵(+44311)↵=223128»`) is shown
 * as `↵`, so that each issue keeps its line and the report its columns. The JSON keeps the text as is.
 */
export function oneLine(message: string): string {
  return BREAK.test(message) ? message.replace(BREAKS, '↵') : message;
}

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
    for (const tb of f.tables) {
      const title = tb.title ? ` «${oneLine(tb.title)}»` : '';
      out.push(`  ${tb.id.padEnd(24)} ${kindTitle(tb.kind, lang)}${title} — ${tb.sheet}!${tb.range} · ${t.relations(tb.relations ?? 0)}`);
    }
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (let k = 0; k < f.issues.length; k++) counts[f.issues[k].severity]++;
  out.push(t.counts(counts.error, counts.warning, counts.info));
  const issues = f.issues;
  const full = printedInFull(issues);
  const byTable = new Map<string, number[]>();
  for (let i = 0; i < issues.length; i++) {
    const k = issues[i].table ?? '';
    let list = byTable.get(k);
    if (!list) byTable.set(k, (list = []));
    list.push(i);
  }
  const tables = new Map(f.tables.map((x) => [x.id, x]));
  // Indexed loops: a report can have 600 000 issues.
  byTable.forEach((list, id) => {
    const tb = tables.get(id);
    out.push('');
    out.push(tb ? `${kindTitle(tb.kind, lang)}${tb.title ? ` «${oneLine(tb.title)}»` : ''} (${id}, ${tb.sheet}!${tb.range})` : id);
    for (const sev of ORDER)
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        const x = issues[i];
        if (x.severity !== sev || full[i] === 0) continue;
        out.push(`  ${t.severity[sev].padEnd(14)} ${x.cells[0].sheet}!${x.cells[0].address.padEnd(6)} ${oneLine(x.message)}  [${x.rule}]`);
        if (full[i] === 2) out.push(`  ${t.severity[sev].padEnd(14)} ${t.more(...rest(issues, list, full, x.rule))}  [${x.rule}]`);
      }
  });
  for (const s of f.summaries ?? []) {
    out.push('');
    out.push(oneLine(s.message));
  }
  chunks.flush();
}
