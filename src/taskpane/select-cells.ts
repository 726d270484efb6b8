// Selecting a finding's cells in the workbook; a hidden sheet's cells cannot be, and the pane says so.
import type { Host } from './host';
import { fmt } from './i18n';
import type { PaneDeps } from './use-notices';
import { visible } from './visible-text';

export interface SelectDeps extends PaneDeps {
  fail: (e: unknown) => void;
}

/** Not a pane task: selecting leaves the pane usable, and a host error still becomes a notice. */
export function selectHandler({ host, t, notice, setNotices, fail }: SelectDeps) {
  return (cells: Parameters<Host['selectCells']>[0]) => {
    host
      .selectCells(cells)
      .then((r) => {
        if (!r || r.ok) return;
        const text = fmt(r.veryHidden ? t.sheetVeryHidden : t.sheetHidden, {
          sheet: visible(r.sheet, 60),
        });
        setNotices([notice('warning', text)]);
      })
      .catch(fail);
  };
}
