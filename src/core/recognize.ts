// Recognition: which definition, if any, a block of cells is, and the key of every data cell.
import type { Definition, Dim } from './definition';
import type { Area, Workbook } from './grid';
import { labelKey } from './labels';
import { findBlocks, layoutBlock, SheetView, trimBlock, type BlockLayout } from './layout';
import { bestMember, isPercentLabel, pathHas, pointsInPath, type MemberHit } from './match';
import { cellYear, parseYearText, yearInText } from './numbers';
import { keyString, type Key, type TableCell, type TableModel } from './table';

type Source = 'col' | 'row';

interface Paths {
  colRaw: Map<number, string[]>;
  colKeys: Map<number, string[]>;
  rowRaw: Map<number, string[]>;
  rowKeys: Map<number, string[]>;
  rowYear: Map<number, number>;
  colYear: Map<number, number>;
  corner: string[];
  percentRows: Set<number>;
  percentCols: Set<number>;
  /** Data cells that are really row labels (`%` written in the first data column). */
  labelCells: Set<number>;
}

function shownText(view: SheetView, r: number, c: number): string | undefined {
  const cell = view.shown(r, c);
  if (!cell) return undefined;
  const v = cell.value;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function buildPaths(view: SheetView, L: BlockLayout): Paths {
  const { area, dataTop } = L;
  const p: Paths = {
    colRaw: new Map(),
    colKeys: new Map(),
    rowRaw: new Map(),
    rowKeys: new Map(),
    rowYear: new Map(),
    colYear: new Map(),
    corner: [],
    percentRows: new Set(),
    percentCols: new Set(),
    labelCells: new Set(),
  };
  for (const c of L.dataCols) {
    const raw: string[] = [];
    let year: number | undefined;
    for (let r = area.top; r < dataTop; r++) {
      const t = shownText(view, r, c);
      if (t === undefined) continue;
      if (raw[raw.length - 1] !== t) raw.push(t);
      const y = cellYear(view.shown(r, c));
      if (y !== undefined) year = y;
    }
    p.colRaw.set(c, raw);
    const keys = raw.map(labelKey);
    p.colKeys.set(c, keys);
    if (year !== undefined) p.colYear.set(c, year);
    if (keys.length && isPercentLabel(keys[keys.length - 1])) p.percentCols.add(c);
  }
  const width = view.width;
  for (const r of L.dataRows) {
    const raw: string[] = [];
    for (const c of L.labelCols) {
      const t = view.text(r, c);
      if (t !== undefined && raw[raw.length - 1] !== t) raw.push(t);
    }
    for (const c of L.yearCols) {
      const y = cellYear(view.cell(r, c));
      if (y !== undefined) p.rowYear.set(r, y);
    }
    if (!raw.length) {
      // A `%` row may carry its label in the first data column.
      const c0 = L.dataCols.find((c) => view.occupied(r, c));
      const t = c0 === undefined ? undefined : view.text(r, c0);
      if (c0 !== undefined && t !== undefined && isPercentLabel(labelKey(t))) {
        raw.push(t);
        p.labelCells.add(r * width + c0);
      }
    }
    for (const t of raw) {
      const y = parseYearText(t);
      if (y !== undefined) p.rowYear.set(r, y);
    }
    const keys = raw.map(labelKey);
    p.rowRaw.set(r, raw);
    p.rowKeys.set(r, keys);
    if (keys.some(isPercentLabel)) p.percentRows.add(r);
  }
  for (let r = area.top; r < dataTop; r++)
    for (const c of [...L.labelCols, ...L.yearCols]) {
      const t = view.text(r, c);
      if (t !== undefined && !p.corner.includes(t)) p.corner.push(t);
    }
  return p;
}

/** How one dimension resolves along one source: line index → member id, plus the words used. */
interface Resolution {
  source: Source;
  ids: Map<number, string>;
  words: Map<string, string>;
  points: Map<string, number>;
  distinct: number;
}

function resolveMembers(dim: Extract<Dim, { type: 'members' }>, lines: number[], keys: Map<number, string[]>, raw: Map<number, string[]>, source: Source): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  for (const i of lines) {
    const path = keys.get(i) ?? [];
    const hit: MemberHit | undefined = path.length ? bestMember(path, dim.members) : undefined;
    if (!hit) continue;
    ids.set(i, hit.id);
    if (!words.has(hit.id)) words.set(hit.id, (raw.get(i) ?? [])[hit.depth] ?? hit.id);
  }
  return { source, ids, words, points: new Map(), distinct: new Set(ids.values()).size };
}

