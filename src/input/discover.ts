import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const GUIDE_EXTENSIONS = ['md', 'markdown', 'txt', 'text', 'yaml', 'yml'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Discovered {
  /** Files to read, relative to the working directory with "/" separators, sorted, without duplicates. */
  files: string[];
  /** Paths given on the command line that matched nothing. */
  missing: Array<{ path: string; message: string }>;
  stdin: boolean;
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path) || path;
  return rel.split(sep).join('/');
}

/** Expand files, folders and globs into the list of files to lint. `-` stands for standard input. */
export async function discover(paths: string[], extensions: string[] = GUIDE_EXTENSIONS, cwd = process.cwd()): Promise<Discovered> {
  const files = new Set<string>();
  const missing: Discovered['missing'] = [];
  let stdin = false;
  const extGlob = `**/*.{${extensions.join(',')}}`;
  for (const input of paths) {
    if (input === '-') {
      stdin = true;
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) {
      const found = await glob(extGlob, { cwd: input, ignore: ALWAYS_IGNORED, dot: false, absolute: true, followSymbolicLinks: false });
      for (const file of found) files.add(displayPath(file, cwd));
    } else if (info) {
      files.add(displayPath(input, cwd));
    } else if (isDynamicPattern(input)) {
      const found = await glob(input, { cwd, ignore: ALWAYS_IGNORED, absolute: true });
      if (found.length === 0) missing.push({ path: input, message: 'no files match this pattern' });
      for (const file of found) files.add(displayPath(file, cwd));
    } else {
      missing.push({ path: displayPath(input, cwd), message: 'no such file or directory' });
    }
  }
  return { files: [...files].sort(), missing, stdin };
}
