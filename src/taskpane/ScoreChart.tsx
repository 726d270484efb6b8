// Bar chart of Model Standard points per library, with the threshold marked (plain divs).
import { makeStyles, tokens } from '@fluentui/react-components';
import { fmt, formatNumber } from './i18n';
import type { Strings } from './i18n';
import type { ScoreData } from './scores';
import { useShared } from './styles';
import { visible } from './visible-text';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  track: {
    position: 'relative',
    height: '12px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  bar: { height: '100%', borderRadius: tokens.borderRadiusSmall },
  above: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  below: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  mark: {
    position: 'absolute',
    top: '-3px',
    bottom: '-3px',
    width: '2px',
    backgroundColor: tokens.colorNeutralForeground1,
  },
  label: { fontSize: tokens.fontSizeBase200 },
});

export type ScoreChartProps = { data: ScoreData; t: Strings; decimalSeparator: string };

export function ScoreChart({ data, t, decimalSeparator }: ScoreChartProps) {
  const s = useShared();
  const c = useStyles();
  const max = Math.max(data.max, ...data.rows.map((r) => r.score), 1);
  const reached = data.rows.filter((r) => r.score >= data.threshold).length;
  const n = (x: number) => formatNumber(x, decimalSeparator);
  return (
    <section className={s.section} aria-labelledby="chart-heading">
      <h2 id="chart-heading" className={s.heading}>
        {t.chartHeading}
      </h2>
      <p className={s.wrap}>{fmt(t.chartNote, { t: n(data.threshold), k: reached, n: data.rows.length })}</p>
      <ul className={s.list}>
        {data.rows.map((r, i) => (
          <li key={i} className={c.row}>
            <span className={`${c.label} ${s.wrap}`}>
              {fmt(t.chartLabel, { name: visible(r.name, 80), score: n(r.score), max: n(data.max) })}
            </span>
            <div className={c.track} aria-hidden="true">
              <div
                className={`${c.bar} ${r.score >= data.threshold ? c.above : c.below}`}
                style={{ width: `${Math.max(0, Math.min(100, (r.score / max) * 100))}%` }}
              />
              <div className={c.mark} style={{ left: `${(data.threshold / max) * 100}%` }} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
