// Writes a fill plan after checking protection and staleness; undoes it exactly.
import type { FillPlan, FillWrite } from '../core';
import type { Supports, XlContext, XlRange, XlWorksheet } from './xl-types';
import { STATE_PROPS, queueRestore, sameState, stateOf } from './cell-state';
import type { CellRef, CellState } from './cell-state';
import { errorCode, toHostError } from './errors';
import { inChunks, requestCost } from './batch';
import type { HostError } from './errors';

/** What a fill wrote and what it replaced: enough to undo it exactly. */
export interface UndoRecord {
  before: CellState[];
  after: CellState[];
}

export interface StaleCell extends CellRef {
  expected: FillWrite['before'];
  found: { value: unknown; formula?: string };
}

export type ApplyResult =
  | { ok: true; record: UndoRecord; written: CellRef[] }
  | { ok: false; reason: 'nothing-to-write' }
  | { ok: false; reason: 'protected'; sheets: string[]; written: [] }
  | { ok: false; reason: 'stale'; cells: StaleCell[]; written: [] }
  /** `written`: cells left changed (none when the rollback worked); `uncertain`: could not tell. */
  | { ok: false; reason: 'write-failed'; error: HostError; written: CellRef[]; uncertain: boolean };

export interface FillOptions {
  supports?: Supports;
}

interface Target {
  ref: CellRef;
  range: XlRange;
}

function sheetsOf(ctx: XlContext, names: string[]): Map<string, XlWorksheet> {
  const m = new Map<string, XlWorksheet>();
  for (const n of names) m.set(n, ctx.workbook.worksheets.getItem(n));
  return m;
}

function targets(ctx: XlContext, refs: CellRef[]): { sheets: Map<string, XlWorksheet>; cells: Target[] } {
  const sheets = sheetsOf(ctx, [...new Set(refs.map((r) => r.sheet))]);
  const cells = refs.map((ref) => ({ ref, range: sheets.get(ref.sheet)!.getRange(ref.address) }));
  return { sheets, cells };
}

/** One target cell in a request: its range path and a load or up to three sets, with values. */
const cellCost = (c: CellRef & { formula?: string; value?: unknown }) => requestCost(1, 3, [c.address, c.formula ?? c.value ?? null, STATE_PROPS]);

/**
 * Loads protection and current contents of the targets: one sync, or more when the 5 MB request
 * limit of Excel on the web needs them (tens of thousands of cells).
 */
async function inspect(ctx: XlContext, refs: CellRef[]) {
  let protectedSheets: string[] | undefined;
  const states = await inChunks(ctx, refs, cellCost, (chunk) => {
    const t = targets(ctx, chunk);
    const prot = protectedSheets ? undefined : [...t.sheets];
    for (const [, ws] of prot ?? []) ws.protection.load('protected');
    for (const c of t.cells) c.range.load(STATE_PROPS);
    return () => {
      if (prot) protectedSheets = prot.filter(([, ws]) => ws.protection.protected).map(([n]) => n);
      return t.cells.map((c) => stateOf(c.ref, c.range));
    };
  });
  return { protectedSheets: protectedSheets ?? [], states };
}

/** Queues restoring `states` in syncs sized to the request limit. */
function restoreAll(ctx: XlContext, states: CellState[]): Promise<unknown> {
  return inChunks(ctx, states, cellCost, (chunk) => {
    const t = targets(ctx, chunk);
    t.cells.forEach((c, i) => queueRestore(c.range, chunk[i]));
    return () => [];
  });
}

function isStale(w: FillWrite, s: CellState): boolean {
  const before = w.before;
  if (before.formula) return normalizeFormula(before.formula) !== normalizeFormula(s.formula ?? '');
  if (s.formula) return true;
  const now = s.value === '' ? null : s.value;
  return now !== (before.value === '' ? null : before.value);
}

function normalizeFormula(f: string): string {
  return (f.startsWith('=') ? f : `=${f}`).replace(/\$/g, '').toUpperCase();
}

function stateAfter(w: FillWrite, before: CellState): CellState {
  const fmt = w.numberFormat && before.numberFormat === 'General' ? w.numberFormat : before.numberFormat;
  return { sheet: w.sheet, address: w.address, value: w.value, formula: w.formula, numberFormat: fmt };
}

/**
 * Writes the plan, or nothing: refuses when a target sheet is protected or a target no longer
 * holds what the plan was computed from. One write sync, or as many as the 5 MB request limit
 * needs for a very large plan. On a failed write, puts back what it can and reports exactly which
 * cells were left changed.
 */