function membersOk(dim: Extract<Dim, { type: 'members' }>, res: Resolution): boolean {
  const found = new Set(res.ids.values());
  return found.size >= dim.minFound && dim.required.every((m) => found.has(m));
}

function resolveEntities(dim: Extract<Dim, { type: 'entities' }>, lines: number[], p: Paths): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  for (const r of lines) {
    const keys = p.rowKeys.get(r) ?? [];
    const raw = p.rowRaw.get(r) ?? [];
    if (!keys.length) continue;
    if (pathHas(keys, dim.totalLabels, 'prefix')) {
      ids.set(r, 'total');
      words.set('total', raw[0]);
      continue;
    }
    const id = `r${r}`;
    ids.set(r, id);
    words.set(id, raw.reduce((a, b) => (b.length > a.length ? b : a), ''));
  }
  return { source: 'row', ids, words, points: new Map(), distinct: ids.size };
}

function resolveScored(dim: Extract<Dim, { type: 'scored' }>, lines: number[], p: Paths): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  const points = new Map<string, number>();
  for (const c of lines) {
    const raw = p.colRaw.get(c) ?? [];
    const keys = p.colKeys.get(c) ?? [];
    if (keys.length && pathHas(keys.slice(-1), dim.sumLabels, 'prefix')) {
      ids.set(c, 'sum');
      words.set('sum', raw[raw.length - 1]);
      continue;
    }
    const pts = pointsInPath(raw);
    if (pts === undefined) continue;
    const id = `c${c}`;
    ids.set(c, id);
    points.set(id, pts);
    words.set(id, raw.filter((t) => !/^доля/i.test(t)).slice(-2).join(' ').replace(/\s+/g, ' '));
  }
  return { source: 'col', ids, words, points, distinct: ids.size };
}

interface Candidate {
  def: Definition;
  cells: TableCell[];
  words: Map<string, string>;
  points: Map<string, number>;
  found: Map<string, string[]>;
  year?: number;
  score: number;
}

function tryDefinition(view: SheetView, L: BlockLayout, p: Paths, def: Definition): Candidate | undefined {
  const structural = def.dims.filter((d) => d.type !== 'year');
  const yearDim = def.dims.find((d) => d.type === 'year');
  if (structural.length > 2 || structural.length === 0) return undefined;
  // Try each assignment of structural dimensions to sources.
  const assignments: Source[][] = structural.length === 1 ? [['col'], ['row']] : [['col', 'row'], ['row', 'col']];
  let best: Candidate | undefined;
  for (const asg of assignments) {
    const resolutions: Resolution[] = [];
    let ok = true;
    structural.forEach((dim, i) => {
      if (!ok) return;
      const src = asg[i];
      const lines = src === 'col' ? L.dataCols : L.dataRows;
      let res: Resolution;
      if (dim.type === 'members') {
        res = resolveMembers(dim, lines, src === 'col' ? p.colKeys : p.rowKeys, src === 'col' ? p.colRaw : p.rowRaw, src);
        if (dim.open && src === 'row') addOpenMembers(view, L, p, res);
        if (!membersOk(dim, res)) ok = false;
      } else if (dim.type === 'entities') {
        if (src !== 'row') return void (ok = false);
        res = resolveEntities(dim, lines, p);
        if (res.distinct < 2) ok = false;
      } else if (dim.type === 'scored') {
        if (src !== 'col') return void (ok = false);
        res = resolveScored(dim, lines, p);
        if (res.distinct - (res.words.has('sum') ? 1 : 0) < dim.minColumns) ok = false;
      } else return;
      resolutions.push(res!);
    });
    if (!ok) continue;
    // The year: per column, per row, or one for the whole table.
    const tableYear = p.corner.map(yearInText).find((y) => y !== undefined);
    let yearSource: Source | undefined;
    if (yearDim) {
      if (p.colYear.size) yearSource = 'col';
      else if (p.rowYear.size) yearSource = 'row';
      if (!yearSource && tableYear === undefined && !(yearDim.type === 'year' && yearDim.optional)) continue;
    }
    const cells: TableCell[] = [];
    const seen = new Set<string>();
    const width = view.width;
    for (const r of L.dataRows) {
      for (const c of L.dataCols) {
        if (view.coveredBy(r, c) || p.labelCells.has(r * width + c)) continue;
        const key: Key = {};
        let complete = true;
        structural.forEach((dim, i) => {
          const res = resolutions[i];
          const id = res.ids.get(res.source === 'col' ? c : r);
          if (id === undefined) complete = false;
          else key[dim.id] = id;
        });
        if (!complete) continue;
        if (yearDim) {
          const y = yearSource === 'col' ? p.colYear.get(c) : yearSource === 'row' ? p.rowYear.get(r) : tableYear;
          if (y !== undefined) key.year = String(y);
          else if (!(yearDim.type === 'year' && yearDim.optional)) continue;
        }
        if (p.percentCols.has(c) || p.percentRows.has(r)) key.measure = 'percent';
        const ks = keyString(def, key);
        if (seen.has(ks)) continue;
        seen.add(ks);
        const cell = view.cell(r, c);
        cells.push({ row: r, col: c, key, num: view.num(r, c), formula: cell?.formula, numberFormat: cell?.numberFormat });
      }
    }
    if (!cells.some((x) => x.num.kind !== 'empty')) continue;
    const words = new Map<string, string>();
    const points = new Map<string, number>();
    const found = new Map<string, string[]>();
    structural.forEach((dim, i) => {
      const res = resolutions[i];
      for (const [m, w] of res.words) words.set(`${dim.id}:${m}`, w);
      for (const [m, v] of res.points) points.set(m, v);
      found.set(dim.id, [...new Set(res.ids.values())]);
    });
    const score = cells.length + 5 * resolutions.reduce((s, r) => s + r.distinct, 0);
    const cand: Candidate = { def, cells, words, points, found, year: yearSource ? undefined : tableYear, score };
    if (!best || cand.score > best.score) best = cand;
  }
  return best;
}

