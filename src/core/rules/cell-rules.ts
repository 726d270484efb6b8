// Rules on single cells: how the value is written and whether it can be a count or a score.
import { hasValue } from '../grid/numbers';
import { ref, what, type Rule } from './rule';

export const numberAsText: Rule = {
  meta: { id: 'number-as-text', severity: 'warning', description: { ru: 'Число записано как текст', en: 'Number stored as text' }, messageIds: ['number-as-text'] },
  table(t, ctx) {
    for (let ci = 0; ci < t.cells.length; ci++) {
      const c = t.cells[ci];
      if (c.num.kind !== 'text-number' || c.num.value === undefined) continue;
      const r = ref(t, c);
      const value = c.num.value;
      // A literal, not a spread: a workbook of figures typed as text has 400 000 of these.
      ctx.report({ cells: [r], expected: value, actual: c.num.text, fix: { sheet: r.sheet, address: r.address, value }, params: { what: what(t, c), text: c.num.text ?? '', value } });
    }
  },
};

export const notANumber: Rule = {
  meta: { id: 'not-a-number', severity: 'error', description: { ru: 'В числовой ячейке не одно число', en: 'Not one number' }, messageIds: ['not-a-number', 'not-a-number/error'] },
  table(t, ctx) {
    for (let ci = 0; ci < t.cells.length; ci++) {
      const c = t.cells[ci];
      if (c.num.kind === 'not-number') ctx.report({ cells: [ref(t, c)], actual: c.num.text, params: { what: what(t, c), text: c.num.text ?? '' } });
      else if (c.num.kind === 'error') ctx.report({ cells: [ref(t, c)], actual: c.num.text, messageId: 'not-a-number/error', params: { what: what(t, c), text: c.num.text ?? '' } });
    }
  },
};

export const dashAsZero: Rule = {
  meta: { id: 'dash-as-zero', severity: 'info', description: { ru: 'Прочерк читается как ноль', en: 'Dash read as zero' }, messageIds: ['dash-as-zero'] },
  table(t, ctx) {
    for (let ci = 0; ci < t.cells.length; ci++) {
      const c = t.cells[ci];
      if (c.num.kind === 'dash') ctx.report({ cells: [ref(t, c)], actual: c.num.text, params: { what: what(t, c) } });
    }
  },
};

export const negativeValue: Rule = {
  meta: { id: 'negative-value', severity: 'error', description: { ru: 'Отрицательное количество', en: 'Negative count' }, messageIds: ['negative-value'] },
  table(t, ctx) {
    if (t.def.valueType === 'amount') return;
    // A `+/-` change may be negative (a `+/-` column, or a member that is one: 4.4's achieved − plan); a count may not.
    const changes = t.def.relations.filter((r) => r.type === 'linear' && r.rule === 'delta-mismatch') as Array<{ dim: string; target: string }>;
    for (let ci = 0; ci < t.cells.length; ci++) {
      const c = t.cells[ci];
      if (changes.length && changes.some((r) => c.key[r.dim] === r.target)) continue;
      if (c.key.measure !== 'delta' && hasValue(c.num) && c.num.value < 0) ctx.report({ cells: [ref(t, c)], actual: c.num.value, params: { what: what(t, c), value: c.num.value } });
    }
  },
};

export const nonIntegerCount: Rule = {
  meta: { id: 'non-integer-count', severity: 'error', description: { ru: 'Нецелое количество', en: 'Count not whole' }, messageIds: ['non-integer-count'] },
  table(t, ctx) {
    if (t.def.valueType !== 'count') return;
    for (let ci = 0; ci < t.cells.length; ci++) {
      const c = t.cells[ci];
      if (c.key.measure === 'percent' || !hasValue(c.num) || Number.isInteger(c.num.value)) continue;
      ctx.report({ cells: [ref(t, c)], actual: c.num.value, params: { what: what(t, c), value: c.num.value } });
    }
  },
};

/** Some part of the key is one of `ids` (without an array of its values per cell). */
function keyHolds(key: Record<string, string>, ids: Set<string>): boolean {
  for (const d in key) if (ids.has(key[d])) return true;
  return false;
}

export const scoreInvalid: Rule = {
  meta: { id: 'score-invalid', severity: 'error', description: { ru: 'Балл не 0 и не полный балл критерия', en: 'Score neither 0 nor full points' }, messageIds: ['score-invalid'] },
  table(t, ctx) {
    for (const rel of t.def.relations) {
      if (rel.type !== 'scores') continue;
      const totals = new Set<string>();
      for (const r of t.def.relations) if (r.type === 'sum') totals.add(r.total);
      for (let ci = 0; ci < t.cells.length; ci++) {
        const c = t.cells[ci];
        const m = c.key[rel.dim];
        const pts = m === undefined ? undefined : t.points.get(m);
        if (pts === undefined || !hasValue(c.num)) continue;
        if (keyHolds(c.key, totals)) continue;
        const v = c.num.value;
        if (Math.abs(v) < 1e-9 || Math.abs(v - pts) < 1e-9) continue;
        ctx.report({ cells: [ref(t, c)], actual: v, params: { what: what(t, c), value: v, points: pts } });
      }
    }
  },
};
