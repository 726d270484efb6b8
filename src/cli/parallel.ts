// Checks many files on every core with worker threads; one file or one core runs in-process.
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { FileReport } from '../core';
import { checkFile, type CheckFileOptions } from './process-file';

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
  const results: FileReport[] = new Array(files.length);
  let done = 0;
  let next = 0;
  const workerFile = path.join(__dirname, 'worker.js');
  // The main thread checks files too: n jobs are the main thread and n − 1 workers, so a worker's
  // start-up (loading the code, warming it up) is paid n − 1 times, not n.
  const inProcess = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      results[i] = await checkFile(files[i], opts);
      onDone(++done, files[i]);
      // Let the workers' finished files be collected between two of ours.
      await new Promise((r) => setImmediate(r));
    }
  };
  const inWorker = async (): Promise<void> => {
    const worker = new Worker(workerFile, { workerData: opts });
    try {
      while (next < files.length) {
        const i = next++;
        results[i] = await new Promise<FileReport>((resolve, reject) => {
          const onMsg = (r: FileReport) => {
            worker.off('error', reject);
            resolve(r);
          };
          worker.once('message', onMsg);
          worker.once('error', reject);
          worker.postMessage(files[i]);
        }).catch(() => checkFile(files[i], opts));
        onDone(++done, files[i]);
      }
    } finally {
      await worker.terminate();
    }
  };
  const canFork = n > 1 && __filename.endsWith('.js');
  await Promise.all([inProcess(), ...(canFork ? Array.from({ length: n - 1 }, inWorker) : [])]);
  return results;
}
