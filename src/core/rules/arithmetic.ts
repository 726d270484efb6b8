// Rules on arithmetic inside a table: sums, balances, subsets, percentages.
import { isPercentFormat, matchesAtDecimals, roundHalfUp } from '../grid/numbers';
import { instances, type Instance, type Term } from '../relations/relations';
import type { TableCell, TableModel } from '../tables/table';
import { readTables } from './read-tables';
import { ref, what, type Rule, type RuleContext } from './rule';

function termParams(
  terms: Term[],
  ctx: RuleContext,
): { terms: number[]; signs: string[] } | undefined {
  const values: number[] = [];
  for (const term of terms) {
    const v = ctx.values.get(term.table, term.cell);
    if (v === undefined) return undefined;
    values.push(v);
  }
  return { terms: values, signs: terms.map((x) => (x.sign > 0 ? '+' : '-')) };
}

/** Target's shown value, when the target holds one number. */
function shown(t: TableModel, c: TableCell, ctx: RuleContext): number | undefined {
  return c.num.kind === 'empty' ? undefined : ctx.values.get(t, c);
}

/** A total or balance whose target differs from its terms (reported as the rule `ctx` runs). */
function checkEquality(
  inst: Extract<Instance, { type: 'sum' | 'linear' }>,
  ctx: RuleContext,
): void {
  const t = inst.table;
  const actual = shown(t, inst.target, ctx);
  if (actual === undefined) return;
  const expected = ctx.values.compute(inst);
  if (expected === undefined || Math.abs(expected - actual) < 1e-9) return;
  // A `+/-` or balance that holds with a failing total set to its sum: that total's issue says it.
  const fixed = inst.type === 'linear' ? ctx.corrections?.compute(inst) : undefined;
  if (fixed !== undefined && Math.abs(fixed - actual) < 1e-9) return;
  // Every term has a value when `expected` does: the parameters are made for a mismatch only.
  const p = termParams(inst.terms, ctx);
  if (!p) return;
  const target = ref(t, inst.target);
  ctx.report({
    // A total inferred from the figures (no label says it is one) is a weaker finding.
    severity: inst.type === 'sum' && inst.inferred ? 'warning' : 'error',
    cells: [target, ...inst.terms.map((x) => ref(x.table, x.cell))],
    expected,
    actual,
    fix: { ...target, value: expected },
    params: { what: what(t, inst.target), ...p, expected, actual },
  });
}

export const sumMismatch: Rule = {
  meta: {
    id: 'sum-mismatch',
    severity: 'error',
    description: {
      ru: 'Итог не равен сумме частей',
      en: 'Total differs from the sum of its parts',
    },
    messageIds: ['sum-mismatch'],
  },
  table(t, ctx) {
    for (const inst of instances(t))
      if (inst.type === 'sum' && inst.exhaustive) checkEquality(inst, ctx);
  },
};

export const balanceMismatch: Rule = {
  meta: {
    id: 'balance-mismatch',
    severity: 'error',
    description: {
      ru: 'На конец ≠ на начало + поступило − выбыло',
      en: 'End ≠ start + received − withdrawn',
    },
    messageIds: ['balance-mismatch'],
  },
  table(t, ctx) {
    for (const inst of instances(t))
      if (inst.type === 'linear' && inst.rule === 'balance-mismatch') checkEquality(inst, ctx);
  },
};

export const deltaMismatch: Rule = {
  meta: {
    id: 'delta-mismatch',
    severity: 'error',
    description: {
      ru: 'Изменение (+/-) не равно разнице',
      en: 'Change (+/-) differs from new − old',
    },
    messageIds: ['delta-mismatch'],
  },
  table(t, ctx) {
    for (const inst of instances(t))
      if (inst.type === 'linear' && inst.rule === 'delta-mismatch') checkEquality(inst, ctx);
  },
};

/** A cell's words without the column they share with another's (`пенсионеры`, not `пенсионеры (2022)`). */
function ownWords(part: string, whole: string): string {
  for (const sep of [' (', ', ']) {
    const at = whole.lastIndexOf(sep);
    if (at >= 0 && part.endsWith(whole.slice(at))) return part.slice(0, part.length - (whole.length - at));
  }
  return part;
}

export const partsExceedTotal: Rule = {
  meta: {
    id: 'parts-exceed-total',
    severity: 'error',
    description: { ru: 'Части больше итога', en: 'Parts exceed the total' },
    messageIds: ['parts-exceed-total', 'parts-exceed-total/one'],
  },
  table(t, ctx) {
    for (const inst of instances(t)) {
      if (inst.type !== 'sum' || inst.exhaustive) continue;
      const actual = shown(t, inst.target, ctx);
      if (actual === undefined) continue;
      // Empty parts of a partial breakdown are simply not reported; they add nothing.
      const known = inst.terms.filter((x) => ctx.values.get(x.table, x.cell) !== undefined);
      if (!known.length) continue;
      const p = termParams(known, ctx)!;
      const sum = p.terms.reduce((a, b) => a + b, 0);
      if (sum <= actual + 1e-9) continue;
      const target = ref(t, inst.target);
      // One part above its whole reads as such, not as a sum of one.
      const whole = what(t, inst.target);
      const one = inst.terms.length === 1 ? { messageId: 'parts-exceed-total/one', part: ownWords(what(known[0].table, known[0].cell), whole) } : undefined;
      ctx.report({
        cells: [target, ...known.map((x) => ref(x.table, x.cell))],
        expected: sum,
        actual,
        ...(one ? { messageId: one.messageId } : {}),
        params: { what: whole, ...p, expected: sum, actual, ...(one ? { part: one.part } : {}) },
      });
    }
  },
};

