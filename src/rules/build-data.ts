/**
 * Data the build computes ahead of time and writes to dist/ (see scripts/bundle.mjs): parsed rule files,
 * the required literals of the shipped patterns. Read once per run; absent or unreadable data is not an
 * error, the run then computes it itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const loaded = new Map<string, unknown>();

/** dist/<name>, parsed, or undefined when there is none (a run from the sources, a broken build). */
export function buildData<T>(name: string): T | undefined {
  if (!loaded.has(name)) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(fileURLToPath(new URL(`../../dist/${name}`, import.meta.url)), 'utf8'));
    } catch {
      data = undefined;
    }
    loaded.set(name, data);
  }
  return loaded.get(name) as T | undefined;
}
