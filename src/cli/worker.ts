// A worker thread that checks the files its parent sends, one at a time.
import { parentPort, workerData } from 'worker_threads';
import { CLI_TEXT } from './cli-messages';
import { checkFile, type CheckFileOptions } from './process-file';

const opts = workerData as CheckFileOptions;
parentPort?.on('message', (file: string) => {
  checkFile(file, opts).then(
    (r) => parentPort?.postMessage(r),
    () => parentPort?.postMessage({ file, error: CLI_TEXT[opts.lang].failure.internal, tables: [], issues: [] }),
  );
});
