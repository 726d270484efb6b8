// The pane's handlers for the files the user picks: compare with last year's report (its findings
// join the check's at every check), put the municipal reports together (new sheets, deleted again
// by the pane's undo).
import { useState, type MutableRefObject } from 'react';
import type { AddedSheets, Host } from './host';
import { fmt, type Strings } from './i18n';
import type { Notice } from './Notices';
import { buildSummary, readLastYear, type LastYear } from './other-files';
import { PickedFileError } from './read-file';
import { visible } from './visible-text';

type MakeNotice = (intent: Notice['intent'], text: string) => Notice;

export interface OtherFilesDeps {
  host: Host;
  t: Strings;
  threshold: number;
  /** Last year's report, read by every check of the open workbook. */
  lastYear: MutableRefObject<LastYear | undefined>;
  task: (fn: () => Promise<void>) => Promise<void>;
  notice: MakeNotice;
  setNotices: (n: Notice[]) => void;
  /** Checks the open workbook again (and compares it), keeping the notices given. */
  recheck: (keep: Notice[]) => Promise<void>;
}

export function unreadable(e: PickedFileError, t: Strings): string {
  return fmt(t.fileUnreadable, { file: visible(e.file, 120), reason: t.readFailure[e.code] ?? e.code });
}

export function useOtherFiles({ host, t, threshold, lastYear, task, notice, setNotices, recheck }: OtherFilesDeps) {
  const [summary, setSummary] = useState<AddedSheets>();

  /** Any failure to read the picked file is a notice saying why; a host error goes to `task`. */
  const onCompare = (file: File) =>
    task(async () => {
      try {
        lastYear.current = await readLastYear(file);
      } catch (e) {
        if (e instanceof PickedFileError) return setNotices([notice('error', unreadable(e, t))]);
        throw e;
      }
      await recheck([]);
    });

  const onStopCompare = () =>
    task(async () => {
      lastYear.current = undefined;
      await recheck([]);
    });

  const onMerge = (files: File[]) =>
    task(async () => {
      const read = await host.readWorkbook();
      const s = await buildSummary(read.workbook, files, t, threshold);
      const failed = s.failed.map((e) => notice('warning', unreadable(e, t)));
      if (s.noTemplate || !s.sheets.length) return setNotices([notice('warning', t.mergeNoTemplate), ...failed]);
      const r = await host.addSheets(s.sheets);
      if (r.status === 'exists') return setNotices([notice('warning', fmt(t.mergeNameTaken, { sheet: visible(r.name, 60) })), ...failed]);
      setSummary(r.record);
      const names = r.record.sheets.map((x) => `«${visible(x.name, 60)}»`).join(', ');
      const unmergedSheet = s.sheets.find((x) => x.role === 'unmerged')?.name ?? '';
      setNotices([
        notice('success', fmt(t.mergeDone, { sheets: names, inputs: s.inputs, cells: s.cells })),
        notice(s.unmerged ? 'warning' : 'info', s.unmerged ? fmt(t.mergeUnmerged, { n: s.unmerged, sheet: unmergedSheet }) : t.mergeAll),
        ...failed,
      ]);
    });

  const onRemoveSummary = () =>
    task(async () => {
      if (!summary) return;
      const r = await host.removeSheets(summary);
      setSummary(undefined);
      setNotices([notice('success', fmt(t.mergeRemoved, { n: r.removed }))]);
    });

  return { summaryAdded: !!summary, onCompare, onStopCompare, onMerge, onRemoveSummary };
}
