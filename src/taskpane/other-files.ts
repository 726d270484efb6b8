// The pane's work on files the user picks: last year's report compared with the open workbook, and
// the municipal reports put together into the region's summary, as new sheets of the open workbook.
// Each file is read by the CLI's reader in the pane (read-file.ts); nothing leaves the machine.
import { analyze, type Analysis, type IssueData, type Workbook } from '../core';
import { compareReports, type CompareResult } from '../core/compare/compare';
import { startMerge } from '../core/merge/plan';
import { recompute } from '../core/merge/recompute';
import { summarySheets, type SummarySheet, type SummaryWords } from '../core/merge/sheets';
import { fmt, type Strings } from './i18n';
import { PickedFileError, readPickedFile } from './read-file';

/** Last year's report, kept so that every check of the open workbook is compared with it again. */
export interface LastYear {
  file: string;
  analysis: Analysis;
}

export async function readLastYear(file: File): Promise<LastYear> {
  return { file: file.name, analysis: analyze(await readPickedFile(file)) };
}

/** The comparison's findings, their other workbook's cells with its file. */
export function compareWith(last: LastYear, current: Analysis): { issues: IssueData[]; result: CompareResult } {
  const result = compareReports(last.analysis, current, { lastFile: last.file });
  return { issues: result.issues, result };
}

/** The summary's sheet words in the pane's language. */
export function summaryWords(t: Strings): SummaryWords {
  return {
    tableSheet: (sheet) => fmt(t.summaryTableSheet, { sheet }),
    stackSheet: (sheet) => fmt(t.summaryStackSheet, { sheet }),
    sources: t.summarySources,
    unmerged: t.summaryUnmerged,
    sourcesHeader: t.summarySourcesHeader,
    unmergedHeader: t.summaryUnmergedHeader,
    sum: t.summarySum,
    recomputed: t.summaryRecomputed,
    reason: t.summaryReason,
    total: t.summaryTotal,
    stackedHow: t.summaryStackedHow,
    stackedThere: (sheet) => fmt(t.summaryStackedThere, { sheet }),
    share: (n, of, threshold) => fmt(t.summaryShare, { n, of, threshold: String(threshold), pct: String(Math.round((n / of) * 1000) / 10) }),
  };
}

export interface Summary {
  sheets: SummarySheet[];
  /** Inputs added, and cells summed or stacked over all of them. */
  inputs: number;
  cells: number;
  unmerged: number;
  /** Files that could not be read, with why. */
  failed: PickedFileError[];
  /** Neither the open workbook nor the first file readable has a report table: nothing to lay the summary on. */
  noTemplate?: boolean;
}

/**
 * The summary of `files`, laid out as the open workbook (or, when it has no report table, as the
 * first file read); its sheets named apart from the open workbook's. Files are read one at a time,
 * each dropped once added.
 */
export async function buildSummary(open: Workbook, files: File[], t: Strings, threshold: number, mode: 'formulas' | 'values' = 'values'): Promise<Summary> {
  const failed: PickedFileError[] = [];
  let template: { wb: Workbook; analysis: Analysis; file: string } | undefined;
  const own = analyze(open);
  if (own.tables.length) template = { wb: open, analysis: own, file: t.summaryOpenBook };
  let builder = template && startMerge(template.analysis);
  let inputs = 0;
  for (const f of files) {
    let wb: Workbook;
    try {
      wb = await readPickedFile(f);
    } catch (e) {
      failed.push(e instanceof PickedFileError ? e : new PickedFileError(f.name, 'unreadable'));
      continue;
    }
    const analysis = analyze(wb);
    if (!template) template = { wb, analysis, file: f.name };
    builder ??= startMerge(template.analysis);
    builder.add({ file: f.name, analysis });
    inputs++;
  }
  if (!template || !builder || !template.analysis.tables.length) return { sheets: [], inputs, cells: 0, unmerged: 0, failed, noTemplate: true };
  const plan = builder.plan();
  // Values, not formulas: a recomputed cell's formula would name the template's sheets, not the summary's.
  const r = recompute(template.wb, plan, { mode, threshold });
  const moved = new Set(plan.stacks.map((st) => st.table));
  for (const c of r.stale.filter((x) => !moved.has(x.table))) plan.unmerged.push({ file: template.file, sheet: c.sheet, address: c.address, table: c.table, what: c.what, reason: 'not-recomputed' });
  const sheets = summarySheets(template.wb, plan, r, summaryWords(t), open.sheets.map((s) => s.name), threshold);
  const cells = plan.inputs.reduce((a, i) => a + i.cells, 0);
  return { sheets, inputs, cells, unmerged: plan.unmerged.length, failed };
}
