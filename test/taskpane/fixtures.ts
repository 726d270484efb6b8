// Issues, tables and a host stand-in for the component tests.
import type { FillPlan, IssueData, SummaryData, TableInfo } from '../../src/core';
import type { Host } from '../../src/taskpane/host';

export const tables: TableInfo[] = [
  { id: 'fund-movement#1', kind: 'fund-movement', sheet: 'Фонды', range: 'B3:F7', year: 2023, relations: 4 },
  { id: 'staff-categories#1', kind: 'staff-categories', sheet: 'Кадры', range: 'A1:D5', relations: 2 },
];

export const issues: IssueData[] = [
  {
    rule: 'balance-mismatch',
    severity: 'error',
    table: 'fund-movement#1',
    cells: [
      { sheet: 'Фонды', address: 'D7' },
      { sheet: 'Фонды', address: 'D4' },
    ],
    expected: 200019,
    actual: 20813,
    messageId: 'balance-mismatch',
    params: { what: 'Состоит на конец года (книги)', expr: '206 281 + 33 − 6 295', expected: 200019, actual: 20813 },
  },
  {
    rule: 'missing-value',
    severity: 'info',
    table: 'fund-movement#1',
    cells: [{ sheet: 'Фонды', address: 'C7' }],
    expected: 211056,
    messageId: 'missing-value/computed',
    params: { what: 'Состоит на конец года (всего)', expected: 211056 },
  },
  {
    rule: 'not-a-number',
    severity: 'error',
    table: 'staff-categories#1',
    cells: [{ sheet: 'Кадры', address: 'B3' }],
    messageId: 'not-a-number',
    params: { what: 'АУП', text: '<img src=x onerror=alert(1)>\u202Eevil' },
  },
  {
    rule: 'number-as-text',
    severity: 'warning',
    cells: [{ sheet: 'Кадры', address: 'C9' }],
    messageId: 'number-as-text',
    params: { what: 'Прочее', text: '1060 ', value: 1060 },
  },
];

export const plan: FillPlan = {
  writes: [
    { sheet: 'Фонды', address: 'C7', table: 'fund-movement#1', value: 211056, formula: '=C4+C5-C6', before: { value: null } },
    { sheet: 'Кадры', address: 'E2', table: 'staff-categories#1', value: 0.824, before: { value: null } },
  ],
};

export const summaries: SummaryData[] = [
  {
    table: 'model-standard-grid#1',
    kind: 'model-standard-grid',
    messageId: 'summary/threshold-share',
    params: {},
    data: {
      max: 14,
      rows: [
        { name: 'Центральная библиотека', score: 12.5 },
        { name: 'Филиал № 1', score: 4 },
        { name: '<b>Филиал</b> № 2', score: 6 },
      ],
    },
  },
];

/** A host whose every operation is a jest mock that succeeds. */
export function stubHost(over: Partial<Host> = {}): jest.Mocked<Host> {
  const h: Host = {
    readWorkbook: async () => ({ workbook: { sheets: [] }, notes: [] }),
    applyFill: async (p) => ({
      ok: true,
      record: { before: [], after: [] },
      written: p.writes.map((w) => ({ sheet: w.sheet, address: w.address })),
    }),
    undoFill: async (r) => ({ ok: true, restored: r.before }),
    selectCells: async () => undefined,
    highlight: async () => ({ cells: [], skipped: [] }),
    clearHighlight: async () => undefined,
    writeReportSheet: async (rows) => ({ status: 'written', rows: rows.length - 1 }),
    addSheets: async (sheets) => ({ status: 'written', record: { sheets: sheets.map((x, i) => ({ id: `{${i}}`, name: x.name })) } }),
    removeSheets: async (r) => ({ removed: r.sheets.length }),
    decimalSeparator: async () => ',',
    loadSettings: () => ({}),
    saveSettings: async () => undefined,
    ...over,
  };
  const fns = h as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const k of Object.keys(fns)) fns[k] = jest.fn(fns[k]);
  return h as jest.Mocked<Host>;
}
