// merge's inputs read and analysed on several threads: the main thread adds the first contiguous
// share to the summary's builder, each worker thread adds the next share to a builder of its own on
// the same template, and the main thread absorbs their parts in input order (core/merge/combine.ts),
// so the summary is the one a single thread makes.
import * as os from 'os';
import * as path from 'path';
import { existsSync } from 'fs';
import { Worker } from 'worker_threads';
import type { FileReport, Lang, Workbook } from '../core';
import { partBuffers, type MergePart } from '../core/merge/combine';
import type { MergeBuilder } from '../core/merge/plan';
import { addFiles, addShare, type MergeWorkerInput, type MergeWorkerJob, type MergeWorkerOutput } from './merge-share';
import { jobBuffers, sourcesSheet, type SourcesJob } from './sources-sheet';
import type { Deflated } from './zip-write';

/**
 * One thread per core, two inputs a thread at least. Unlike `check` (parallel.ts), whose single
 * file already kept 1.5 of two vCPUs busy, merge's inputs keep one thread busy for seconds each:
 * two threads read 10 inputs of 50 000 cells in about half the time (docs/MERGE.md, "Speed").
 */
export function defaultMergeJobs(inputs: number): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return Math.max(1, Math.min(cores, Math.floor(inputs / 2)));
}

/** The files split into `n` contiguous shares, the first ones one file longer where they do not divide evenly. */
export function shares<T>(files: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let k = 0, at = 0; k < n; k++) {
    const len = Math.floor(files.length / n) + (k < files.length % n ? 1 : 0);
    out.push(files.slice(at, (at += len)));
  }
  return out;
}

const WORKER = path.join(__dirname, 'merge-worker.js');

type ShareResult = { part: MergePart; failed: Array<{ index: number; report: FileReport }> };

/** A worker thread: a share of the inputs, then «Источники» if asked (else it ends). */
class MergeWorker {
  /** What its share added; undefined when the worker fails (its share is then added on this thread). */
  readonly share: Promise<ShareResult | undefined>;
  private readonly worker: Worker;
  private sources?: (parts: Deflated[] | undefined) => void;

  constructor(files: string[], template: Workbook, lang: Lang, onRead: (file: string) => void) {
    this.worker = new Worker(WORKER, { workerData: { files, lang } satisfies MergeWorkerInput });
    this.worker.postMessage({ template });
    this.share = new Promise((resolve) => {
      this.worker.on('message', (m: MergeWorkerOutput) => {
        if (m.kind === 'read') onRead(files[m.index]);
        else if (m.kind === 'done') {
          // Waiting for a job of «Источники» keeps no process alive.
          this.worker.unref();
          resolve({ part: m.part, failed: m.failed });
        } else this.sources?.(m.parts.map((p) => ({ ...p, packed: p.packed.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)) })));
      });
      const gone = () => {
        resolve(undefined);
        this.sources?.(undefined);
      };
      this.worker.once('error', gone);
      this.worker.once('exit', gone);
    });
  }

  /** «Источники» written on the worker; undefined if it fails. */
  writeSources(job: SourcesJob): Promise<Deflated[] | undefined> {
    return new Promise((resolve) => {
      this.sources = resolve;
      this.worker.ref();
      this.worker.postMessage({ kind: 'sources', job } satisfies MergeWorkerJob, jobBuffers(job));
    });
  }

  end(): void {
    this.worker.postMessage({ kind: 'end' } satisfies MergeWorkerJob);
  }
}

/** A share on this thread, its part passed through a structured clone as it would cross threads. */
async function inProcess(files: string[], template: Workbook, lang: Lang, onRead: (file: string) => void): Promise<ShareResult> {
  const r = await addShare(files, template, lang, (i) => onRead(files[i]));
  return { ...r, part: structuredClone(r.part, { transfer: partBuffers(r.part) }) };
}

export interface InputsOnThreads {
  /** The template's grid, for the workers' own analyses of it. */
  template: Workbook;
  /** The summary's builder on the template, started once the workers are (they read meanwhile). */
  start: () => MergeBuilder;
  lang: Lang;
  /** Threads, the main one included (`defaultMergeJobs` when not given). */
  jobs?: number;
  /** Called as each input is read and added (or failed), in any order. */
  onRead: (file: string) => void;
}

/** What the inputs made: the builder, the unreadable inputs, and where «Источники» is written. */
export interface AddedInputs {
  builder: MergeBuilder;
  failed: FileReport[];
  /** «Источники», on a worker thread while this one writes the rest of the summary, or here. */
  writeSources: (job: SourcesJob) => Promise<Deflated[]>;
}

/**
 * Adds every file to the builder, in input order; returns the unreadable ones as report entries,
 * in input order. Workers run from the compiled code only (dist/cli): from the sources (ts-jest)
 * each further share is added on this thread through the same part and absorption.
 */
export async function addInputsOnThreads(files: string[], o: InputsOnThreads): Promise<AddedInputs> {
  const jobs = o.jobs !== undefined && Number.isInteger(o.jobs) && o.jobs > 0 ? o.jobs : defaultMergeJobs(files.length);
  const parts = shares(files, Math.max(1, Math.min(jobs, files.length)));
  // A worker starts later (loading the code, analysing the template) and hands its part back: with
  // even shares it ended 1–1.5 s after this thread, about two inputs' time of two busy threads.
  if (parts.length > 1 && parts[1].length >= 3) parts[0].push(parts[1].shift()!);
  const canFork = parts.length > 1 && __filename.endsWith('.js') && existsSync(WORKER);
  const workers = canFork ? parts.slice(1).map((share) => new MergeWorker(share, o.template, o.lang, o.onRead)) : [];
  const builder = o.start();
  const own = await addFiles(parts[0], builder, o.lang, async (i) => {
    o.onRead(parts[0][i]);
    // Let the workers' progress be reported between two of this thread's inputs.
    if (canFork) await new Promise((r) => setImmediate(r));
  });
  const failed = own.map((f) => f.report);
  let helper: MergeWorker | undefined;
  for (let k = 1; k < parts.length; k++) {
    const w = workers[k - 1];
    const shared = w ? await w.share : undefined;
    const r = shared ?? (await inProcess(parts[k], o.template, o.lang, o.onRead));
    // A part made on another reading of the template (it never should be): its share again, here.
    if (!builder.absorb(r.part)) r.failed = await addFiles(parts[k], builder, o.lang, () => undefined);
    failed.push(...r.failed.map((f) => f.report));
    if (shared && !helper) helper = w;
    else w?.end();
  }
  const writeSources = async (job: SourcesJob) => (helper && (await helper.writeSources(job))) || sourcesSheet(job);
  return { builder, failed, writeSources };
}
