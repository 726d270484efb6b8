// Filling the planned cells and undoing it; each checks the workbook again.
import { useState } from 'react';
import type { Checked } from './checked';
import type { UndoRecord } from './host';
import { fmt } from './i18n';
import type { Notice } from './Notices';
import { cellList, describeApply, describeUndo } from './outcomes';
import type { PaneDeps } from './use-notices';

export interface FillDeps extends PaneDeps {
  checked: Checked | undefined;
  task: (fn: () => Promise<void>) => Promise<void>;
  /** Checks the open workbook again, keeping the notices given. */
  recheck: (keep: Notice[]) => Promise<void>;
}

export function useFill({ host, t, checked, task, notice, setNotices, recheck }: FillDeps) {
  const [undo, setUndo] = useState<UndoRecord>();

  const onFill = () =>
    task(async () => {
      if (!checked) return;
      const r = await host.applyFill(checked.plan);
      if (r.ok) {
        setUndo(r.record);
        await recheck([notice('success', fmt(t.fillDone, { n: r.written.length }))]);
      } else if (r.reason === 'stale') {
        await recheck([notice('warning', t.stale)]);
      } else if (r.reason !== 'nothing-to-write') {
        setNotices([notice('error', describeApply(r, t))]);
      }
    });

  /** `force` undoes even over cells changed since the fill (the user confirmed it). */
  const onUndo = (force = false): Promise<void> =>
    task(async () => {
      if (!undo) return;
      const r = await host.undoFill(undo, force);
      if (r.ok) {
        setUndo(undefined);
        await recheck([notice('success', fmt(t.undoDone, { n: r.restored.length }))]);
      } else if (r.reason === 'changed') {
        setNotices([
          notice('warning', fmt(t.undoChanged, { cells: cellList(r.cells) }), [
            { label: t.fillUndoForce, run: () => void onUndo(true) },
            { label: t.cancel, run: () => setNotices([]) },
          ]),
        ]);
      } else setNotices([notice('error', describeUndo(r, t))]);
    });

  return { applied: !!undo, onFill, onUndo };
}
