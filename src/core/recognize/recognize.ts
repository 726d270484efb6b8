// Recognition: which definition, if any, a block of cells is, and the key of every data cell.
import type { Definition } from '../tables/definition';
import type { Area, Workbook } from '../grid/grid';
import { findBlocks, layoutBlock, type BlockLayout } from '../layout/blocks';
import type { SheetView } from '../grid/sheet-view';
import { tableAreas, templateChain } from '../layout/table-areas';
import { templateLayout, withPercentColumnsAsData } from '../layout/template-layout';
import { recognizeBlock, type Placed } from './cache/block-cache';
import type { Engine } from '../engine';
import { GENERIC_TABLE, placeGeneric, type GenericPlaced } from '../generic/model';
import { presetInstances } from '../relations/relations';
import { KeyIndex, type TableModel } from '../tables/table';
import { materialize, walkCells, type Built, type Walk } from './cells';
import { candidates, inContext, plainName, type Run } from './candidates';
import { type Resolution, addOpenMembers, membersOk, requiredFound, resolveEntities, resolveMembers, resolveScored } from './members';
import { buildPaths, type Paths, type Source } from './paths';

/** A kind a block may be, with its score; its cells are built only if it wins. */
interface Candidate {
  def: Definition;
  year?: number;
  score: number;
  build(): Built;
}

function tryDefinition(run: Run, view: SheetView, L: BlockLayout, p: Paths, def: Definition): Candidate | undefined {
  if (!inContext(p, def)) return undefined;
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
      const lines = src === 'col' ? p.colLines : L.dataRows;
      let res: Resolution;
      if (dim.type === 'members') {
        // A required member no line can name rules the kind out before every line is matched
        // (a catalogue of 100 000 rows is no table of any kind whose words its titles share).
        if (!requiredFound(dim, lines, src === 'col' ? p.colKeys : p.rowKeys)) return void (ok = false);
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
    // The year: per column, per row, or one for the whole table (its corner cell or a line above it).
    const tableYear = p.cornerYear ?? p.yearAbove;
    let yearSource: Source | undefined;
    if (yearDim) {
      if (p.colYear.size) yearSource = 'col';
      else if (p.rowYear.size) yearSource = 'row';
      if (!yearSource && tableYear === undefined && !(yearDim.type === 'year' && yearDim.optional)) continue;
    }
    const year = yearSource ? undefined : tableYear;
    const walk: Walk = { view, L, p, def, structural, resolutions, yearDim, yearSource, tableYear };
    // Count first (numbers, no key strings); only the winning candidate builds its cells.
    const counted = walkCells(walk);
    // A kind whose values all come from other tables (5.4, 4.5) is a table to fill in when they are all empty.
    const empty = !counted.nonEmpty && !def.derived.length;
    if (empty) run.engine.trace.emptyRejections++;
    if (empty || (def.deltaColumn && !counted.delta)) continue;
    const score = counted.count + 5 * resolutions.reduce((sum, r) => sum + r.distinct, 0);
    if (best && score <= best.score) continue;
    best = { def, score, year, build: () => materialize(walk) };
  }
  return best;
}

interface Found {
  cand: Candidate;
  L: BlockLayout;
}

/** The best-scoring candidate of an area, over the ways it can be laid out. */
function bestOfArea(run: Run, view: SheetView, area: Area): Found | undefined {
  if (area.bottom - area.top < 1 || area.right - area.left < 1) return undefined;
  // A table to be filled in has no numbers to be laid out by: its shape lays it out.
  const L = layoutBlock(view, area) ?? templateLayout(view, area);
  if (!L) return undefined;
  let found = bestOfLayout(run, view, L);
  // One data row and a text-only column: that text may be a bad cell rather than a row label.
  if (L.labelCols.length && L.dataRows.length === 1) {
    const L2 = layoutBlock(view, area, true);
    const alt = L2 && bestOfLayout(run, view, L2);
    if (alt && (!found || alt.cand.score > found.cand.score)) found = alt;
  }
  // A column of `%` labels only may be an empty total column carrying the `%` row's label.
  if (!found) {
    const L3 = withPercentColumnsAsData(view, L);
    if (L3) found = bestOfLayout(run, view, L3);
  }
  return found;
}

/**
 * The tables of a block when every kind is tried on it. Where these are those of `recognizeArea`,
 * the kinds the block's words name do not decide its tables: another block differing only in names
 * whose words name other kinds recognizes alike.
 */
export function recognizeTryingEveryKind(run: Run, view: SheetView, area: Area): Placed[] {
  return recognizeArea({ ...run, everyKind: true }, view, area);
}