/** Unknown labelled rows with numbers become extra members of an open dimension (other reasons). */
function addOpenMembers(view: SheetView, L: BlockLayout, p: Paths, res: Resolution): void {
  if (res.distinct === 0) return;
  for (const r of L.dataRows) {
    if (res.ids.has(r) || p.percentRows.has(r)) continue;
    const raw = p.rowRaw.get(r) ?? [];
    if (!raw.length) continue;
    const hasNum = L.dataCols.some((c) => {
      const k = view.num(r, c).kind;
      return k === 'number' || k === 'text-number' || k === 'dash';
    });
    if (!hasNum) continue;
    const id = `x${r}`;
    res.ids.set(r, id);
    res.words.set(id, raw[raw.length - 1]);
  }
  res.distinct = new Set(res.ids.values()).size;
}

function tableArea(L: BlockLayout, cells: TableCell[]): Area {
  let bottom = L.dataTop;
  let right = L.area.left;
  for (const c of cells) {
    if (c.row > bottom) bottom = c.row;
    if (c.col > right) right = c.col;
  }
  return { top: L.area.top, left: L.area.left, bottom, right };
}

/** Recognizes every table of every kind in the workbook, in sheet order then top to bottom. */
export function recognize(wb: Workbook, defs: readonly Definition[]): TableModel[] {
  const tables: TableModel[] = [];
  const counters = new Map<string, number>();
  for (const sheet of wb.sheets) {
    const view = new SheetView(sheet);
    for (const block of findBlocks(view)) {
      const area = trimBlock(view, block);
      if (area.bottom - area.top < 1 || area.right - area.left < 1) continue;
      const L = layoutBlock(view, area);
      if (!L || !L.dataCols.length) continue;
      const p = buildPaths(view, L);
      let best: Candidate | undefined;
      for (const def of defs) {
        const c = tryDefinition(view, L, p, def);
        if (c && (!best || c.score > best.score)) best = c;
      }
      if (!best) continue;
      const n = (counters.get(best.def.kind) ?? 0) + 1;
      counters.set(best.def.kind, n);
      const byKey = new Map<string, TableCell>();
      for (const cell of best.cells) byKey.set(keyString(best.def, cell.key), cell);
      tables.push({
        id: `${best.def.kind}#${n}`,
        def: best.def,
        sheet,
        area: tableArea(L, best.cells),
        year: best.year,
        cells: best.cells,
        byKey,
        words: best.words,
        points: best.points,
        found: best.found,
      });
    }
  }
  return tables;
}
