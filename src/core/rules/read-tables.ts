// The tables an indicator was recomputed from, for its messages: a methodologist sees which 4.3 and
// which fund table of that year were read (another sheet's 5.1.1 of 2021, the movement of 2023).
import { rangeAddress } from '../grid/grid';
import type { MessageParams } from '../report/issue';
import { isPercentFormat, roundHalfUp } from '../grid/numbers';
import type { Instance, Term, Values } from '../relations/relations';
import type { TableModel } from '../tables/table';

/**
 * `«Title» Sheet!A1:D9` of each other table a ratio reads, in the order read, in both languages
 * (`sources`, `sourcesEn`); none for a share within its own table.
 */
export function readTables(inst: Instance): { sources: string[]; sourcesEn: string[] } | undefined {
  if (inst.type !== 'ratio') return undefined;
  const seen: TableModel[] = [];
  for (const x of [...inst.num, ...inst.den]) if (x.table !== inst.table && !seen.includes(x.table)) seen.push(x.table);
  if (!seen.length) return undefined;
  const at = (t: TableModel) => `${t.sheet.name}!${rangeAddress(t.sheet, t.area)}`;
  return { sources: seen.map((t) => `«${t.def.title.ru}» ${at(t)}`), sourcesEn: seen.map((t) => `"${t.def.title.en}" ${at(t)}`) };
}

/**
 * What the message of an empty indicator that can be filled shows: its arithmetic (zero terms left
 * out, as in ratio-mismatch) and the tables read; undefined for a share within its own table.
 */
export function indicatorFill(inst: Instance, values: Values, value: number): MessageParams | undefined {
  const read = readTables(inst);
  if (!read || inst.type !== 'ratio') return undefined;
  const scale = isPercentFormat(inst.target.numberFormat) ? 100 : 1;
  const side = (terms: Term[], name: string): MessageParams | undefined => {
    const vs = terms.map((x) => values.get(x.table, x.cell));
    if (vs.some((v) => v === undefined)) return undefined;
    const keep = vs.map((_, i) => i).filter((i) => vs[i] !== 0);
    const idx = keep.length ? keep : [0];
    return { [`${name}Terms`]: idx.map((i) => vs[i]!), [`${name}Signs`]: idx.map((i) => (terms[i].sign > 0 ? '+' : '-')) };
  };
  const num = side(inst.num, 'num');
  const den = side(inst.den, 'den');
  if (!num || !den) return undefined;
  return { ...num, ...den, times: inst.factor * scale === 1 ? '' : ` × ${inst.factor * scale}`, exact: roundHalfUp(value * scale, 4), ...read };
}