/** The best-scoring candidate kind of a block laid out as `L`. */
function bestOfLayout(run: Run, view: SheetView, L: BlockLayout): Found | undefined {
  if (!L.dataCols.length) return undefined;
  const p = buildPaths(view, L);
  let best: Candidate | undefined;
  for (const def of candidates(p, run)) {
    const c = tryDefinition(run, view, L, p, def);
    if (c && (!best || c.score > best.score)) best = c;
  }
  return best ? { cand: best, L } : undefined;
}

/**
 * The tables of one block: the block as a whole, or, when its later header rows start tables of
 * their own (two tables stacked without a gap), each section on its own.
 */
function foundInBlock(run: Run, view: SheetView, area: Area): Found[] {
  const whole = bestOfArea(run, view, area);
  const L = whole?.L ?? layoutBlock(view, area);
  if (!L || L.sections.length < 2) return whole ? [whole] : [];
  const parts: Area[] = L.sections.map((sec, i) => {
    const top = i === 0 ? area.top : sec.headerRows[0];
    const rows = sec.rows.length ? sec.rows : sec.headerRows;
    return { ...area, top, bottom: rows[rows.length - 1] };
  });
  const found = parts.map((a) => bestOfArea(run, view, a)).filter((f): f is Found => !!f);
  const split = found.reduce((s, f) => s + f.cand.score, 0);
  if (found.length >= 2 && split > (whole?.cand.score ?? 0)) return found;
  return whole ? [whole] : found;
}

/** The tables recognized in a block, placed (before they get their ids). */
function recognizeArea(run: Run, view: SheetView, area: Area): Placed[] {
  return foundInBlock(run, view, area).map(({ cand, L }) => {
    const b = cand.build();
    return { def: cand.def, area: L.area, year: cand.year, cells: b.cells, words: b.words, sources: b.sources, points: b.points, found: b.found, nesting: b.nesting, like: undefined };
  });
}

/** Recognizes every table of every kind in the workbook, in sheet order then top to bottom. */
/** A table of no known kind as recognition places it. */
function placeAll(g: GenericPlaced | undefined): Placed[] {
  if (!g) return [];
  return [{ def: GENERIC_TABLE, area: g.area, cells: g.cells, words: g.words, points: new Map(), found: new Map(), nesting: new Map(), generic: g }];
}

export function recognize(wb: Workbook, defs: readonly Definition[], engine: Engine): TableModel[] {
  const run: Run = { defs, engine, everyKind: false };
  const tables: TableModel[] = [];
  const counters = new Map<string, number>();
  const plain = (text: string) => plainName(defs, text);
  const generic: Placed[] = [];
  for (const sheet of wb.sheets) {
    const view = engine.view(sheet);
    const found: Placed[] = [];
    const inArea = (area: Area) => recognizeBlock(engine, view, area, defs, () => recognizeArea(run, view, area), { plain, everyKind: () => recognizeTryingEveryKind(run, view, area) });
    const blocks = findBlocks(view);
    const taken = new Set<number>();
    blocks.forEach((block, i) => {
      if (taken.has(i)) return;
      const before = found.length;
      const areas = tableAreas(view, block, defs);
      for (const area of areas) found.push(...inArea(area));
      // No table, no number: a template whose value rows are blank lines, read with them.
      const chain = found.length === before && areas.length ? templateChain(view, blocks, i, areas[areas.length - 1]) : undefined;
      const tables = chain ? inArea(chain.area) : [];
      if (tables.length) for (const j of chain!.taken) taken.add(j);
      found.push(...tables);
      // No known kind: the table is read from its own labels and numbers.
      if (found.length === before) for (const area of areas) generic.push(...placeAll(placeGeneric(view, area, engine)));
    });
    found.push(...generic);
    generic.length = 0;
    found.sort((a, b) => a.area.top - b.area.top || a.area.left - b.area.left);
    for (const t of found) {
      const n = (counters.get(t.def.kind) ?? 0) + 1;
      counters.set(t.def.kind, n);
      // One literal, one field order: every table has the same shape (see numbers.ts).
      tables.push({
        id: `${t.def.kind}#${n}`,
        def: t.def,
        sheet,
        area: t.area,
        year: t.year,
        cells: t.cells,
        byKey: new KeyIndex(t.def, t.cells, t.like),
        words: t.words,
        points: t.points,
        found: t.found,
        nesting: t.nesting,
        like: t.like,
        title: t.generic?.title,
      });
      if (t.generic) presetInstances(tables[tables.length - 1], t.generic.relations(tables[tables.length - 1]));
    }
  }
  engine.layouts?.settleNamedLayouts(defs);
  return tables;
}
