// The task pane: check, findings, fill with preview and undo, highlight, export, settings.
import { useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  Spinner,
  Switch,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { analyze, checkWorkbook, planFill, renderMessage } from '../core';
import type { CheckResult, FillPlan, IssueData, Lang, Workbook } from '../core';
import type { HighlightRecord, Host, PaneSettings, ReadResult, UndoRecord } from './host';
import { DEFAULT_SETTINGS } from './host';
import { catalogues, fmt } from './i18n';
import type { Strings } from './i18n';
import { IssueList } from './IssueList';
import { TableList } from './TableList';
import { FillPreview } from './FillPreview';
import { ScoreChart } from './ScoreChart';
import { Settings } from './Settings';
import { SummaryCounts } from './SummaryCounts';
import { Notices } from './Notices';
import type { Notice } from './Notices';
import { scoresFrom } from './scores';
import { useShared } from './styles';
import { describeApply, describeError, describeUndo, cellList } from './outcomes';
import { visible } from './visible-text';
import { OtherFiles } from './OtherFiles';
import { compareWith, type LastYear } from './other-files';
import { useOtherFiles } from './use-other-files';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '100vh',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export type AppProps = { host: Host; initialLang: Lang; dark?: boolean };

interface Checked {
  workbook: Workbook;
  check: CheckResult;
  plan: FillPlan;
  /** The comparison with last year's report: its file and findings. */
  compared?: { file: string; issues: IssueData[] };
}

function readSettings(host: Host): PaneSettings {
  try {
    const s = host.loadSettings();
    return {
      mode: s.mode === 'values' ? 'values' : 'formulas',
      threshold: typeof s.threshold === 'number' && Number.isFinite(s.threshold) ? s.threshold : DEFAULT_SETTINGS.threshold,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function App({ host, initialLang, dark }: AppProps) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Pane host={host} initialLang={initialLang} />
    </FluentProvider>
  );
}

function Pane({ host, initialLang }: { host: Host; initialLang: Lang }) {
  const c = useStyles();
  const s = useShared();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t: Strings = catalogues[lang];
  const [settings, setSettings] = useState<PaneSettings>(() => readSettings(host));
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Checked>();
  const [decimal, setDecimal] = useState(',');
  const [undo, setUndo] = useState<UndoRecord>();
  const [lit, setLit] = useState<HighlightRecord>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const noticeId = useRef(0);
  const lastYear = useRef<LastYear>();

  const notice = (intent: Notice['intent'], text: string, actions?: Notice['actions']): Notice => ({
    id: ++noticeId.current,
    intent,
    text,
    actions,
  });
  const fail = (e: unknown) => setNotices([notice('error', describeError(e, t))]);

  /** Runs a host operation with the pane busy; host errors become a notice, never a log line. */
  async function task(fn: () => Promise<void>) {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function runCheck(keep: Notice[] = [], current = settings) {
    const sep = await host.decimalSeparator();
    setDecimal(sep);
    const read = await host.readWorkbook();
    const analysis = analyze(read.workbook);
    const check = checkWorkbook(read.workbook, { threshold: current.threshold }, analysis);
    const plan = planFill(read.workbook, { mode: current.mode, threshold: current.threshold });
    const last = lastYear.current;
    const cmp = last && compareWith(last, analysis);
    const compared = last && cmp ? { file: last.file, issues: cmp.issues } : undefined;
    setChecked({ workbook: read.workbook, check, plan, compared });
    const notes = read.notes.map((n) => notice('info', readNote(n, read.details, t)));
    if (last && cmp) {
      const r = cmp.result;
      const matched = r.tables.filter((x) => x.current).length;
      const args = { file: visible(last.file, 120), matched, tables: r.tables.length, figures: r.compared.figures, carry: r.compared.carryOvers, n: cmp.issues.length };
      notes.unshift(notice('info', fmt(t.compareDone, args)));
    }
    setNotices([...keep, ...notes]);
    if (lit) {
      await host.clearHighlight(lit);
      setLit(await host.highlight(highlightCells(allIssues({ check, compared }))));
    }
  }

  const onCheck = () => task(() => runCheck());
  const other = useOtherFiles({ host, t, threshold: settings.threshold, lastYear, task, notice, setNotices, recheck: (keep) => runCheck(keep) });

  const onFill = () =>
    task(async () => {
      if (!checked) return;
      const r = await host.applyFill(checked.plan);
      if (r.ok) {
        setUndo(r.record);
        await runCheck([notice('success', fmt(t.fillDone, { n: r.written.length }))]);
      } else if (r.reason === 'stale') {
        await runCheck([notice('warning', t.stale)]);
      } else if (r.reason !== 'nothing-to-write') {
        setNotices([notice('error', describeApply(r, t))]);
      }
    });

  const onUndo = (force = false): Promise<void> =>
    task(async () => {
      if (!undo) return;
      const r = await host.undoFill(undo, force);
      if (r.ok) {
        setUndo(undefined);
        await runCheck([notice('success', fmt(t.undoDone, { n: r.restored.length }))]);
      } else if (r.reason === 'changed') {
        setNotices([
          notice('warning', fmt(t.undoChanged, { cells: cellList(r.cells) }), [
            { label: t.fillUndoForce, run: () => void onUndo(true) },
            { label: t.cancel, run: () => setNotices([]) },
          ]),
        ]);
      } else setNotices([notice('error', describeUndo(r, t))]);
    });

  const onHighlight = (on: boolean) =>
    task(async () => {
      if (on && checked) {
        const rec = await host.highlight(highlightCells(allIssues(checked)));
        setLit(rec);
        const notes: Notice[] = [];
        if (rec.skipped.length) notes.push(notice('info', fmt(t.highlightSkipped, { sheets: rec.skipped.join(', ') })));
        if (rec.kept?.length) notes.push(notice('info', fmt(t.highlightKept, { cells: cellList(rec.kept) })));
        if (notes.length) setNotices(notes);
      } else if (!on && lit) {
        await host.clearHighlight(lit);
        setLit(undefined);
      }
    });

  const exportRows = (): string[][] =>
    checked
      ? [
          t.reportHeader,
          ...allIssues(checked).map((i) => [
            i.table ?? '',
            t.severity[i.severity],
            localCells(i)[0]?.sheet ?? '',
            localCells(i)
              .map((x) => x.address)
              .join(', '),
            i.rule,
            renderMessage(i, { lang, decimalSeparator: decimal }),
          ]),
        ]
      : [];

  const onExport = (replace = false): Promise<void> =>
    task(async () => {
      const r = await host.writeReportSheet(exportRows(), replace);
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
        if (r.undo) notes.push(notice('info', r.undo === 'whole' ? t.exportUndoWhole : t.exportUndoSteps));
        setNotices(notes);
      }
    });

  const onSettings = (next: PaneSettings) => {
    setSettings(next);
    if (checked) {
      setChecked({
        ...checked,
        check: checkWorkbook(checked.workbook, { threshold: next.threshold }),
        plan: planFill(checked.workbook, { mode: next.mode, threshold: next.threshold }),
      });
    }
    host.saveSettings(next).catch(fail);
  };

  const onSelect = (cells: Parameters<Host['selectCells']>[0]) => {
    host
      .selectCells(cells)
      .then((r) => {
        if (r && !r.ok) setNotices([notice('warning', fmt(r.veryHidden ? t.sheetVeryHidden : t.sheetHidden, { sheet: visible(r.sheet, 60) }))]);
      })
      .catch(fail);
  };

  const scores = checked && scoresFrom(checked.check.summaries, settings.threshold);

  return (
    <main className={c.root} lang={lang}>
      <h1 className={c.title}>{t.appTitle}</h1>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={onCheck} disabled={busy}>
          {t.check}
        </Button>
        {busy && <Spinner size="tiny" label={t.busy} />}
      </div>
      <Notices notices={notices} />
      {!checked && <p className={s.wrap}>{t.intro}</p>}
      {checked && (
        <>
          <SummaryCounts issues={allIssues(checked)} t={t} />
          <div className={s.buttons}>
            <Switch
              label={t.highlight}
              checked={!!lit}
              disabled={busy}
              onChange={(_, d) => void onHighlight(d.checked)}
            />
            <Button onClick={() => void onExport()} disabled={busy}>
              {t.export}
            </Button>
          </div>
          <IssueList
            issues={allIssues(checked)}
            tables={checked.check.tables}
            t={t}
            lang={lang}
            decimalSeparator={decimal}
            onSelect={onSelect}
          />
          <FillPreview
            plan={checked.plan}
            mode={settings.mode}
            t={t}
            decimalSeparator={decimal}
            applied={!!undo}
            busy={busy}
            onApply={() => void onFill()}
            onUndo={() => void onUndo()}
          />
          <TableList tables={checked.check.tables} t={t} />
          {scores && <ScoreChart data={scores} t={t} decimalSeparator={decimal} />}
        </>
      )}
      <OtherFiles
        t={t}
        busy={busy}
        comparing={checked?.compared && { file: checked.compared.file, issues: checked.compared.issues.length }}
        summaryAdded={other.summaryAdded}
        onCompare={(f) => void other.onCompare(f)}
        onStopCompare={() => void other.onStopCompare()}
        onMerge={(f) => void other.onMerge(f)}
        onRemoveSummary={() => void other.onRemoveSummary()}
      />
      <Settings settings={settings} lang={lang} t={t} onChange={onSettings} onLangChange={setLang} />
    </main>
  );
}

function readNote(n: ReadResult['notes'][number], d: ReadResult['details'], t: Strings): string {
  if (n === 'merges-unsupported') return t.mergesUnsupported;
  if (n === 'merges-too-many') return fmt(t.mergesTooMany, { sheets: (d?.mergesMissing ?? []).map((x) => visible(x, 60)).join('», «') });
  const parts = (d?.trimmed ?? []).map((x) => fmt(t.trimmedSheet, { sheet: visible(x.sheet, 60), used: x.used, read: x.read }));
  return fmt(t.usedRangeTrimmed, { sheets: parts.join('; ') });
}

/** The check's findings, then the comparison's with last year's report. */
function allIssues(c: Pick<Checked, 'check' | 'compared'>): IssueData[] {
  return c.compared ? [...c.check.issues, ...c.compared.issues] : c.check.issues;
}

/** A finding's cells in the open workbook (a cell of last year's report names its file). */
function localCells(i: IssueData) {
  return i.cells.filter((c) => !c.file);
}

function highlightCells(issues: IssueData[]) {
  return issues.flatMap((i) => {
    const [c] = localCells(i);
    return c ? [{ sheet: c.sheet, address: c.address, severity: i.severity }] : [];
  });
}
