// The task pane: check, findings, fill with preview and undo, highlight, export, settings.
import { useState } from 'react';
import {
  FluentProvider,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang } from '../core';
import { allIssues } from './checked';
import { CheckBar } from './CheckBar';
import { Findings } from './Findings';
import type { Host } from './host';
import { catalogues } from './i18n';
import type { Strings } from './i18n';
import { Notices, type Notice } from './Notices';
import { OtherFiles } from './OtherFiles';
import { exportHandler, reportRows } from './report-sheet';
import { selectHandler } from './select-cells';
import { Settings } from './Settings';
import { useShared } from './styles';
import { useCheck } from './use-check';
import { useFill } from './use-fill';
import { useHighlight } from './use-highlight';
import { useNotices } from './use-notices';
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

export function App({ host, initialLang, dark }: AppProps) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Pane host={host} initialLang={initialLang} />
    </FluentProvider>
  );
}

// The pane's state lives in its hooks (use-*.ts); this puts them together and lays the pane out.
function Pane({ host, initialLang }: { host: Host; initialLang: Lang }) {
  const c = useStyles();
  const s = useShared();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t: Strings = catalogues[lang];
  const { notices, busy, ...notes } = useNotices(t);
  const deps = { host, t, ...notes };
  const light = useHighlight(deps);
  const { settings, onSettings, checked, decimal, lastYear, runCheck } = useCheck({
    ...deps,
    followHighlight: light.follow,
  });
  const recheck = (keep: Notice[]) => runCheck(keep);
  const other = useOtherFiles({ ...deps, threshold: settings.threshold, lastYear, recheck });
  const fill = useFill({ ...deps, checked, recheck });
  const rows = () => (checked ? reportRows(allIssues(checked), t, lang, decimal) : []);
  const onExport = exportHandler({ ...deps, rows });
  const onSelect = selectHandler(deps);

  return (
    <main className={c.root} lang={lang}>
      <h1 className={c.title}>{t.appTitle}</h1>
      <CheckBar t={t} busy={busy} onCheck={() => void notes.task(() => runCheck())} />
      <Notices notices={notices} />
      {!checked && <p className={s.wrap}>{t.intro}</p>}
      {checked && (
        <Findings
          checked={checked}
          t={t}
          lang={lang}
          decimalSeparator={decimal}
          mode={settings.mode}
          threshold={settings.threshold}
          busy={busy}
          lit={light.lit}
          applied={fill.applied}
          onHighlight={(on) => void light.onHighlight(on, allIssues(checked))}
          onExport={() => void onExport()}
          onSelect={onSelect}
          onFill={() => void fill.onFill()}
          onUndo={() => void fill.onUndo()}
        />
      )}
      <OtherFiles
        t={t}
        busy={busy}
        comparing={
          checked?.compared && {
            file: checked.compared.file,
            issues: checked.compared.issues.length,
          }
        }
        summaryAdded={other.summaryAdded}
        onCompare={(f) => void other.onCompare(f)}
        onStopCompare={() => void other.onStopCompare()}
        onMerge={(f) => void other.onMerge(f)}
        onRemoveSummary={() => void other.onRemoveSummary()}
      />
      <Settings
        settings={settings}
        lang={lang}
        t={t}
        onChange={onSettings}
        onLangChange={setLang}
      />
    </main>
  );
}
