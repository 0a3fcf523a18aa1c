/**
 * --cache: results kept between runs (default .interviewlintcache). A file's entry is keyed by the hash of
 * its content (always read and hashed: size and modification time can stay the same across an edit), the
 * tool version, the rules' fingerprint and the resolved configuration, so any change to one of them
 * recomputes it. When every file of a run is unchanged and the options are the same, the whole output of
 * the previous run is reused: it is kept in a file named by the run's key, so two runs sharing a cache
 * never serve each other's output. A cache that cannot be written gives one warning and the run goes on
 * without it; the cache is never written onto an input or onto the report.
 */
import { compareCodeUnits } from '../compare.js';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutputError, OutputStream, placeOf, resolveDestination, writeFileAtomic } from './output.js';
import { describeWriteError, writeStderr } from './stdout.js';
import { VERSION } from './version.js';

/** The default location, and the file name used inside a folder given as --cache-location (as ESLint does). */
export const DEFAULT_CACHE_LOCATION = '.interviewlintcache';
const FORMAT = 4;

/** The index: small, read on every run. The results themselves are in a folder beside it, read only on a hit. */
interface CacheFile {
  format: number;
  version: string;
  files: Record<string, string>;
  /** Per command, the most recent runs first (a few are kept: runs over different folders can share a cache). */
  runs: Record<string, Array<{ key: string; code: number }>>;
}

const RUNS_KEPT = 8;

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

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export class ResultCache {
  /** The index file. */
  readonly location: string;
  private data: CacheFile;
  private dirty = false;
  private resultsFolderMade = false;
  /** Set once a write failed: the run goes on without the cache, after one warning. */
  private disabled = false;

  constructor(location: string) {
    this.location = isDirectory(location) ? join(location, DEFAULT_CACHE_LOCATION) : location;
    this.data = { format: FORMAT, version: VERSION, files: {}, runs: {} };
    let text: string;
    try {
      text = readFileSync(this.location, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.disable(`cannot read ${this.location}: ${describeWriteError(error)}`);
      return;
    }
    try {
      const loaded = JSON.parse(text) as CacheFile;
      // Another format or another version of the tool: start afresh.
      if (loaded.format === FORMAT && loaded.version === VERSION && loaded.files && loaded.runs) this.data = loaded;
    } catch {
      // A broken cache file is only a cache: start afresh and overwrite it.
    }
  }

  private get resultsFolder(): string {
    return `${this.location}-results`;
  }

  /**
   * Refuse (exit 2) a cache that would be written onto one of the run's inputs or onto the report, or
   * that is not a regular file; checked before anything is written.
   */
  guard(inputs: Set<string>, reportPlace?: string): void {
    const index = resolveDestination(this.location, 'the cache', inputs);
    if (index.kind !== 'file') throw new OutputError(`cannot keep the cache in ${this.location}: it is not a regular file`);
    if (reportPlace !== undefined && placeOf(index) === reportPlace) throw new OutputError(`the cache location and the report are the same file: ${this.location}`);
    if (existsSync(this.resultsFolder) && !isDirectory(this.resultsFolder)) throw new OutputError(`cannot keep the cache: ${this.resultsFolder} is not a folder`);
  }

  /** Go on without the cache, after one warning (a write of the cache, or of its copy of the report, failed). */
  disable(reason: string): void {
    if (this.disabled) return;
    this.disabled = true;
    writeStderr(`interview-lint: warning: the cache is off for this run: ${reason}\n`);
  }

  /** Run a write; a failure turns the cache off (one warning) instead of failing the run. */
  private attempt(write: () => void): boolean {
    if (this.disabled) return false;
    try {
      if (!this.resultsFolderMade) {
        mkdirSync(this.resultsFolder, { recursive: true });
        this.resultsFolderMade = true;
      }
      write();
      return true;
    } catch (error) {
      const message = error instanceof OutputError ? error.message : `cannot write ${this.resultsFolder}: ${describeWriteError(error)}`;
      this.disable(message);
      return false;
    }
  }

  /** One small file per result, so that a run never holds more than the results it needs. */
  private valueFile(id: string): string {
    return join(this.resultsFolder, `${id}.json`);
  }

  /** The per-file key: content (by its hash), tool version, rules and everything else that changes the result. */
  static key(contentHash: string, context: unknown): string {
    return sha1(`${VERSION}\n${rulesFingerprint()}\n${JSON.stringify(context)}\n${contentHash}`);
  }

  get<T>(scope: string, path: string, key: string): T | undefined {
    if (this.disabled) return undefined;
    // Paths are hashed in the index (a file name can name a participant).
    const id = sha1(`${scope}:${path}`);
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
    const id = sha1(`${scope}:${path}`);
    if (this.attempt(() => writeFileAtomic(this.valueFile(id), JSON.stringify({ key, value })))) {
      this.data.files[id] = key;
      this.dirty = true;
    }
  }

  /** The file that holds the output of a run with this key: its name is the key, so it can only hold that run's output. */
  private runOutputFile(scope: string, key: string): string {
    return join(this.resultsFolder, `run-${scope}-${key}.out`);
  }

  /** A stream that keeps a copy of this run's output, or undefined when the cache cannot be written. */
  openRunOutput(scope: string, key: string): OutputStream | undefined {
    let stream: OutputStream | undefined;
    this.attempt(() => {
      stream = new OutputStream(resolveDestination(this.runOutputFile(scope, key), 'the cache'), 'the cache');
    });
    return stream;
  }

  /** Record that the run output file of this key is complete; the files of runs beyond the last few are removed. */
  recordRun(scope: string, key: string, code: number): void {
    const runs = [{ key, code }, ...(this.data.runs[scope] ?? []).filter((r) => r.key !== key)];
    for (const old of runs.splice(RUNS_KEPT)) rmSync(this.runOutputFile(scope, old.key), { force: true });
    this.data.runs[scope] = runs;
    this.dirty = true;
  }

  /**
   * The output of an earlier run with this key, opened (an open file stays readable even if another run
   * removes it meanwhile), with its exit code; the caller copies it and closes `fd`.
   */
  run(scope: string, key: string): { fd: number; code: number } | undefined {
    const entry = this.disabled ? undefined : this.data.runs[scope]?.find((r) => r.key === key);
    if (!entry) return undefined;
    try {
      const fd = openSync(this.runOutputFile(scope, key), 'r');
      if (fstatSync(fd).isFile()) return { fd, code: entry.code };
      closeSync(fd);
    } catch {
      // gone: run again
    }
    return undefined;
  }

  /** Write the index (atomically); a failure is a warning. */
  save(): void {
    if (!this.dirty) return;
    const sorted = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort((a, b) => compareCodeUnits(a[0], b[0])));
    this.attempt(() => writeFileAtomic(this.location, JSON.stringify({ ...this.data, files: sorted(this.data.files), runs: sorted(this.data.runs) })));
  }
}
