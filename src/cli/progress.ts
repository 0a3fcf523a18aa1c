/**
 * A progress bar on stderr for long runs: file count, percentage and ETA. Only on an interactive
 * terminal, never under CI=true or --quiet, and only when there are enough files to be worth it.
 */
export interface Progress {
  tick: (path: string) => void;
  done: () => void;
}

const MIN_FILES = 20;
const WIDTH = 24;

export function progressEnabled(options: { quiet?: boolean; total: number; stream?: NodeJS.WriteStream; env?: NodeJS.ProcessEnv }): boolean {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return stream.isTTY === true && !ci && !options.quiet && options.total >= MIN_FILES;
}

function eta(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function createProgress(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled) return { tick: () => undefined, done: () => undefined };
  const started = Date.now();
  let count = 0;
  let last = 0;
  const render = (path: string): void => {
    const ratio = total === 0 ? 1 : count / total;
    const filled = Math.round(ratio * WIDTH);
    const elapsed = Date.now() - started;
    const remaining = count > 0 ? (elapsed / count) * (total - count) : 0;
    const line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${count}/${total} ${Math.round(ratio * 100)}% ETA ${eta(remaining)} ${path}`;
    const columns = stream.columns ?? 80;
    stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
  };
  return {
    tick: (path) => {
      count++;
      const now = Date.now();
      if (now - last > 100 || count === total) {
        last = now;
        render(path);
      }
    },
    done: () => stream.write(`\r${' '.repeat((stream.columns ?? 80) - 1)}\r`),
  };
}
