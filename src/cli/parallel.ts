// Checks many files on every core with worker threads; one file or one core runs in-process.
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { Engine, type FileReport } from '../core';
import { checkFile, type CheckFileOptions } from './process-file';
import type { WorkerInput, WorkerOutput } from './worker';

/**
 * Every core from four cores up; in-process below. On this project's 2-vCPU machine a single
 * check already keeps about 1.5 cores busy (V8 compiles optimized code and collects garbage on
 * background threads: 150–160 % CPU), and each worker compiles the same code again, so two jobs
 * ran no faster than one (docs/PERFORMANCE.md, "Batch"). `--jobs N` overrides.
 */
export function defaultJobs(): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return cores >= 4 ? cores : 1;
}

export async function checkFilesParallel(files: string[], opts: CheckFileOptions, jobs: number | undefined, onDone: (done: number, file: string) => void): Promise<FileReport[]> {
  const n = Math.max(1, Math.min(jobs ?? defaultJobs(), files.length));
  const results: (FileReport | undefined)[] = new Array(files.length);
  // One engine for the batch's files checked on this thread (each worker has its own).
  const engine = new Engine();
  let done = 0;
  const finish = (i: number, r: FileReport) => {
    if (results[i]) return;
    results[i] = r;
    onDone(++done, files[i]);
  };
  // The next file to take, shared with the workers: each side claims files itself, so no worker
  // waits for the main thread to hand it one while the main thread is busy with its own.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const claim = () => Atomics.add(next, 0, 1);
  // The main thread checks files too: n jobs are the main thread and n − 1 workers, so a worker's
  // start-up (loading the code, warming it up) is paid n − 1 times, not n.
  const canFork = n > 1 && __filename.endsWith('.js');
  const inProcess = async (): Promise<void> => {
    for (let i = claim(); i < files.length; i = claim()) {
      finish(i, await checkFile(files[i], opts, engine));
      // Let the workers' finished files be reported between two of ours.
      if (canFork) await new Promise((r) => setImmediate(r));
    }
  };
  const inWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const input: WorkerInput = { opts, files, next };
      const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: input });
      worker.on('message', (m: WorkerOutput) => finish(m.index, m.report));
      // A worker that fails ends here; the files it claimed and did not report are checked below.
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    });
  await Promise.all([inProcess(), ...(canFork ? Array.from({ length: n - 1 }, inWorker) : [])]);
  for (let i = 0; i < files.length; i++) if (!results[i]) finish(i, await checkFile(files[i], opts, engine));
  return results as FileReport[];
}
