// A worker thread that checks the files its parent sends, one at a time.
import { parentPort, workerData } from 'worker_threads';
import { checkFile, type CheckFileOptions } from './process-file';

const opts = workerData as CheckFileOptions;
parentPort?.on('message', (file: string) => {
  checkFile(file, opts).then(
    (r) => parentPort?.postMessage(r),
    (e: Error) => parentPort?.postMessage({ file, error: e.message, tables: [], issues: [] }),
  );
});
