/**
 * A small worker-thread pool: each worker loads the analyzer once, then takes files one at a time.
 * Used only when a run is big enough to repay the start-up of the workers (about 0.15 s each).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export type Concurrency = number | 'auto' | 'off';

/** Files from which `auto` starts workers, and the most workers it starts. */
export const AUTO_THRESHOLD_FILES = 64;
const AUTO_MAX_WORKERS = 8;

export function workerCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 0;
  const cpus = availableParallelism();
  // The main thread keeps busy (reading ahead, summary, writing): one worker per other core, and none
  // on two cores, where one worker measured no faster than the main thread alone.
  if (concurrency === 'auto') return files >= AUTO_THRESHOLD_FILES && cpus >= 3 ? Math.min(cpus - 1, AUTO_MAX_WORKERS) : 0;
  return Math.max(0, Math.min(concurrency, files));
}

/** Tasks each worker holds at once: the next one is there when the current one ends (no round trip to wait). */
const IN_FLIGHT = 4;

/** Run every task on the pool; `onResult` gets results in completion order with their task index. */
export async function runPool<T, R>(workerUrl: URL, workerData: unknown, size: number, tasks: T[], onResult: (index: number, result: R) => void): Promise<void> {
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(size, tasks.length) }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData });
          workers.push(worker);
          let inFlight = 0;
          const feed = (): void => {
            while (inFlight < IN_FLIGHT && next < tasks.length) {
              const index = next++;
              inFlight++;
              worker.postMessage({ index, task: tasks[index] });
            }
            if (inFlight === 0) resolve();
          };
          worker.on('message', (message: { index: number; result: R }) => {
            inFlight--;
            onResult(message.index, message.result);
            feed();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0 && (inFlight > 0 || next < tasks.length)) reject(new Error(`worker stopped with exit code ${code}`));
          });
          feed();
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