export async function applyFill(ctx: XlContext, plan: FillPlan, opts: FillOptions = {}): Promise<ApplyResult> {
  const supports = opts.supports ?? (() => true);
  const writes = plan.writes;
  if (writes.length === 0) return { ok: false, reason: 'nothing-to-write' };
  let seen;
  try {
    seen = await inspect(ctx, writes);
  } catch (e) {
    // A target sheet was renamed or deleted since the check.
    if (errorCode(e) === 'ItemNotFound') return { ok: false, reason: 'stale', cells: [], written: [] };
    throw e;
  }
  if (seen.protectedSheets.length) {
    return { ok: false, reason: 'protected', sheets: seen.protectedSheets, written: [] };
  }
  const stale: StaleCell[] = [];
  writes.forEach((w, i) => {
    const s = seen.states[i];
    if (isStale(w, s)) stale.push({ sheet: w.sheet, address: w.address, expected: w.before, found: { value: s.value, formula: s.formula } });
  });
  if (stale.length) return { ok: false, reason: 'stale', cells: stale, written: [] };

  const record: UndoRecord = { before: seen.states, after: writes.map((w, i) => stateAfter(w, seen.states[i])) };
  const indexed = writes.map((w, i) => ({ ...w, state: seen.states[i] }));
  try {
    await inChunks(ctx, indexed, cellCost, (chunk) => {
      if (supports(6)) ctx.application.suspendApiCalculationUntilNextSync();
      const t = targets(ctx, chunk);
      chunk.forEach((w, i) => {
        const r = t.cells[i].range;
        if (w.numberFormat && w.state.numberFormat === 'General') r.numberFormat = [[w.numberFormat]];
        if (w.formula) r.formulas = [[w.formula]];
        else r.values = [[w.value]];
      });
      return () => [];
    });
  } catch (e) {
    return { ok: false, reason: 'write-failed', error: toHostError(e), ...(await rollBack(ctx, record.before)) };
  }
  return { ok: true, record, written: writes.map((w) => ({ sheet: w.sheet, address: w.address })) };
}

/**
 * After a failed batch (Office.js may have run part of it, and earlier batches of a large plan
 * ran whole): restore every target, then read back what differs.
 */
async function rollBack(ctx: XlContext, before: CellState[]): Promise<{ written: CellRef[]; uncertain: boolean }> {
  try {
    await restoreAll(ctx, before);
  } catch {
    // The check below says what is left.
  }
  try {
    const now = await inChunks(ctx, before, cellCost, (chunk) => {
      const t = targets(ctx, chunk);
      for (const c of t.cells) c.range.load(STATE_PROPS);
      return () => t.cells.map((c, i) => stateOf(chunk[i], c.range));
    });
    const written = before.filter((s, i) => !sameState(s, now[i]));
    return { written: written.map(({ sheet, address }) => ({ sheet, address })), uncertain: false };
  } catch {
    return { written: before.map(({ sheet, address }) => ({ sheet, address })), uncertain: true };
  }
}

export type UndoResult =
  | { ok: true; restored: CellRef[] }
  | { ok: false; reason: 'protected'; sheets: string[] }
  /** Cells edited since the fill: undoing would lose the user's edits unless forced. */
  | { ok: false; reason: 'changed'; cells: CellRef[] }
  | { ok: false; reason: 'write-failed'; error: HostError };

/**
 * Restores every filled cell's value, formula and number format (one write sync, more for very
 * large fills). Refuses (unless `force`) when a filled cell was edited after the fill.
 */
export async function undoFill(ctx: XlContext, record: UndoRecord, opts: { force?: boolean } = {}): Promise<UndoResult> {
  const seen = await inspect(ctx, record.before);
  if (seen.protectedSheets.length) return { ok: false, reason: 'protected', sheets: seen.protectedSheets };
  const changed = record.after.filter((a, i) => !sameFill(a, seen.states[i]));
  if (changed.length && !opts.force) {
    return { ok: false, reason: 'changed', cells: changed.map(({ sheet, address }) => ({ sheet, address })) };
  }
  try {
    await restoreAll(ctx, record.before);
  } catch (e) {
    return { ok: false, reason: 'write-failed', error: toHostError(e) };
  }
  return { ok: true, restored: record.before.map(({ sheet, address }) => ({ sheet, address })) };
}

function sameFill(after: CellState, now: CellState): boolean {
  if (after.formula) return normalizeFormula(after.formula) === normalizeFormula(now.formula ?? '');
  return !now.formula && now.value === after.value;
}
