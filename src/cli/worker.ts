// A worker thread: claims files from the shared counter and checks them until none is left.
import { parentPort, workerData } from 'worker_threads';
import { Engine, type FileReport } from '../core';
import { checkFile, type CheckFileOptions } from './process-file';

export interface WorkerInput {
  opts: CheckFileOptions;
  files: string[];
  /** Index of the next file to take, shared by the main thread and every worker. */
  next: Int32Array;
}

export interface WorkerOutput {
  index: number;
  report: FileReport;
}

async function run({ opts, files, next }: WorkerInput): Promise<void> {
  // The worker's files share one engine, as the main thread's do (parallel.ts).
  const engine = new Engine();
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
    // checkFile turns every failure into the file's entry; a worker that dies anyway leaves its
    // unreported files to the main thread (parallel.ts).
    parentPort?.postMessage({ index: i, report: await checkFile(files[i], opts, engine) } satisfies WorkerOutput);
  }
}

// The thread ends when its files are done: nothing else keeps it alive.
if (parentPort) void run(workerData as WorkerInput);
