/**
 * Where reports and cache files go, and how they are written without losing anything:
 * - a path is followed through its symbolic links to the file it names (a link is written through, never
 *   replaced by a file);
 * - a regular file (or a new one) is written atomically: a temporary file beside it, then a rename, with
 *   the old file's permissions kept; missing parent folders are created;
 * - a FIFO or a character device (/dev/null, /dev/stdout…) is written in place;
 * - anything else (a folder, a socket, a block device) is refused, and so is any file that is one of the
 *   run's inputs — compared by device and inode, so another spelling, a link or a hard link is caught.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, lstatSync, mkdirSync, openSync, readlinkSync, readSync, realpathSync, renameSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError } from './output-error.js';
import { describeWriteError, writeAllToFd, writeStdout } from './stdout.js';
import { forgetTemporary, removeTemporary, trackTemporary } from './temp-files.js';

export { OutputError } from './output-error.js';

export type Destination =
  /** A regular file, existing (its permission bits kept) or to be created. `path` is after following links. */
  | { kind: 'file'; shown: string; path: string; mode?: number; id?: string }
  /** A FIFO or character device (or a file named through /dev or /proc): written in place. */
  | { kind: 'device'; shown: string; path: string; id: string; truncate?: boolean }
  /** Standard output or error named as a path (/dev/stdout, /dev/fd/1…): written to the descriptor itself. */
  | { kind: 'stream'; shown: string; fd: number; id?: undefined };

/** Paths that name this process's own standard output and error. */
const STANDARD_STREAMS: Record<string, number> = {
  '/dev/stdout': 1,
  '/dev/fd/1': 1,
  '/proc/self/fd/1': 1,
  '/dev/stderr': 2,
  '/dev/fd/2': 2,
  '/proc/self/fd/2': 2,
};

/** The one message for a failed write: what, where, and the system's reason in words. */
function cannotWrite(what: string, shown: string, error: unknown): OutputError {
  return new OutputError(`cannot write ${what} to ${shown}: ${describeWriteError(error)}`);
}

/** Device and inode of what a path names (links followed), or undefined when it does not exist. */
export function fileIdentity(path: string): string | undefined {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/** The identities of the files a run reads: nothing is ever written onto one of them. */
export function identities(paths: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const path of paths) {
    const id = fileIdentity(path);
    if (id) ids.add(id);
  }
  return ids;
}

const MAX_LINKS = 40;

/** Follow `path` through symbolic links (dangling ones included) to the path that will be written. */
function followLinks(shown: string): string {
  let path = resolve(shown);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let info;
    try {
      info = lstatSync(path);
    } catch (error) {
      // Missing (or under a file): reported when its folder cannot be made.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return path;
      throw new OutputError(`cannot write ${shown}: ${describeWriteError(error)}`);
    }
    if (!info.isSymbolicLink()) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new OutputError(`cannot write ${shown}: too many levels of symbolic links`);
}

/**
 * What writing to `shown` means, checked before the run writes anything. `what` names it in messages
 * ("the report", "the cache"); `inputs` are the identities of the run's input files.
 */
export function resolveDestination(shown: string, what: string, inputs: Set<string> = new Set()): Destination {
  const full = resolve(shown);
  const stream = STANDARD_STREAMS[full];
  if (stream !== undefined) return { kind: 'stream', shown, fd: stream };
  let info;
  try {
    info = statSync(full); // follows every link, the /proc/self/fd ones included
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Missing, a dangling link, or under a file: created where the links lead (a folder that cannot be
    // made is reported then).
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'file', shown, path: followLinks(shown) };
    throw cannotWrite(what, shown, error);
  }
  const id = `${info.dev}:${info.ino}`;
  if (inputs.has(id)) throw new OutputError(`refusing to write ${what} onto an input file: ${shown}`);
  // Under /dev and /proc a link can name an open file of this process (/dev/fd/3): written in place.
  const inPlace = full.startsWith('/dev/') || full.startsWith('/proc/');
  if (info.isFile() && !inPlace) return { kind: 'file', shown, path: realpathSync(full), mode: info.mode & 0o7777, id };
  if (info.isFile() || info.isFIFO() || info.isCharacterDevice()) return { kind: 'device', shown, path: full, id, truncate: info.isFile() };
  const kind = info.isDirectory() ? 'a directory' : info.isSocket() ? 'a socket' : info.isBlockDevice() ? 'a block device' : 'not a regular file';
  throw new OutputError(`cannot write ${what} to ${shown}: it is ${kind}`);
}

/** Where a destination will be, as one string: two destinations with the same place are the same file. */
export function placeOf(destination: Destination): string {
  if (destination.id) return destination.id;
  if (destination.kind === 'stream') return `fd:${destination.fd}`;
  let folder = dirname(destination.path);
  try {
    folder = realpathSync(folder);
  } catch {
    // the folder does not exist yet: its spelling is all there is
  }
  return join(folder, basename(destination.path));
}

