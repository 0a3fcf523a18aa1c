/**
 * --cache: results kept between runs in one JSON file (default .interviewlintcache). A file's entry is
 * keyed by its content hash, the tool version, the rules' fingerprint and the resolved configuration,
 * so any change to one of them recomputes it. When every file of a run is unchanged and the options are
 * the same, the whole output of the previous run is reused.
 */
import { compareCodeUnits } from '../compare.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOutputFile } from './output.js';
import { VERSION } from './version.js';

export const DEFAULT_CACHE_LOCATION = '.interviewlintcache';
const FORMAT = 1;

/** The index: small, read on every run. The results themselves are in a sidecar file read only on a miss. */
interface CacheFile {
  format: number;
  version: string;
  files: Record<string, string>;
  /** Size and modification time of each file when its content was hashed: unchanged → no need to read it. */
  stats?: Record<string, { size: number; mtimeMs: number; hash: string; encoding: string }>;
  runs: Record<string, { key: string; code: number }>;
}

export function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

let rulesPrint: string | undefined;
/** A hash of every file under rules/: editing a rule invalidates the cache even without a new version. */
export function rulesFingerprint(): string {
  if (rulesPrint) return rulesPrint;
  const hash = createHash('sha1');
  const root = fileURLToPath(new URL('../../rules/', import.meta.url));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(root);
  rulesPrint = hash.digest('hex');
  return rulesPrint;
}

export class ResultCache {
  private data: CacheFile;
  private dirty = false;
  private resultsFolderMade = false;

  constructor(readonly location: string) {
    this.data = { format: FORMAT, version: VERSION, files: {}, runs: {} };
    if (!existsSync(location)) return;
    try {
      const loaded = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      // Another format or another version of the tool: start afresh.
      if (loaded.format === FORMAT && loaded.version === VERSION && loaded.files && loaded.runs) this.data = loaded;
    } catch {
      // A broken cache file is only a cache: start afresh and overwrite it.
    }
  }

  /** One small file per result, so that a run never holds more than the results it needs. */
  private valueFile(id: string): string {
    return join(`${this.location}-results`, `${sha1(id)}.json`);
  }

  /** The per-file key: content (by its hash), tool version, rules and everything else that changes the result. */
  static key(contentHash: string, context: unknown): string {
    return sha1(`${VERSION}\n${rulesFingerprint()}\n${JSON.stringify(context)}\n${contentHash}`);
  }

  /** The content hash and encoding of a file whose size and modification time have not changed. */
  knownContent(path: string, size: number, mtimeMs: number): { hash: string; encoding: string } | undefined {
    const entry = this.data.stats?.[path];
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? { hash: entry.hash, encoding: entry.encoding } : undefined;
  }

  rememberContent(path: string, size: number, mtimeMs: number, hash: string, encoding: string): void {
    const stats = (this.data.stats ??= {});
    const entry = stats[path];
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs && entry.hash === hash) return;
    stats[path] = { size, mtimeMs, hash, encoding };
    this.dirty = true;
  }

  get<T>(scope: string, path: string, key: string): T | undefined {
    const id = `${scope}:${path}`;
    if (this.data.files[id] === key) {
      try {
        const stored = JSON.parse(readFileSync(this.valueFile(id), 'utf8')) as { key: string; value: T };
        if (stored.key === key) return stored.value;
      } catch {
        // missing or broken entry: recompute it
      }
    }
    return undefined;
  }

  set(scope: string, path: string, key: string, value: unknown): void {
    const id = `${scope}:${path}`;
    if (!this.resultsFolderMade) {
      mkdirSync(`${this.location}-results`, { recursive: true });
      this.resultsFolderMade = true;
    }
    writeOutputFile(this.valueFile(id), JSON.stringify({ key, value }));
    this.data.files[id] = key;
    this.dirty = true;
  }

  /** The file that holds the output of the last run of a command (written by the command itself). */
  runOutputFile(scope: string): string {
    return `${this.location}-${scope}-output`;
  }

  /** Record that the output file now holds the output of a run with this key. */
  recordRun(scope: string, key: string, code: number): void {
    this.data.runs[scope] = { key, code };
    this.dirty = true;
  }

  /** The file holding the output of the last run of this command, when its key is this one (the output is copied, never read). */
  run(scope: string, key: string): { file: string; code: number } | undefined {
    const entry = this.data.runs[scope];
    if (!entry || entry.key !== key) return undefined;
    const file = this.runOutputFile(scope);
    return existsSync(file) ? { file, code: entry.code } : undefined;
  }

  save(): void {
    if (!this.dirty) return;
    const sorted = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort((a, b) => compareCodeUnits(a[0], b[0])));
    writeOutputFile(this.location, JSON.stringify({ ...this.data, files: sorted(this.data.files), stats: sorted(this.data.stats ?? {}) }));
  }
}
