// A contiguous share of merge's inputs, read, analysed and added to a summary of its own on the
// template: what a worker thread runs (merge-worker.ts), and the main thread too when it cannot
// start one (the sources run by ts-jest, or a worker that failed).
import { analyze, type FileReport, type Lang, type Workbook } from '../core';
import type { MergePart } from '../core/merge/combine';
import { startMerge, type MergeBuilder } from '../core/merge/plan';
import { failureText } from './process-file';
import { readWorkbookFile } from './read-xlsx';
import type { SourcesJob } from './sources-sheet';
import type { Deflated } from './zip-write';

export interface MergeWorkerInput {
  files: string[];
  lang: Lang;
}

export type MergeWorkerOutput =
  /** The share's input `index` is read and added (or failed). */
  | { kind: 'read'; index: number }
  /** What the share added, and its unreadable inputs by their index in the share. */
  | { kind: 'done'; part: MergePart; failed: Array<{ index: number; report: FileReport }> }
  /** «Источники» written (its deflated bytes arrive as Uint8Arrays). */
  | { kind: 'sources'; parts: Deflated[] };

/** After its share, a worker writes «Источники», or ends. */
export type MergeWorkerJob = { kind: 'sources'; job: SourcesJob } | { kind: 'end' };

/**
 * Adds the files to the builder one by one (one input in memory at a time: 60 workbooks of
 * 50 000 cells are not held together); an unreadable one becomes a report entry with the reason.
 * The builder may still be coming (a worker's template): the first input is read meanwhile.
 */
export async function addFiles(files: string[], builder: MergeBuilder | Promise<MergeBuilder>, lang: Lang, onRead: (index: number) => void | Promise<void>): Promise<Array<{ index: number; report: FileReport }>> {
  const failed: Array<{ index: number; report: FileReport }> = [];
  for (let i = 0; i < files.length; i++) {
    try {
      const analysis = analyze(await readWorkbookFile(files[i]));
      (await builder).add({ file: files[i], analysis });
    } catch (e) {
      failed.push({ index: i, report: { file: files[i], error: failureText(e, lang), tables: [], issues: [] } });
    }
    await onRead(i);
  }
  return failed;
}

/** A share on a builder of its own, made when the template's grid comes; returns what it added. */
export async function addShare(files: string[], template: Promise<Workbook> | Workbook, lang: Lang, onRead: (index: number) => void): Promise<{ part: MergePart; failed: Array<{ index: number; report: FileReport }> }> {
  const builder = Promise.resolve(template).then((wb) => startMerge(analyze(wb)));
  const failed = await addFiles(files, builder, lang, onRead);
  return { part: (await builder).part(), failed };
}
