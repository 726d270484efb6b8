// Findings grouped by table and severity; each one takes the user to its cells (click or Enter).
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { IssueData, Lang, TableInfo } from '../core';
import { renderMessage } from '../core';
import type { CellRef } from './host';
import { groupIssues } from './grouping';
import type { SeverityName } from './grouping';
import { fmt } from './i18n';
import type { Strings } from './i18n';
import { useShared } from './styles';
import { tableTitle } from './TableList';
import { visible } from './visible-text';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorder2}` },
  info: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}` },
  cell: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  badge: { alignSelf: 'flex-start' },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

const BADGE: Record<SeverityName, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export type IssueListProps = {
  issues: IssueData[];
  tables: TableInfo[];
  t: Strings;
  lang: Lang;
  decimalSeparator: string;
  onSelect: (cells: CellRef[]) => void;
};

export function IssueList({ issues, tables, t, lang, decimalSeparator, onSelect }: IssueListProps) {
  const s = useShared();
  const c = useStyles();
  const groups = groupIssues(issues, tables);
  return (
    <section className={s.section} aria-labelledby="issues-heading">
      <h2 id="issues-heading" className={s.heading}>
        {t.issuesHeading} ({issues.length})
      </h2>
      {issues.length === 0 && <p className={s.muted}>{t.noIssues}</p>}
      {groups.map((g) => (
        <div key={g.key} className={c.group}>
          <h3 className={`${s.subheading} ${s.wrap}`}>{g.table ? tableTitle(g.table, t) : t.outsideTables}</h3>
          {g.bySeverity.map((sv) => (
            <div key={sv.severity} className={c.group}>
              <h4 className={s.subheading}>
                {t.severity[sv.severity]}: {sv.issues.length}
              </h4>
              <ul className={s.list}>
                {sv.issues.map((issue, i) => {
                  // A cell of last year's report (it names its file) is shown, not gone to.
                  const local = issue.cells.filter((x) => !x.file);
                  const other = issue.cells.find((x) => x.file);
                  const where = local[0] ? `${visible(local[0].sheet, 60)}!${local[0].address}` : '';
                  const otherText = other ? fmt(t.otherCell, { cell: `${visible(other.file ?? '', 120)}: ${visible(other.sheet, 60)}!${other.address}` }) : '';
                  const message = visible(renderMessage(issue, { lang, decimalSeparator }), 600);
                  return (
                    <li key={`${issue.rule}-${where}-${i}`}>
                      <button
                        type="button"
                        className={`${c.item} ${c[sv.severity]}`}
                        aria-label={`${t.severity[sv.severity]}. ${message}. ${where ? fmt(t.goToCell, { cell: where }) : otherText}`}
                        onClick={() => local.length && onSelect(local)}
                      >
                        <Badge className={c.badge} appearance="tint" color={BADGE[sv.severity]}>
                          {t.severity[sv.severity]}
                        </Badge>
                        <span className={s.wrap}>{message}</span>
                        {where && (
                          <span className={`${c.cell} ${s.wrap}`}>
                            {t.cell}: {where}
                          </span>
                        )}
                        {other && <span className={`${c.cell} ${s.wrap}`}>{otherText}</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
