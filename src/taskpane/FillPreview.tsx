// Every write a fill would make (sheet, address, old → new), with Fill and Undo.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { FillMode, FillPlan, FillWrite } from '../core';
import { fmt, formatNumber } from './i18n';
import type { Strings } from './i18n';
import { useShared } from './styles';
import { visible } from './visible-text';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  addr: { fontWeight: tokens.fontWeightSemibold },
  list: { maxHeight: '320px', overflowY: 'auto' },
});

export type FillPreviewProps = {
  plan: FillPlan;
  mode: FillMode;
  t: Strings;
  decimalSeparator: string;
  /** True once the plan is written and can be undone. */
  applied: boolean;
  busy: boolean;
  onApply: () => void;
  onUndo: () => void;
};

function oldText(w: FillWrite, t: Strings): string {
  const b = w.before;
  if (b.formula) return b.formula;
  if (b.text) return b.text;
  if (b.value === null || b.value === '') return t.empty;
  return String(b.value);
}

export function newText(w: FillWrite, decimalSeparator: string): string {
  const v = formatNumber(Math.round(w.value * 1e6) / 1e6, decimalSeparator);
  return w.formula ? `${w.formula} (${v})` : v;
}

export function FillPreview({ plan, mode, t, decimalSeparator, applied, busy, onApply, onUndo }: FillPreviewProps) {
  const s = useShared();
  const c = useStyles();
  return (
    <section className={s.section} aria-labelledby="fill-heading">
      <h2 id="fill-heading" className={s.heading}>
        {t.fillHeading}
      </h2>
      {plan.writes.length === 0 && !applied ? (
        <p className={s.muted}>{t.fillNothing}</p>
      ) : (
        <>
          {!applied && (
            <p>{fmt(t.fillIntro, { n: plan.writes.length, mode: mode === 'formulas' ? t.modeFormulas : t.modeValues })}</p>
          )}
          {!applied && (
            <ul className={`${s.list} ${c.list}`} aria-label={t.fillHeading} tabIndex={0}>
              {plan.writes.map((w) => (
                <li key={`${w.sheet}!${w.address}`} className={`${c.row} ${s.wrap}`}>
                  <span className={c.addr}>
                    {visible(w.sheet, 60)}!{w.address}
                  </span>
                  <span>
                    {visible(oldText(w, t), 80)} → {newText(w, decimalSeparator)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className={s.buttons}>
            <Button appearance="primary" disabled={busy || applied || plan.writes.length === 0} onClick={onApply}>
              {t.fillApply}
            </Button>
            <Button disabled={busy || !applied} onClick={onUndo}>
              {t.fillUndo}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
