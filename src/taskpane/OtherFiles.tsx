// Last year's report to compare with, and the municipal reports to put together: files the user
// picks, read in the pane (nothing leaves the machine). Each button opens the file chooser.
import { useRef } from 'react';
import { Button } from '@fluentui/react-components';
import { fmt } from './i18n';
import type { Strings } from './i18n';
import { useShared } from './styles';
import { visible } from './visible-text';

export type OtherFilesProps = {
  t: Strings;
  busy: boolean;
  /** Last year's file being compared with, and the comparison's findings. */
  comparing?: { file: string; issues: number };
  /** True while the summary's sheets are in the workbook (they can be deleted). */
  summaryAdded: boolean;
  onCompare: (file: File) => void;
  onStopCompare: () => void;
  onMerge: (files: File[]) => void;
  onRemoveSummary: () => void;
};

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function OtherFiles({ t, busy, comparing, summaryAdded, onCompare, onStopCompare, onMerge, onRemoveSummary }: OtherFilesProps) {
  const s = useShared();
  const lastYear = useRef<HTMLInputElement>(null);
  const municipal = useRef<HTMLInputElement>(null);
  /** The files chosen; the input emptied, so that choosing the same file again is seen. */
  const picked = (input: HTMLInputElement): File[] => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    return files;
  };
  return (
    <section className={s.section} aria-labelledby="other-files-heading">
      <h2 id="other-files-heading" className={s.heading}>
        {t.otherFilesHeading}
      </h2>
      <div className={s.buttons}>
        <Button onClick={() => lastYear.current?.click()} disabled={busy}>
          {t.compareButton}
        </Button>
        <Button onClick={() => municipal.current?.click()} disabled={busy}>
          {t.mergeButton}
        </Button>
      </div>
      <input
        ref={lastYear}
        type="file"
        accept={XLSX}
        hidden
        data-testid="last-year-file"
        onChange={(e) => {
          const [f] = picked(e.currentTarget);
          if (f) onCompare(f);
        }}
      />
      <input
        ref={municipal}
        type="file"
        accept={XLSX}
        multiple
        hidden
        data-testid="municipal-files"
        onChange={(e) => {
          const files = picked(e.currentTarget);
          if (files.length) onMerge(files);
        }}
      />
      {comparing && (
        <div className={s.buttons}>
          <span className={s.wrap}>{fmt(t.compareActive, { file: visible(comparing.file, 120), n: comparing.issues })}</span>
          <Button size="small" onClick={onStopCompare} disabled={busy}>
            {t.compareOff}
          </Button>
        </div>
      )}
      {summaryAdded && (
        <div className={s.buttons}>
          <Button onClick={onRemoveSummary} disabled={busy}>
            {t.mergeRemove}
          </Button>
        </div>
      )}
      <p className={s.muted}>{t.otherFilesNote}</p>
    </section>
  );
}
