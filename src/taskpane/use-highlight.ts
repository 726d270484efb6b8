// Highlighting the findings' cells in the workbook, and clearing it again.
import { useState } from 'react';
import type { IssueData } from '../core';
import { highlightCells } from './checked';
import type { HighlightRecord } from './host';
import { fmt } from './i18n';
import type { Notice } from './Notices';
import { cellList } from './outcomes';
import type { PaneDeps } from './use-notices';

export interface HighlightDeps extends PaneDeps {
  task: (fn: () => Promise<void>) => Promise<void>;
}

export function useHighlight({ host, t, task, notice, setNotices }: HighlightDeps) {
  const [lit, setLit] = useState<HighlightRecord>();

  /** Turns the highlight on (over the findings given, once a check has run) or off. */
  const onHighlight = (on: boolean, issues: IssueData[] | undefined) =>
    task(async () => {
      if (on && issues) {
        const rec = await host.highlight(highlightCells(issues));
        setLit(rec);
        const notes: Notice[] = [];
        if (rec.skipped.length)
          notes.push(notice('info', fmt(t.highlightSkipped, { sheets: rec.skipped.join(', ') })));
        if (rec.kept?.length)
          notes.push(notice('info', fmt(t.highlightKept, { cells: cellList(rec.kept) })));
        if (notes.length) setNotices(notes);
      } else if (!on && lit) {
        await host.clearHighlight(lit);
        setLit(undefined);
      }
    });

  /** After a check, a highlight that is on moves to the new findings. */
  const follow = async (issues: IssueData[]) => {
    if (!lit) return;
    await host.clearHighlight(lit);
    setLit(await host.highlight(highlightCells(issues)));
  };

  return { lit: !!lit, onHighlight, follow };
}
