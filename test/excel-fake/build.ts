// Builds the double's model from plain arrays (tests) or from its JSON form (browser build).
import { FakeModel, cellOrNew } from './model';
import type { FakeBehaviour, FakeCell, FakeSheet } from './model';
import type { Area } from '../../src/core/grid/grid';
import { parseAddress } from '../../src/core/grid/grid';
import { evaluateFormula } from './formula';

/** A cell in a test grid: a plain value, or a record with a formula, format or fill. */
export type GridCell =
  | number
  | string
  | boolean
  | null
  | undefined
  | (Partial<FakeCell> & { f?: string });

export interface SheetSpec {
  name: string;
  /** Top-left of `rows` in A1 (default A1). */
  at?: string;
  rows: GridCell[][];
  merges?: string[];
  protected?: boolean;
  visibility?: FakeSheet['visibility'];
  /** Areas with formatting only (borders, fonts), in A1: they stretch the used range. */
  formatOnly?: string[];
}

/** A model from sheet specs; formulas without a given value get one computed. */
export function modelFromSpecs(specs: SheetSpec[]): FakeModel {
  const m = new FakeModel();
  for (const spec of specs) {
    const s = m.addSheet(spec.name);
    const o = parseAddress(spec.at ?? 'A1');
    spec.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === undefined || v === null) return;
        const c = cellOrNew(s, o.row + i, o.col + j);
        if (typeof v === 'object') {
          const { f, ...rest } = v;
          Object.assign(c, rest);
          if (f) c.formula = f.startsWith('=') ? f : `=${f}`;
          if (c.value === undefined) c.value = null;
        } else c.value = v;
      }),
    );
    for (const mg of spec.merges ?? []) s.merges.push(areaOf(mg));
    for (const f of spec.formatOnly ?? []) s.formatOnly.push(areaOf(f));
    s.protected = !!spec.protected;
    s.visibility = spec.visibility ?? 'Visible';
    recompute(s);
  }
  return m;
}

function recompute(s: FakeSheet): void {
  for (const c of s.cells.values()) {
    if (c.formula && c.value === null && !c.error) {
      c.value = evaluateFormula(c.formula, (r, col) => s.cells.get(`${r},${col}`)?.value ?? null);
    }
  }
}

export function areaOf(a1: string): Area {
  const [a, b] = a1.replace(/\$/g, '').split(':');
  const p = parseAddress(a);
  const q = parseAddress(b ?? a);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** The model as JSON, for shipping a workbook to the browser build. */
export interface ModelJson {
  sheets: Array<{
    name: string;
    protected: boolean;
    visibility?: FakeSheet['visibility'];
    merges: Area[];
    formatOnly?: Area[];
    cells: Array<[number, number, FakeCell]>;
  }>;
  behaviour?: Partial<FakeBehaviour>;
}

export function modelToJson(m: FakeModel): ModelJson {
  return {
    sheets: m.sheets.map((s) => ({
      name: s.name,
      protected: s.protected,
      visibility: s.visibility,
      merges: s.merges,
      formatOnly: s.formatOnly,
      cells: [...s.cells].map(([k, c]) => {
        const [r, col] = k.split(',').map(Number);
        return [r, col, c] as [number, number, FakeCell];
      }),
    })),
    behaviour: m.behaviour,
  };
}

export function modelFromJson(j: ModelJson): FakeModel {
  const m = new FakeModel();
  for (const sj of j.sheets) {
    const s = m.addSheet(sj.name);
    s.protected = sj.protected;
    s.visibility = sj.visibility ?? 'Visible';
    s.merges = sj.merges;
    s.formatOnly = sj.formatOnly ?? [];
    for (const [r, col, c] of sj.cells) s.cells.set(`${r},${col}`, { ...c });
  }
  // JSON has no Infinity: a missing payload limit is the desktop's none.
  Object.assign(m.behaviour, j.behaviour ?? {});
  if (j.behaviour && j.behaviour.payloadLimit == null) m.behaviour.payloadLimit = Infinity;
  return m;
}
