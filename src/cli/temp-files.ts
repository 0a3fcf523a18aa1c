/**
 * Temporary files of this process (a report or cache entry being written beside its target). They are
 * removed when the write fails, and on exit, SIGINT, SIGTERM and SIGHUP: an interrupted run leaves
 * nothing behind but what it had finished.
 */
import { rmSync } from 'node:fs';

const live = new Set<string>();
let installed = false;

function removeAll(): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      removeAll();
      // Then die of the same signal, as if nothing had caught it (the shell sees 130, 143…).
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

export function trackTemporary(path: string): void {
  install();
  live.add(path);
}

/** The file is gone (renamed onto its target, or removed). */
export function forgetTemporary(path: string): void {
  live.delete(path);
}

export function removeTemporary(path: string): void {
  rmSync(path, { force: true });
  live.delete(path);
}

/** How many temporary files are open now (for tests). */
export function temporaryCount(): number {
  return live.size;
}

const YIELD_EVERY_MS = 50;
let lastYield = 0;

/**
 * Let the event loop run (signal handlers, pipe events) when the thread has been busy for a while: a loop
 * of synchronous reads and analyses only awaits resolved promises, and a SIGINT would wait for its end.
 */
export async function letSignalsIn(): Promise<void> {
  const now = performance.now();
  if (now - lastYield < YIELD_EVERY_MS) return;
  lastYield = now;
  await new Promise<void>((done) => setImmediate(done));
}
