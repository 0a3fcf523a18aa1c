/** A worker of the analyze pool: the same per-file analysis as the main thread, on files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { readInputFile } from '../input/read.js';
import { analyzeInput, createAnalyzeContext, type AnalyzeOptions } from './analyze-command.js';
import { GC_EVERY_BYTES, MemoryKeeper } from './memory.js';

const ctx = createAnalyzeContext(workerData as AnalyzeOptions);
const memory = new MemoryKeeper(GC_EVERY_BYTES);
parentPort?.on('message', ({ index, task }: { index: number; task: { path: string; explicit: boolean } }) => {
  void analyzeInput(ctx, { path: task.path, explicit: task.explicit, read: (max?: number) => readInputFile(task.path, max) }).then((outcome) => {
    // The rule set stays here (the main thread has its own); the rest is plain data.
    const { ruleSet: _ruleSet, ...plain } = outcome;
    parentPort?.postMessage({ index, result: plain });
    memory.processed(outcome.prepared?.json.length ?? 0);
  });
});
