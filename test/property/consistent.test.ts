// Generated consistent tables: recognized where they stand, no error or warning; one mutated cell is
// always reported on that cell or on a cell whose rule reads it; fill then check is clean and idempotent.
import fc from 'fast-check';
import { checkWorkbook, planFill, type Cell, type CheckResult, type Workbook } from '../../src/core';
import { ruNumberText } from '../fixtures/variants';
import { cloneWorkbook, getCell, runProperty, setCell } from './support';
import { describeBook, genBook, type DataCell, type GenBook } from './tables';

function notable(r: CheckResult): string[] {
  return r.issues.filter((i) => i.severity !== 'info').map((i) => `${i.rule}@${i.cells[0].sheet}!${i.cells[0].address} expected=${i.expected} actual=${i.actual}`);
}

function consistentClean(name: string, books: fc.Arbitrary<GenBook>): void {
  runProperty(
    name,
    fc.property(books, (b) => {
      const r = checkWorkbook(b.wb);
      const found = r.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`);
      for (const t of b.tables) expect({ book: describeBook(b), found }).toEqual({ book: describeBook(b), found: expect.arrayContaining([`${t.gen.kind}@${t.sheet}!${t.placed.range}`]) });
      expect({ book: describeBook(b), issues: notable(r) }).toEqual({ book: describeBook(b), issues: [] });
      // A complete consistent workbook has nothing to fill.
      expect(planFill(b.wb).writes).toEqual([]);
    }),
    250,
  );
}

test('generated consistent tables are recognized and give no error or warning', () => consistentClean('consistent-tables-clean', genBook));

type MutationKind = 'delta' | 'break' | 'junk' | 'error' | 'text' | 'no-result' | 'fraction' | 'clear' | 'negative';
const MUTATIONS: MutationKind[] = ['delta', 'break', 'junk', 'error', 'text', 'no-result', 'fraction', 'clear', 'negative'];

/** The mutated cell, or undefined when this kind of mutation is not certain to break this cell. */
function mutate(c: DataCell, kind: MutationKind, d: number, pick: number): { cell: Cell | undefined; what: string } {
  // Partial relations (кинды ≤ всего, библиотечное ≤ высшее) absorb small changes: use a breaking value there.
  if (!c.exact && (kind === 'delta' || kind === 'clear')) kind = 'break';
  if (c.exact && kind === 'break') kind = 'delta';
  if (!c.count && kind === 'fraction') kind = 'delta';
  switch (kind) {
    case 'delta': {
      const v = c.v + (pick % 2 ? d : -d);
      return { cell: { value: v }, what: `${c.v} → ${v}` };
    }
    case 'break': {
      const v = c.breaks[pick % c.breaks.length];
      return { cell: { value: v }, what: `${c.v} → ${v}` };
    }
    case 'junk': {
      const t = ['178817\n(+44311)\n=223128', 'н/д', 'abc', '12 экз.', '5+3', '1,2,3'][pick % 6];
      return { cell: { value: t }, what: `${c.v} → ${JSON.stringify(t)}` };
    }
    case 'error': {
      const e = ['#REF!', '#DIV/0!', '#N/A', '#VALUE!'][pick % 4];
      return { cell: { value: null, error: e }, what: `${c.v} → ${e}` };
    }
    case 'text': {
      const t = ruNumberText(c.v, (['space', 'nbsp', 'plain', 'period', 'trailing'] as const)[pick % 5]);
      return { cell: { value: t }, what: `${c.v} → text ${JSON.stringify(t)}` };
    }
    case 'no-result':
      return { cell: { value: null, formula: '=Z99+1', noResult: true }, what: `${c.v} → formula without result` };
    case 'fraction':
      return { cell: { value: c.v + 0.5 }, what: `${c.v} → ${c.v + 0.5}` };
    case 'clear':
      return { cell: undefined, what: `${c.v} → empty` };
    case 'negative': {
      const v = c.v > 0 ? -c.v : -d;
      return { cell: { value: v }, what: `${c.v} → ${v}` };
    }
  }
}

const mutationCase = fc.record({ b: genBook, t: fc.nat(), cell: fc.nat(), kind: fc.constantFrom(...MUTATIONS), d: fc.integer({ min: 1, max: 1000 }), pick: fc.nat(100) });

type MutationCase = typeof mutationCase extends fc.Arbitrary<infer T> ? T : never;

function mutationReported(name: string, cases: fc.Arbitrary<MutationCase>): void {
  runProperty(
    name,
    fc.property(cases, ({ b, t, cell, kind, d, pick }) => {
      const table = b.tables[t % b.tables.length];
      const c = table.gen.cells[cell % table.gen.cells.length];
      const address = table.placed.addr(c.r, c.c);
      const wb = cloneWorkbook(b.wb);
      const m = mutate(c, kind, d, pick);
      setCell(wb, table.sheet, address, m.cell);
      const r = checkWorkbook(wb);
      const on = r.issues.filter((i) => i.cells.some((x) => x.sheet === table.sheet && x.address === address));
      const context = { book: describeBook(b), cell: `${table.sheet}!${address}`, mutation: m.what };
      expect({ ...context, reported: on.length > 0 }).toEqual({ ...context, reported: true });
    }),
    400,
  );
}

test('one mutated input cell is reported on that cell or on a cell whose rule reads it', () => mutationReported('single-mutation-reported', mutationCase));

/** Writes a plan into the grid in memory: the computed value, with the formula in formulas mode. */
function applyInMemory(wb: Workbook, writes: ReturnType<typeof planFill>['writes']): void {
  for (const w of writes) {
    const prev = getCell(wb, w.sheet, w.address);
    const numberFormat = w.numberFormat ?? prev?.numberFormat;
    setCell(wb, w.sheet, w.address, { value: w.value, ...(w.formula ? { formula: w.formula } : {}), ...(numberFormat ? { numberFormat } : {}) });
  }
}

const fillCase = fc.record({ b: genBook, mask: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }), mode: fc.constantFrom('formulas' as const, 'values' as const) });

type FillCase = typeof fillCase extends fc.Arbitrary<infer T> ? T : never;

function fillClean(name: string, cases: fc.Arbitrary<FillCase>): void {
  runProperty(
    name,
    fc.property(cases, ({ b, mask, mode }) => {
      const wb = cloneWorkbook(b.wb);
      const cleared = new Map<string, number>();
      let i = 0;
      for (const t of b.tables)
        for (const c of t.gen.cells) {
          if (!c.computed || !mask[i++ % mask.length]) continue;
          const a = t.placed.addr(c.r, c.c);
          setCell(wb, t.sheet, a, undefined);
          cleared.set(`${t.sheet}!${a}`, c.v);
        }
      const plan = planFill(wb, { mode });
      const context = { book: describeBook(b), mode };
      const planned = new Map(plan.writes.map((w) => [`${w.sheet}!${w.address}`, w.value]));
      expect({ ...context, planned }).toEqual({ ...context, planned: cleared });
      applyInMemory(wb, plan.writes);
      const after = checkWorkbook(wb);
      const written = new Set(plan.writes.map((w) => `${w.sheet}!${w.address}`));
      const onWritten = after.issues.filter((x) => written.has(`${x.cells[0].sheet}!${x.cells[0].address}`)).map((x) => `${x.rule}@${x.cells[0].address}`);
      const missing = after.issues.filter((x) => x.rule === 'missing-value').map((x) => `${x.severity}@${x.cells[0].address}`);
      expect({ ...context, onWritten, missing, notable: notable(after) }).toEqual({ ...context, onWritten: [], missing: [], notable: [] });
      expect(planFill(wb, { mode }).writes).toEqual([]);
    }),
    250,
  );
}

test('fill then check is clean (cleared computed cells come back), and a second fill plans nothing', () => fillClean('fill-then-check-clean', fillCase));
