// The recognized tables: kind in words, sheet and range.
import type { TableInfo } from '../core';
import { fmt } from './i18n';
import type { Strings } from './i18n';
import { useShared } from './styles';
import { visible } from './visible-text';

export type TableListProps = { tables: TableInfo[]; t: Strings };

export function tableTitle(table: TableInfo, t: Strings): string {
  const base = t.kinds[table.kind] ?? table.kind;
  const kind = table.title ? fmt(t.titledKind, { kind: base, title: visible(table.title, 90) }) : base;
  const line = fmt(t.tableLine, { kind: table.year ? `${kind} (${table.year})` : kind, sheet: visible(table.sheet, 60), range: table.range });
  // What was checked in it: the coverage of the report at a glance.
  return `${line} · ${table.relations ? fmt(t.relationsLine, { n: table.relations }) : t.nothingToCheck}`;
}

export function TableList({ tables, t }: TableListProps) {
  const s = useShared();
  return (
    <section className={s.section} aria-labelledby="tables-heading">
      <h2 id="tables-heading" className={s.heading}>
        {t.tablesHeading} ({tables.length})
      </h2>
      {tables.length === 0 ? (
        <p className={s.muted}>{t.noTables}</p>
      ) : (
        <ul className={s.list}>
          {tables.map((tb) => (
            <li key={tb.id} className={s.wrap}>
              {tableTitle(tb, t)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