export const subsetExceeds: Rule = {
  meta: {
    id: 'subset-exceeds',
    severity: 'error',
    description: { ru: 'Часть больше целого', en: 'Subset exceeds its set' },
    messageIds: ['subset-exceeds'],
  },
  table(t, ctx) {
    for (const inst of instances(t)) {
      if (inst.type !== 'subset') continue;
      const sub = shown(t, inst.sub, ctx);
      const sup = ctx.values.get(t, inst.sup);
      if (sub === undefined || sup === undefined || sub <= sup) continue;
      ctx.report({
        cells: [ref(t, inst.sub), ref(t, inst.sup)],
        expected: sup,
        actual: sub,
        params: { what: what(t, inst.sub), set: what(t, inst.sup), actual: sub, expected: sup },
      });
    }
  },
};

export const ratioMismatch: Rule = {
  meta: {
    id: 'ratio-mismatch',
    severity: 'warning',
    description: {
      ru: 'Процент или показатель не сходится с пересчётом',
      en: 'Percentage or indicator differs from its recomputation',
    },
    messageIds: ['ratio-mismatch', 'ratio-mismatch/own', 'ratio-mismatch/indicator'],
  },
  table(t, ctx) {
    for (const inst of instances(t)) {
      if (inst.type !== 'ratio') continue;
      const actual = shown(t, inst.target, ctx);
      const x = ctx.values.compute(inst);
      if (actual === undefined || x === undefined) continue;
      const d = shownDecimals(t, inst.target);
      // Percent-formatted cells hold fractions: compare in the percent units they show.
      const scale = isPercentFormat(inst.target.numberFormat) ? 100 : 1;
      if (matchesAtDecimals(actual * scale, x * scale, d)) continue;
      // A share of a failing total that holds of its sum: that total's issue says it.
      const fixed = ctx.corrections?.compute(inst);
      if (fixed !== undefined && matchesAtDecimals(actual * scale, fixed * scale, d)) continue;
      // The total's own share may be written as the sum of its rounded parts (100,1 for eight
      // parts shown with one decimal): accept what the parts' rounding can add up to.
      if (inst.num.length === 1 && inst.den.length === 1 && inst.num[0].cell === inst.den[0].cell) {
        const parts = t.cells.filter(
          (c) => c.key.measure === 'percent' && c !== inst.target && sameLine(c, inst.target),
        );
        const dp = Math.max(0, ...parts.map((c) => c.num.decimals ?? 0));
        if (Math.abs(actual * scale - x * scale) <= (parts.length * 0.5) / 10 ** dp + 1e-9)
          continue;
      }
      const expected = roundHalfUp(x * scale, d) / scale;
      const target = ref(t, inst.target);
      const num = termParams(inst.num, ctx)!;
      const den = termParams(inst.den, ctx)!;
      const share =
        inst.num.length === 1 &&
        inst.den.length === 1 &&
        inst.num[0].table === t &&
        inst.den[0].table === t;
      ctx.report({
        cells: [
          target,
          ...inst.num.map((x) => ref(x.table, x.cell)),
          ...inst.den.map((x) => ref(x.table, x.cell)),
        ],
        expected,
        actual,
        fix: { ...target, value: expected },
        // A share is × 100; an indicator of the table's own rows (loans / users) shows its factor.
        messageId: share
          ? inst.factor * scale === 100
            ? 'ratio-mismatch'
            : 'ratio-mismatch/own'
          : 'ratio-mismatch/indicator',
        params: {
          what: what(t, inst.target),
          ...shownTerms('num', num),
          ...shownTerms('den', den),
          decimals: d,
          times: inst.factor * scale === 1 ? '' : ` × ${inst.factor * scale}`,
          exact: roundHalfUp(x * scale, Math.max(d + 2, 2)),
          expected: roundHalfUp(x * scale, d),
          actual: roundHalfUp(actual * scale, d),
          ...readTables(inst),
        },
      });
    }
  },
};

/**
 * The decimals a ratio's cell shows. A whole number in a general format among figures of its line
 * that all show decimals lost its zeros on the way in (`26,0` pasted from Word is 26): it is read at
 * their decimals.
 */
function shownDecimals(t: TableModel, c: TableCell): number {
  const d = c.num.decimals ?? 1;
  if (d !== 0 || c.num.kind !== 'number' || (c.numberFormat && c.numberFormat !== 'General'))
    return d;
  // Its row and its column apart: a row of indicators by year may stand over rows of counts.
  for (const dim of Object.keys(c.key)) {
    const line = t.cells.filter(
      (x) => x !== c && x.num.kind === 'number' && x.key[dim] !== c.key[dim] && sameLine(x, c),
    );
    if (line.length >= 2 && line.every((x) => x.num.decimals))
      return Math.min(...line.map((x) => x.num.decimals!));
  }
  return d;
}

/** Two percent cells on one line of a breakdown: their keys differ in one dimension only. */
function sameLine(a: TableCell, b: TableCell): boolean {
  let diff = 0;
  for (const k of new Set([...Object.keys(a.key), ...Object.keys(b.key)]))
    if (a.key[k] !== b.key[k]) diff++;
  return diff === 1;
}

/** The terms of a ratio's operand as a message shows them: zero terms (empty reasons) left out. */
function shownTerms(
  name: 'num' | 'den',
  p: { terms: number[]; signs: string[] },
): Record<string, Array<number | string>> {
  const keep = p.terms.map((v, i) => i).filter((i) => p.terms[i] !== 0);
  const idx = keep.length ? keep : [0];
  return {
    [`${name}Terms`]: idx.map((i) => p.terms[i]),
    [`${name}Signs`]: idx.map((i) => p.signs[i]),
  };
}
