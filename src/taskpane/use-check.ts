// Checking the open workbook (and comparing it with last year's report), and the settings a check
// and the fill's plan follow.
import { useRef, useState } from 'react';
import { analyze, checkWorkbook, planFill } from '../core';
import type { IssueData } from '../core';
import { allIssues, type Checked } from './checked';
import { DEFAULT_SETTINGS } from './host';
import type { Host, PaneSettings, ReadResult } from './host';
import { fmt, type Strings } from './i18n';
import type { Notice } from './Notices';
import { compareWith, type LastYear } from './other-files';
import type { PaneDeps } from './use-notices';
import { visible } from './visible-text';

export interface CheckDeps extends PaneDeps {
  fail: (e: unknown) => void;
  /** Moves a highlight that is on to the findings of the new check. */
  followHighlight: (issues: IssueData[]) => Promise<void>;
}

export function useCheck({ host, t, notice, setNotices, fail, followHighlight }: CheckDeps) {
  const [settings, setSettings] = useState<PaneSettings>(() => readSettings(host));
  const [checked, setChecked] = useState<Checked>();
  const [decimal, setDecimal] = useState(',');
  const lastYear = useRef<LastYear>();

  /** Checks the open workbook, the notices given first among the new ones. */
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
      const args = {
        file: visible(last.file, 120),
        matched,
        tables: r.tables.length,
        figures: r.compared.figures,
        carry: r.compared.carryOvers,
        n: cmp.issues.length,
      };
      notes.unshift(notice('info', fmt(t.compareDone, args)));
    }
    setNotices([...keep, ...notes]);
    await followHighlight(allIssues({ check, compared }));
  }

  /** New settings check the workbook read last again, without reading it anew. */
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

  return { settings, onSettings, checked, decimal, lastYear, runCheck };
}

function readSettings(host: Host): PaneSettings {
  try {
    const s = host.loadSettings();
    return {
      mode: s.mode === 'values' ? 'values' : 'formulas',
      threshold:
        typeof s.threshold === 'number' && Number.isFinite(s.threshold)
          ? s.threshold
          : DEFAULT_SETTINGS.threshold,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function readNote(n: ReadResult['notes'][number], d: ReadResult['details'], t: Strings): string {
  if (n === 'merges-unsupported') return t.mergesUnsupported;
  if (n === 'merges-too-many')
    return fmt(t.mergesTooMany, {
      sheets: (d?.mergesMissing ?? []).map((x) => visible(x, 60)).join('», «'),
    });
  const parts = (d?.trimmed ?? []).map((x) =>
    fmt(t.trimmedSheet, { sheet: visible(x.sheet, 60), used: x.used, read: x.read }),
  );
  return fmt(t.usedRangeTrimmed, { sheets: parts.join('; ') });
}
