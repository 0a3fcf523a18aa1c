/**
 * A small worker-thread pool: each worker loads the analyzer once, then takes files one at a time.
 * Used only when a run is big enough to repay the start-up of the workers (about 0.15 s each).
 */
import { availableParallelism } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';

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
  // Never more threads than cores: each worker is a whole V8 heap (256 workers took 4.8 GB for nothing).
  return Math.max(0, Math.min(concurrency, files, cpus));
}

/** Tasks each worker holds at once: the next one is there when the current one ends (no round trip to wait). */
const IN_FLIGHT = 4;

/** Workers started in place of ones that failed, at most, before the remaining tasks are reported as failed. */
const MAX_RESTARTS = 4;

/**
 * Run every task on the pool; `onResult` gets results in completion order with their task index. A worker
 * that fails (out of memory, a crash) costs only the tasks it held: each is given to `onFailure` with the
 * reason, a new worker takes the worker's place, and the run goes on.
 */
export async function runPool<T, R>(
  workerUrl: URL,
  workerData: unknown,
  size: number,
  tasks: T[],
  onResult: (index: number, result: R) => void,
  onFailure: (index: number, reason: string) => void = (index, reason) => {
    throw new Error(`task ${index}: ${reason}`);
  },
  options: WorkerOptions = {},
): Promise<void> {
  let next = 0;
  let restarts = 0;
  const workers = new Set<Worker>();
  const slot = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(workerUrl, { ...options, workerData });
      workers.add(worker);
      const held = new Set<number>();
      let failed = false;
      const feed = (): void => {
        while (held.size < IN_FLIGHT && next < tasks.length) {
          const index = next++;
          held.add(index);
          worker.postMessage({ index, task: tasks[index] });
        }
        if (held.size === 0) resolve();
      };
      const fail = (reason: string): void => {
        if (failed) return;
        failed = true;
        workers.delete(worker);
        void worker.terminate();
        for (const index of held) onFailure(index, reason);
        held.clear();
        if (next < tasks.length && restarts < MAX_RESTARTS) {
          restarts++;
          void slot().then(resolve);
        } else {
          while (next < tasks.length) onFailure(next++, reason);
          resolve();
        }
      };
      worker.on('message', (message: { index: number; result: R }) => {
        held.delete(message.index);
        onResult(message.index, message.result);
        feed();
      });
      worker.on('error', (error: Error & { code?: string }) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'ran out of memory while analysing it' : `analysis failed: ${error.message}`));
      worker.on('exit', (code) => {
        if (held.size > 0 || (code !== 0 && next < tasks.length)) fail(`the worker stopped (exit code ${code})`);
      });
      feed();
    });
  try {
    await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, slot));
  } finally {
    await Promise.all([...workers].map((w) => w.terminate()));
  }
}
