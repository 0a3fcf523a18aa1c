/** What lint and analyze share: expanding paths into readable inputs, and turning failures into located file errors. */
import { FrontMatterError } from '../document/front-matter.js';
import { GuideFormatError } from '../document/guide-yaml.js';
import { MarkdownLimitError } from '../document/guide-markdown.js';
import { statSync } from 'node:fs';
import { discover } from '../input/discover.js';
import { InputError, readInputFile, readStdin, type Decoded } from '../input/read.js';
import { RuleLoadError } from '../rules/data.js';
import { ConfigError } from '../config/load-config.js';
import type { FileError } from '../types.js';

export interface Input {
  path: string;
  /** Named on the command line (or stdin): configuration `ignores` do not apply. */
  explicit: boolean;
  /** Standard input. */
  stdin?: boolean;
  /**
   * Standard input, a pipe, a process substitution (`<(cat note.md)`) or a device: it can be read only
   * once, so the first read is kept for later ones (a --redact or --cache first pass, then the analysis),
   * and only the main thread reads it.
   */
  readOnce?: boolean;
  /** Read and decode, refusing files over maxFileSize bytes. */
  read: (maxFileSize?: number) => Promise<Decoded>;
}

/** A file to read: a plain object with a shared method (a run over 10,000 files keeps 10,000 of them). */
class FileInput implements Input {
  private kept?: Promise<Decoded>;

  constructor(
    readonly path: string,
    readonly explicit: boolean,
    readonly readOnce: boolean,
  ) {}

  read(maxFileSize?: number): Promise<Decoded> {
    if (!this.readOnce) return readInputFile(this.path, maxFileSize);
    this.kept ??= readInputFile(this.path, maxFileSize);
    return this.kept;
  }
}

/** Anything but a regular file (or a folder, reported when read) gives its bytes only once. */
function readableOnce(path: string): boolean {
  try {
    const info = statSync(path);
    return !info.isFile() && !info.isDirectory();
  } catch {
    return false;
  }
}

export interface InputOptions {
  stdinFilename?: string;
  ignorePatterns?: string[];
}

export async function collectInputs(paths: string[], extensions: string[], options: InputOptions = {}): Promise<{ inputs: Input[]; errors: FileError[] }> {
  const found = await discover(paths.length > 0 ? paths : ['.'], extensions, process.cwd(), options.ignorePatterns ?? []);
  const errors: FileError[] = found.missing.map((m) => ({ path: m.path, message: m.message }));
  const inputs: Input[] = found.files.map((path) => {
    const explicit = found.explicit.has(path);
    return new FileInput(path, explicit, explicit && readableOnce(path));
  });
  if (found.stdin) {
    let once: Promise<Decoded> | undefined;
    inputs.push({ path: options.stdinFilename ?? '<stdin>', explicit: true, stdin: true, readOnce: true, read: (max?: number) => (once ??= readStdin(max)) });
  }
  return { inputs, errors };
}

/** A file that could not be read or parsed, with the line and column where known. */
export function located(path: string, error: unknown): FileError {
  if (error instanceof MarkdownLimitError) return { path, message: error.message, line: error.line };
  if (error instanceof FrontMatterError || error instanceof GuideFormatError) {
    return { path, message: error.message, ...(error.line ? { line: error.line } : {}), ...(error.column ? { column: error.column } : {}) };
  }
  if (error instanceof ConfigError) return { path: error.file, message: error.detail, ...(error.line ? { line: error.line } : {}), ...(error.column ? { column: error.column } : {}) };
  if (error instanceof InputError || error instanceof RuleLoadError) return { path, message: error.message };
  const message = (error as Error).message ?? String(error);
  if (error instanceof RangeError || /call stack/i.test(message)) return { path, message: 'nested too deeply to read safely, skipped' };
  if (/alias count/i.test(message)) return { path, message: 'YAML aliases expand too much (a possible "billion laughs" attack), skipped' };
  return { path, message: `could not be checked: ${message}` };
}
