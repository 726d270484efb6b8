// A merge worker thread: reads and analyses its share of the inputs and adds them to a summary of
// its own on the template, then hands back what it added (merge-threads.ts absorbs it in order).
// It may then be asked to write «Источники» while the main thread writes the summary's own sheets.
import { parentPort, workerData } from 'worker_threads';
import type { Lang, Workbook } from '../core';
import { partBuffers } from '../core/merge/combine';
import { addShare, type MergeWorkerInput, type MergeWorkerOutput, type MergeWorkerJob } from './merge-share';
import { sourcesSheet } from './sources-sheet';

async function run({ files, lang }: MergeWorkerInput): Promise<void> {
  const port = parentPort!;
  // The template's grid comes from the main thread once it has read it; the first input is read meanwhile.
  const template = new Promise<Workbook>((resolve) => port.once('message', (m: { template: Workbook }) => resolve(m.template)));
  const { part, failed } = await addShare(files, template, lang as Lang, (index) => port.postMessage({ kind: 'read', index } satisfies MergeWorkerOutput));
  port.postMessage({ kind: 'done', part, failed } satisfies MergeWorkerOutput, partBuffers(part));
  // One job more, or none: the port closed, the thread ends.
  port.once('message', (m: MergeWorkerJob) => {
    if (m.kind === 'sources') {
      // Copied, not moved: zlib's small outputs may share a buffer with other Buffers of the thread.
      port.postMessage({ kind: 'sources', parts: sourcesSheet(m.job) } satisfies MergeWorkerOutput);
    }
    port.close();
  });
}

if (parentPort) void run(workerData as MergeWorkerInput);