/** A temporary file beside the target (same folder, so that the final rename is atomic); parent folders are created. */
function openTemporary(destination: Destination & { kind: 'file' }, what: string): { fd: number; temp: string } {
  const folder = dirname(destination.path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new OutputError(`cannot write ${what} to ${destination.shown}: cannot create folder ${folder}: ${describeWriteError(error)}`);
  }
  const temp = join(folder, `.${basename(destination.path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o666);
  } catch (error) {
    throw cannotWrite(what, destination.shown, error);
  }
  trackTemporary(temp);
  if (destination.mode !== undefined) {
    try {
      fchmodSync(fd, destination.mode);
    } catch {
      // not ours to change (another owner): the new file keeps the default permissions
    }
  }
  return { fd, temp };
}

function openDevice(destination: Destination & { kind: 'device' }, what: string): number {
  try {
    return openSync(destination.path, constants.O_WRONLY | (destination.truncate ? constants.O_TRUNC : 0));
  } catch (error) {
    throw cannotWrite(what, destination.shown, error);
  }
}

/** Write a string to a file descriptor (whole, or the rest as bytes if the system wrote only part of it). */
function writeString(fd: number, text: string): void {
  const written = writeSync(fd, text);
  if (written < Buffer.byteLength(text)) writeAllToFd(fd, Buffer.from(text).subarray(written));
}

/**
 * An output being written: to standard output, a device, or a temporary file renamed onto its target
 * when the writer closes it. Every failure is an OutputError naming the target; nothing partial is left.
 */
export class OutputStream {
  private fd = -1;
  private temp?: string;
  private finished = false;

  readonly destination: Destination | undefined;

  constructor(
    destination: Destination | undefined,
    private readonly what = 'the report',
  ) {
    // Standard output named as a path is standard output (a closed pipe ends quietly there too).
    this.destination = destination?.kind === 'stream' && destination.fd === 1 ? undefined : destination;
    if (!destination || !this.destination) return;
    if (destination.kind === 'stream') this.fd = destination.fd;
    else if (destination.kind === 'device') this.fd = openDevice(destination, what);
    else ({ fd: this.fd, temp: this.temp } = openTemporary(destination, what));
  }

  write(text: string | Uint8Array): void {
    if (!this.destination) {
      writeStdout(text);
      return;
    }
    // A file gets the string as is (no Buffer per write: those live outside the heap until a full
    // garbage collection, and with a 500 MB report they made the memory grow); bytes (a zip) as bytes.
    this.guarded(() => (typeof text === 'string' ? writeString(this.fd, text) : writeAllToFd(this.fd, text)));
  }

  /** A write to the file or device; a failure leaves nothing partial and names the target. */
  private guarded(write: () => void): void {
    try {
      write();
    } catch (error) {
      this.abort();
      throw cannotWrite(this.what, this.destination?.shown ?? 'standard output', error);
    }
  }

  /** Copy the bytes of an open file (read from its start) into the output. */
  copyFrom(source: number): void {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    let position = 0;
    for (let read = readSync(source, buffer, 0, buffer.length, position); read > 0; read = readSync(source, buffer, 0, buffer.length, position)) {
      position += read;
      const chunk = buffer.subarray(0, read);
      if (!this.destination) writeStdout(chunk);
      else this.guarded(() => writeAllToFd(this.fd, chunk));
    }
  }

  /** Done: the temporary file becomes the target. */
  close(): void {
    if (this.finished || !this.destination) return;
    this.finished = true;
    const temp = this.temp;
    if (this.destination.kind === 'stream') return;
    try {
      closeSync(this.fd);
      if (temp) {
        renameSync(temp, this.destination.path);
        forgetTemporary(temp);
      }
    } catch (error) {
      if (temp) removeTemporary(temp);
      throw cannotWrite(this.what, this.destination.shown, error);
    }
  }

  /** Give up: the target is left as it was. */
  abort(): void {
    if (this.finished || !this.destination) return;
    this.finished = true;
    if (this.destination.kind === 'stream') return;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    if (this.temp) removeTemporary(this.temp);
  }
}

/** Write a whole output at once (standard output when `destination` is undefined). */
export function writeWhole(destination: Destination | undefined, text: string | Uint8Array, what = 'the report'): void {
  const stream = new OutputStream(destination, what);
  stream.write(text);
  stream.close();
}

/** Write a regular file of our own atomically (a cache entry); a failure is an OutputError. */
export function writeFileAtomic(path: string, text: string): void {
  writeWhole(resolveDestination(path, 'the cache'), text, 'the cache');
}
