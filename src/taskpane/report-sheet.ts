// The findings written to a sheet of the workbook («Проверка»), and what the pane says about it.
import { renderMessage } from '../core';
import type { IssueData, Lang } from '../core';
import { localCells } from './checked';
import { fmt, type Strings } from './i18n';
import type { PaneDeps } from './use-notices';

/** The sheet's rows: a header, then a finding a row. */
export function reportRows(
  issues: IssueData[],
  t: Strings,
  lang: Lang,
  decimal: string,
): string[][] {
  return [
    t.reportHeader,
    ...issues.map((i) => [
      i.table ?? '',
      t.severity[i.severity],
      localCells(i)[0]?.sheet ?? '',
      localCells(i)
        .map((x) => x.address)
        .join(', '),
      i.rule,
      renderMessage(i, { lang, decimalSeparator: decimal }),
    ]),
  ];
}

export interface ExportDeps extends PaneDeps {
  /** The rows to write; none before a check. */
  rows: () => string[][];
  task: (fn: () => Promise<void>) => Promise<void>;
}

/** The export's handler; `replace` writes over the sheet of an earlier export (the user confirmed it). */
export function exportHandler({ host, t, rows, task, notice, setNotices }: ExportDeps) {
  const onExport = (replace = false): Promise<void> =>
    task(async () => {
      const r = await host.writeReportSheet(rows(), replace);
      if (r.status === 'exists') {
        setNotices([
          notice('warning', t.exportExists, [
            { label: t.replace, run: () => void onExport(true) },
            { label: t.cancel, run: () => setNotices([]) },
          ]),
        ]);
      } else if (r.status === 'protected') {
        setNotices([notice('error', t.exportProtected)]);
      } else {
        const notes = [notice('success', fmt(t.exported, { n: r.rows }))];
        if (r.hidden) notes.push(notice('info', t.exportHidden));
        if (r.undo)
          notes.push(notice('info', r.undo === 'whole' ? t.exportUndoWhole : t.exportUndoSteps));
        setNotices(notes);
      }
    });
  return onExport;
}
