// Indicators a table computes from its own rows or columns: the named ones (`Читаемость` = loans /
// users), and any `X на 1 Y` / `в среднем на 1 Y` (expenses per user, visits per event, load per
// specialist), the parts found by the words of the label among the table's other items.
import { labelKey } from '../grid/labels';
import { plus, type AxisView } from './axis';
import { accepted, type GenericRel, type RatioRel } from './relations';
import { INDICATORS, PER_UNIT, UNIT_CONCEPTS } from './vocabulary';

export function indicators(v: AxisView, out: GenericRel[]): void {
  v.items.forEach((it, i) => {
    if (it.role.type === 'indicator') {
      const role = it.role;
      const ind = INDICATORS.find((x) => x.id === role.id)!;
      const n = find(v, i, (o) => o.role.type === 'value' && o.role.concept === ind.num) ?? (ind.num === 'received' ? part(v, i, 'in') : undefined);
      const d = find(v, i, (o) => o.role.type === 'value' && o.role.concept === ind.den) ?? (ind.den === 'fund' ? part(v, i, 'end') : undefined);
      if (n !== undefined && d !== undefined) scaled(v, out, i, n, d, ind.factor);
    } else if (it.role.type === 'not-summed' && it.role.why === 'average') perUnit(v, out, i);
    else if ((it.role.type === 'growth' && !it.role.gain) || (it.role.type === 'delta' && /%/.test(it.label))) namedGrowth(v, out, i);
  });
}

/** Words of a growth label that say nothing of its quantity. */
const GROWTH_WORDS = /^(динамика|темп|темпы|роста|рост|изменение|изменения|отклонение|сравнении|предыдущему|прошлому|году)$/;

/**
 * `Динамика книговыдачи, %` in a table whose other axis holds years: the figure of the quantity it
 * names (`Книговыдача`) in each year over the year before's, × 100; taken when the numbers confirm it.
 */
function namedGrowth(v: AxisView, out: GenericRel[], i: number): void {
  // A reading along its own axis (two items before it) was taken already: that one stands.
  if (out.some((r) => r.axis === v.axis && r.target === i)) return;
  let q: number | undefined;
  for (const w of v.items[i].key.split(' ').filter((x) => x.length > 4 && !GROWTH_WORDS.test(x))) if ((q = speaking(v, i, w)) !== undefined) break;
  if (q === undefined) return;
  const years = v.cross.flatMap((c, j) => (c.year === undefined ? [] : [{ y: c.year, j }]));
  const rels: RatioRel[] = [];
  for (const { y, j } of years) {
    const before = years.find((x) => x.y === y - 1);
    if (before) rels.push(v.ratio(i, [plus(q)], [plus(q)], 100, { numLine: j, denLine: before.j, lines: [j] }));
  }
  if (rels.length && accepted(v.scoreAll(rels), true)) out.push(...rels);
}

/**
 * The other item that `ok` accepts: of the same year as item `i` when it has one (`% охвата, 2023`
 * reads the users and population of 2023), one with figures before one still to be filled.
 */
function find(v: AxisView, i: number, ok: (o: AxisView['items'][number]) => boolean): number | undefined {
  const year = v.items[i].year;
  const all = v.items.map((_, k) => k).filter((k) => k !== i && ok(v.items[k]) && (year === undefined || v.items[k].year === undefined || v.items[k].year === year));
  const dated = year === undefined ? all : all.filter((k) => v.items[k].year === year);
  const list = dated.length ? dated : all;
  return list.find((k) => !v.items[k].empty) ?? list[0];
}

function part(v: AxisView, i: number, p: 'in' | 'end'): number | undefined {
  return find(v, i, (o) => o.role.type === 'balance' && o.role.part === p);
}

