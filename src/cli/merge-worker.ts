// A merge worker thread: reads and analyses its share of the inputs and adds them to a summary of
// its own on the template, then hands back what it added (merge-threads.ts absorbs it in order).
import { parentPort, workerData } from 'worker_threads';
import type { Lang, Workbook } from '../core';
import { partBuffers } from '../core/merge/combine';
import { addShare, type MergeWorkerInput, type MergeWorkerOutput } from './merge-share';

async function run({ files, lang }: MergeWorkerInput): Promise<void> {
  // The template's grid comes from the main thread once it has read it; the first input is read meanwhile.
  const template = new Promise<Workbook>((resolve) => parentPort!.once('message', (m: { template: Workbook }) => resolve(m.template)));
  const { part, failed } = await addShare(files, template, lang as Lang, (index) => parentPort!.postMessage({ kind: 'read', index } satisfies MergeWorkerOutput));
  parentPort!.postMessage({ kind: 'done', part, failed } satisfies MergeWorkerOutput, partBuffers(part));
}

// The thread ends when its share is handed back: nothing else keeps it alive.
if (parentPort) void run(workerData as MergeWorkerInput);
