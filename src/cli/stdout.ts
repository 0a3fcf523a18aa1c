/**
 * Standard output, written synchronously and whole. A reader that goes away (`| head -1`: EPIPE) ends
 * the output quietly — the run finishes and exits with its own code; any other failure (a full disk,
 * /dev/full) is an OutputError, which the CLI turns into one line on stderr and exit code 2.
 */
import { writeSync } from 'node:fs';
import { OutputError } from './output-error.js';

type Writer = (chunk: Uint8Array) => void;

let closed = false;
let writer: Writer = (chunk) => writeAllToFd(1, chunk);
let errorWriter: Writer = (chunk) => writeAllToFd(2, chunk);

/** Write a whole buffer to a file descriptor; a pipe that is not ready (EAGAIN) is retried. */
export function writeAllToFd(fd: number, buffer: Uint8Array): void {
  for (let written = 0; written < buffer.length; ) {
    try {
      written += writeSync(fd, buffer, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

export function writeStdout(text: string | Uint8Array): void {
  if (closed) return;
  try {
    writer(typeof text === 'string' ? Buffer.from(text) : text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' || code === 'ECONNRESET') {
      closed = true;
      return;
    }
    throw new OutputError(`cannot write to standard output: ${describeWriteError(error)}`);
  }
}

/** Standard error: best effort (nobody is left to tell when it fails). */
export function writeStderr(text: string): void {
  try {
    errorWriter(Buffer.from(text));
  } catch {
    // stderr is gone: nothing to do
  }
}

export function describeWriteError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EIO':
      return 'input/output error';
    default:
      return (error as Error).message;
  }
}

/** For in-process tests: send standard output and error somewhere else; returns a function that restores them. */
export function redirectOutput(stdout: Writer, stderr: Writer): () => void {
  const previous = { writer, errorWriter, closed };
  writer = stdout;
  errorWriter = stderr;
  closed = false;
  return () => {
    ({ writer, errorWriter, closed } = previous);
  };
}

/** One line on standard error (notices). */
export function writeLine(line: string): void {
  writeStderr(`${line}\n`);
}
