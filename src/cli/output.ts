import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputError extends Error {}

/** Write a file atomically: a temporary file in the same folder, then a rename. Never onto an input. */
export function writeOutputFile(path: string, content: string, inputs: string[] = []): void {
  const target = resolve(path);
  if (inputs.some((input) => resolve(input) === target)) throw new OutputError(`refusing to write the report onto an input file: ${path}`);
  const folder = dirname(target);
  try {
    if (!statSync(folder).isDirectory()) throw new OutputError(`output folder is not a directory: ${folder}`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(`output folder does not exist: ${folder}`);
  }
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new OutputError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
