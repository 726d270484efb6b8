// Model Standard scores per library for the chart, from the engine's summary.
import type { SummaryData } from '../core';

export interface ScoreRow {
  name: string;
  score: number;
}

export interface ScoreData {
  table: string;
  rows: ScoreRow[];
  max: number;
  threshold: number;
}

/** The first model-standard-grid summary with per-library rows, if any. */
export function scoresFrom(summaries: SummaryData[], threshold: number): ScoreData | undefined {
  for (const s of summaries) {
    if (s.kind !== 'model-standard-grid') continue;
    const d = s.data as { rows?: unknown; max?: unknown };
    if (!Array.isArray(d.rows)) continue;
    const rows = d.rows
      .map((r: { name?: unknown; score?: unknown }) => ({ name: String(r?.name ?? ''), score: Number(r?.score) }))
      .filter((r) => Number.isFinite(r.score));
    if (!rows.length) continue;
    const max = typeof d.max === 'number' ? d.max : Math.max(...rows.map((r) => r.score));
    return { table: s.table, rows, max, threshold };
  }
  return undefined;
}
