// What a check found: counts, highlight and export, the findings, the fill, the tables, the scores.
import { Button, Switch } from '@fluentui/react-components';
import type { FillMode, Lang } from '../core';
import { allIssues, type Checked } from './checked';
import { FillPreview } from './FillPreview';
import type { Host } from './host';
import type { Strings } from './i18n';
import { IssueList } from './IssueList';
import { ScoreChart } from './ScoreChart';
import { scoresFrom } from './scores';
import { useShared } from './styles';
import { SummaryCounts } from './SummaryCounts';
import { TableList } from './TableList';

export type FindingsProps = {
  checked: Checked;
  t: Strings;
  lang: Lang;
  decimalSeparator: string;
  mode: FillMode;
  threshold: number;
  busy: boolean;
  /** True while the findings' cells are highlighted. */
  lit: boolean;
  /** True once the fill is written and can be undone. */
  applied: boolean;
  onHighlight: (on: boolean) => void;
  onExport: () => void;
  onSelect: (cells: Parameters<Host['selectCells']>[0]) => void;
  onFill: () => void;
  onUndo: () => void;
};

/** A fragment: its parts are the pane's own sections, in the pane's column. */
export function Findings(p: FindingsProps) {
  const { checked, t, decimalSeparator } = p;
  const issues = allIssues(checked);
  const scores = scoresFrom(checked.check.summaries, p.threshold);
  return (
    <>
      <SummaryCounts issues={issues} t={t} />
      <FindingsActions
        t={t}
        busy={p.busy}
        lit={p.lit}
        onHighlight={p.onHighlight}
        onExport={p.onExport}
      />
      <IssueList
        issues={issues}
        tables={checked.check.tables}
        t={t}
        lang={p.lang}
        decimalSeparator={decimalSeparator}
        onSelect={p.onSelect}
      />
      <FillPreview
        plan={checked.plan}
        mode={p.mode}
        t={t}
        decimalSeparator={decimalSeparator}
        applied={p.applied}
        busy={p.busy}
        onApply={p.onFill}
        onUndo={p.onUndo}
      />
      <TableList tables={checked.check.tables} t={t} />
      {scores && <ScoreChart data={scores} t={t} decimalSeparator={decimalSeparator} />}
    </>
  );
}

type FindingsActionsProps = Pick<FindingsProps, 't' | 'busy' | 'lit' | 'onHighlight' | 'onExport'>;

function FindingsActions({ t, busy, lit, onHighlight, onExport }: FindingsActionsProps) {
  const s = useShared();
  return (
    <div className={s.buttons}>
      <Switch
        label={t.highlight}
        checked={lit}
        disabled={busy}
        onChange={(_, d) => onHighlight(d.checked)}
      />
      <Button onClick={() => onExport()} disabled={busy}>
        {t.export}
      </Button>
    </div>
  );
}
