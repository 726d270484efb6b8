// `report-check compare <last-year.xlsx> <this-year.xlsx>`: this year's full check, then the comparison with last year's report.
import { analyze, Engine, renderMessage, type Analysis, type FileReport, type IssueData, type Lang, type Report, type Workbook } from '../core';
import { compareReports, type CompareResult } from '../core/compare/compare';
import type { IssueReport } from '../core/report/report-schema';
import { CLI_TEXT } from './cli-messages';
import { COMPARE_TEXT } from './compare-messages';
import { writeJson } from './report/json-text';
import { failureText, report } from './process-file';
import { readWorkbookFile } from './read-xlsx';
import { writeStdout } from './stdout';
import { oneLine, writeTextReport } from './report/text-report';

export interface CompareOpts {
  format: 'text' | 'json';
  lang: Lang;
  threshold?: number;
}

type Read = { wb: Workbook } | { error: string };

async function read(file: string, lang: Lang): Promise<Read> {
  try {
    return { wb: await readWorkbookFile(file) };
  } catch (e) {
    return { error: failureText(e, lang) };
  }
}

function issueReport(i: IssueData, lang: Lang): IssueReport {
  const o = { rule: i.rule, severity: i.severity } as IssueReport;
  if (i.table) o.table = i.table;
  o.cells = i.cells;
  if (i.expected !== undefined) o.expected = i.expected;
  if (i.actual !== undefined) o.actual = i.actual;
  o.message = renderMessage(i, { lang });
  return o;
}

/** A cell as the text report names it; one of last year's workbook with its file. */
function cellText(c: IssueReport['cells'][number]): string {
  return c.file ? `${c.file}: ${c.sheet}!${c.address}` : `${c.sheet}!${c.address}`;
}

const ORDER = ['error', 'warning', 'info'] as const;

/** The comparison's section of the text report, after this year's check. */
function writeComparison(lastFile: string, cmp: CompareResult, issues: IssueReport[], lang: Lang, out: (s: string) => void): void {
  const t = COMPARE_TEXT[lang];
  const c = CLI_TEXT[lang];
  const lines = [t.heading(lastFile), t.matched(cmp.tables.filter((x) => x.current).length, cmp.tables.length)];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  lines.push(issues.length ? c.counts(counts.error, counts.warning, counts.info) : t.nothingFound);
  for (const sev of ORDER)
    for (const i of issues) if (i.severity === sev) lines.push(`  ${c.severity[sev].padEnd(14)} ${cellText(i.cells[0])}  ${oneLine(i.message)}  [${i.rule}]`);
  out(lines.join('\n'));
}

/** Runs the comparison; exit status as `check`'s: 0 no errors, 1 errors (of the check or the comparison), 2 a file unreadable. */
export async function runCompare(lastFile: string, file: string, o: CompareOpts, out: (s: string) => void = writeStdout, err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const [last, cur] = await Promise.all([read(lastFile, o.lang), read(file, o.lang)]);
  let entry: FileReport;
  let cmp: CompareResult | undefined;
  let compared: IssueReport[] = [];
  if ('error' in cur) entry = { file, error: cur.error, tables: [], issues: [] };
  else {
    try {
      // One engine for both reports: last year's tables are laid out as this year's.
      const engine = new Engine();
      const analysis: Analysis = analyze(cur.wb, undefined, engine);
      entry = report(file, cur.wb, { lang: o.lang, threshold: o.threshold, messages: o.format === 'text' ? 'printed' : 'all' }, analysis);
      if ('wb' in last) {
        cmp = compareReports(analyze(last.wb, undefined, engine), analysis, { lastFile });
        compared = cmp.issues.map((i) => issueReport(i, o.lang));
      }
    } catch {
      entry = { file, error: CLI_TEXT[o.lang].failure.internal, tables: [], issues: [] };
    }
  }
  const lastError = 'error' in last ? last.error : undefined;
  if (o.format === 'json') {
    const files: FileReport[] = [cmp ? { ...entry, issues: [...entry.issues, ...compared], compared: { file: lastFile, tables: cmp.tables } } : entry];
    if (lastError) files.push({ file: lastFile, error: lastError, tables: [], issues: [] });
    const doc: Report = { version: 1, files };
    writeJson(doc, out);
    out('\n');
  } else {
    writeTextReport(entry, o.lang, out);
    if (cmp) {
      out('\n\n');
      writeComparison(lastFile, cmp, compared, o.lang, out);
    }
    out('\n');
  }
  if (lastError) err(COMPARE_TEXT[o.lang].lastUnreadable(lastFile, lastError) + '\n');
  if (entry.error || lastError) return 2;
  return [...entry.issues, ...compared].some((i) => i.severity === 'error') ? 1 : 0;
}