/** num / den × factor, in the units the labels say (`тыс.` on one side only), the numbers choosing. */
function scaled(v: AxisView, out: GenericRel[], i: number, n: number, d: number, factor: number): void {
  const thousands = (k: number) => /(^| )тыс( |$)/.test(labelKey(v.items[k].label) + ' ' + v.items[k].path.map(labelKey).join(' '));
  const scales = [1];
  if (thousands(n) && !thousands(d) && !thousands(i)) scales.unshift(1000);
  if (thousands(d) && !thousands(n)) scales.unshift(0.001);
  const cands = scales.map((s) => v.ratio(i, [plus(n)], [plus(d)], factor * s));
  const b = v.best(cands);
  if (b) out.push(b.rel);
}

/** The stem of a word: enough of it to meet its other cases (`специалиста` → `специал`). */
function stem(w: string): string {
  return w.length <= 5 ? w : w.slice(0, Math.max(5, w.length - 3));
}

/** An item speaking of `word` (a count of it: `Число специалистов`, `Расходы на …`). */
function speaking(v: AxisView, i: number, word: string, not?: number): number | undefined {
  const s = stem(word);
  return find(v, i, (o) => o !== v.items[not ?? -1] && v.isAmount(v.items.indexOf(o)) && o.key.split(' ').some((w) => w.startsWith(s)));
}

/**
 * `Расходы на 1 пользователя` = expenses / users; `по читателям` under `Нагрузка на 1 специалиста`
 * = readers / specialists; `В среднем на 1 мероприятие` beside two amounts = the other / events.
 */
function perUnit(v: AxisView, out: GenericRel[], i: number): void {
  const it = v.items[i];
  // The nearest empty item before: a heading that names the unit for the rows under it.
  let heading: AxisView['items'][number] | undefined;
  for (let k = i - 1; v.axis === 'row' && k >= 0 && v.items[k].role.type === 'not-summed'; k--)
    if (v.items[k].empty && PER_UNIT.test(v.items[k].key)) {
      heading = v.items[k];
      break;
    }
  const m = PER_UNIT.exec(it.key) ?? (heading ? PER_UNIT.exec(heading.key) : null);
  if (!m) return;
  const d = speaking(v, i, m[3]) ?? unitConcept(v, i, m[3]);
  if (d === undefined) return;
  const per = m[2] ? Number(m[2].replace(' ', '')) : 1;
  // `на 1 читателя` right after `Документообеспеченность на 1 жителя`: the same amount per another unit.
  const continued = m[1] ? undefined : continuedAmount(v, i);
  if (continued !== undefined && continued !== d) return scaled(v, out, i, continued, d, per);
  const before = m[1].split(' ').filter((w) => w.length > 3 && !/^(в|среднем|нагрузка|по|число|количество)$/.test(w));
  const own = it.key.split(' ').filter((w) => w.length > 3 && w !== m[1] && !m[0].includes(w));
  let n: number | undefined;
  for (const w of [...(heading ? own : []), ...before]) if ((n = speaking(v, i, w, d)) !== undefined) break;
  // `В среднем на 1 мероприятие` with one other amount beside the events: that one.
  if (n === undefined) {
    const others = v.items.map((_, k) => k).filter((k) => k !== i && k !== d && v.isAmount(k) && !v.items[k].empty);
    if (others.length === 1) n = others[0];
  }
  if (n !== undefined) scaled(v, out, i, n, d, per);
}

/** The item of the concept the unit word names (`читателя` → users). */
function unitConcept(v: AxisView, i: number, word: string): number | undefined {
  const c = UNIT_CONCEPTS.find(([, re]) => re.test(word))?.[0];
  return c === undefined ? undefined : find(v, i, (o) => o.role.type === 'value' && o.role.concept === c);
}

/** The amount of the named indicator just before item `i` (its numerator's item). */
function continuedAmount(v: AxisView, i: number): number | undefined {
  const prev = v.items[i - 1]?.role;
  if (prev?.type !== 'indicator') return undefined;
  const ind = INDICATORS.find((x) => x.id === prev.id);
  return ind && ind.num !== 'received' ? find(v, i, (o) => o.role.type === 'value' && o.role.concept === ind.num) : undefined;
}
