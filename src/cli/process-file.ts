// Checks one file into its report entry; a file that cannot be read becomes an entry with `error`.
import { analyze, checkWorkbook, Engine, renderMessage, renderSummary, type Analysis, type FileReport, type IssueData, type Lang, type Workbook } from '../core';
import type { IssueReport } from '../core/report/report-schema';
import { CLI_TEXT } from './cli-messages';
import { printedInFull, samePrinted } from './report/collapse';
import { ReadError } from './read-errors';
import { readWorkbookFile } from './read-xlsx';

export interface CheckFileOptions {
  lang: Lang;
  threshold?: number;
  /**
   * `printed`: render the messages the text report prints only (see collapse.ts), the others are
   * left empty; a workbook of figures typed as text has 400 000 notes the text report does not print.
   */
  messages?: 'all' | 'printed';
}

export function failureText(e: unknown, lang: Lang): string {
  const t = CLI_TEXT[lang];
  if (e instanceof ReadError) return t.failure[e.code];
  return t.failure.corrupt;
}

/** `engine`: the batch's, so that its workbooks reuse each other's layouts (core/engine.ts). */
export async function checkFile(file: string, opts: CheckFileOptions, engine: Engine = new Engine()): Promise<FileReport> {
  let wb;
  try {
    wb = await readWorkbookFile(file);
  } catch (e) {
    return { file, error: failureText(e, opts.lang), tables: [], issues: [] };
  }
  try {
    return report(file, wb, opts, analyze(wb, undefined, engine));
  } catch {
    // An engine failure on one file must not stop the batch: the file is named with the reason.
    return { file, error: CLI_TEXT[opts.lang].failure.internal, tables: [], issues: [] };
  }
}

/** A workbook's report entry; `analysis` shares one recognition with another use of it (compare). */
export function report(file: string, wb: Workbook, opts: CheckFileOptions, analysis?: Analysis): FileReport {
  const result = checkWorkbook(wb, { threshold: opts.threshold }, analysis);
  const render = { lang: opts.lang };
  const full = opts.messages === 'printed' ? printedInFull(result.issues) : undefined;
  const issues = result.issues.map((i, at) => {
    // A note the text report does not print is only counted and named by its cell: the issue
    // itself stands for it (half a million report objects fewer on a workbook of text figures).
    if (full && full[at] === 0) {
      const note = i as IssueData & { message: string };
      note.message = '';
      return note as unknown as IssueReport;
    }
    // Fields set one by one, in the report's order (a spread per optional field made four
    // throwaway objects per issue, and a report can have 600 000 issues).
    const o = { rule: i.rule, severity: i.severity } as IssueReport;
    if (i.table) o.table = i.table;
    o.cells = i.cells;
    if (i.expected !== undefined) o.expected = i.expected;
    if (i.actual !== undefined) o.actual = i.actual;
    o.message = renderMessage(i, render);
    if (i.fix) o.fix = i.fix;
    return o;
  });
  if (full) samePrinted(issues, full);
  return {
    file,
    tables: result.tables.map(({ id, kind, sheet, range, title, relations }) => ({ id, kind, sheet, range, ...(title ? { title } : {}), relations })),
    issues,
    summaries: result.summaries.map((s) => ({ table: s.table, kind: s.kind, message: renderSummary(s, render), data: s.data })),
  };
}
