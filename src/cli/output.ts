import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputError extends Error {}

/** Make `path` atomically: `fill` writes a temporary file in the same folder, which is then renamed. */
function replaceAtomically(path: string, fill: (temp: string) => void): void {
  const target = resolve(path);
  const temp = temporaryPath(target);
  try {
    fill(temp);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new OutputError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** Write a file atomically. Never onto an input. */
export function writeOutputFile(path: string, content: string, inputs: string[] = []): void {
  if (inputs.some((input) => resolve(input) === resolve(path))) throw new OutputError(`refusing to write the report onto an input file: ${path}`);
  replaceAtomically(path, (temp) => writeFileSync(temp, content, { flag: 'wx' }));
}

/** An output kept in a file (a cached run) delivered as is: copied to the target (atomically), or streamed to standard output. */
export function deliverFile(source: string, target: string | undefined): void {
  if (target) {
    replaceAtomically(target, (temp) => copyFileSync(source, temp));
    return;
  }
  const fd = openSync(source, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) writeAll(1, buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** Write a whole buffer; a pipe that is not ready (EAGAIN) is retried, anything else stops the run. */
function writeAll(fd: number, buffer: Uint8Array): void {
  for (let written = 0; written < buffer.length; ) {
    try {
      written += writeSync(fd, buffer, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** Write a string to a regular file (whole, or the rest as bytes if the system wrote only part of it). */
function writeString(fd: number, text: string): void {
  const written = writeSync(fd, text);
  if (written < Buffer.byteLength(text)) writeAll(fd, Buffer.from(text).subarray(written));
}

/** Where the output goes: a file written beside its target and renamed at the end, or standard output. */
export class OutputSink {
  private readonly fd: number;
  private readonly temp?: string;
  private readonly tee?: { fd: number; temp: string; target: string };

  constructor(
    private readonly target: string | undefined,
    teeTo?: string,
  ) {
    if (target) {
      this.temp = temporaryPath(target);
      this.fd = openSync(this.temp, 'wx');
    } else this.fd = 1;
    if (teeTo) {
      const temp = temporaryPath(teeTo);
      this.tee = { fd: openSync(temp, 'wx'), temp, target: teeTo };
    }
  }

  /**
   * A file gets the string as is (no Buffer per write: those live outside the heap until a full garbage
   * collection, and with a 500 MB report they made the memory grow); standard output, which can be a
   * pipe that is not ready, gets a buffer written until the end.
   */
  write(text: string): void {
    if (this.temp) writeString(this.fd, text);
    else writeAll(this.fd, Buffer.from(text));
    if (this.tee) writeString(this.tee.fd, text);
  }

  close(keep = true): void {
    if (this.temp && this.target) {
      closeSync(this.fd);
      if (keep) renameSync(this.temp, resolve(this.target));
      else rmSync(this.temp, { force: true });
    }
    if (this.tee) {
      closeSync(this.tee.fd);
      if (keep) renameSync(this.tee.temp, this.tee.target);
      else rmSync(this.tee.temp, { force: true });
    }
  }
}

/** A temporary file beside the target (same folder, so that the final rename is atomic). */
export function temporaryPath(target: string): string {
  const full = resolve(target);
  const folder = dirname(full);
  try {
    if (!statSync(folder).isDirectory()) throw new OutputError(`output folder is not a directory: ${folder}`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(`output folder does not exist: ${folder}`);
  }
  return join(folder, `.${basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
}
