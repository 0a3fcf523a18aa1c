import { lstat, readFile, stat } from 'node:fs/promises';
import { describeFsError, NOT_UTF8_NAME } from './read.js';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

export const GUIDE_EXTENSIONS = ['md', 'markdown', 'txt', 'text', 'yaml', 'yml'];
export const NOTES_EXTENSIONS = ['md', 'markdown', 'txt'];
/** gitignore-style patterns, read from the working directory, that folders and globs skip. */
export const IGNORE_FILE = '.interviewlintignore';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Discovered {
  /** Files to read, relative to the working directory with "/" separators, sorted, without duplicates. */
  files: string[];
  /** Files named one by one on the command line (ignore patterns do not apply to them). */
  explicit: Set<string>;
  /** Paths given on the command line that matched nothing. */
  missing: Array<{ path: string; message: string }>;
  stdin: boolean;
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path) || path;
  return rel.split(sep).join('/');
}

async function readIgnoreFile(cwd: string, extra: string[]): Promise<Ignore> {
  const matcher = ignore().add(extra);
  try {
    matcher.add(await readFile(join(cwd, IGNORE_FILE), 'utf8'));
  } catch {
    // No ignore file: nothing more to skip.
  }
  return matcher;
}

/**
 * Expand files, folders and globs into the list of files to read. `-` stands for standard input.
 * Folders and globs skip node_modules, .git and the patterns of `.interviewlintignore`; a file named
 * explicitly is always read.
 */
export async function discover(paths: string[], extensions: string[] = GUIDE_EXTENSIONS, cwd = process.cwd(), ignorePatterns: string[] = []): Promise<Discovered> {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const ignored = await readIgnoreFile(cwd, ignorePatterns);
  const addFound = (found: string[]): void => {
    for (const file of found) {
      const shown = displayPath(file, cwd);
      if (shown.startsWith('../') || !ignored.ignores(shown)) files.add(shown);
    }
  };
  const missing: Discovered['missing'] = [];
  let stdin = false;
  const extGlob = `**/*.{${extensions.join(',')}}`;
  for (const input of paths) {
    if (input === '-') {
      stdin = true;
      continue;
    }
    let info;
    let statError: unknown;
    try {
      info = await stat(input);
    } catch (error) {
      info = undefined;
      statError = error;
    }
    if (info?.isDirectory()) {
      addFound(await glob(extGlob, { cwd: input, ignore: ALWAYS_IGNORED, dot: false, absolute: true, followSymbolicLinks: false }));
    } else if (info) {
      files.add(displayPath(input, cwd));
      explicit.add(displayPath(input, cwd));
    } else if (isDynamicPattern(input)) {
      const found = await glob(input, { cwd, ignore: ALWAYS_IGNORED, absolute: true });
      if (found.length === 0) missing.push({ path: input, message: 'no files match this pattern' });
      addFound(found);
    } else {
      // A symlink that exists but leads nowhere (broken, or a loop) is reported for what it is.
      const isLink = await lstat(input).then((l) => l.isSymbolicLink(), () => false);
      missing.push({ path: displayPath(input, cwd), message: isLink ? describeFsError(statError) : input.includes('\uFFFD') ? NOT_UTF8_NAME : 'no such file or directory' });
    }
  }
  return { files: [...files].sort(), explicit, missing, stdin };
}
