import { closeSync, constants, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** A UTF-8 file with a few invalid bytes: they were replaced (U+FFFD); the lines where they were. */
  replacedLines?: number[];
}

export class InputError extends Error {}

/** A file name that is not valid UTF-8 reaches Node with U+FFFD in place of its bytes, and cannot be opened by it. */
export const NOT_UTF8_NAME = 'its name is not valid UTF-8 and cannot be opened by name: rename it (e.g. convmv -f latin1 -t utf8)';

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** Decoders are stateless between whole-buffer calls: made once. */
let decoders: { utf8: TextDecoder; utf16le: TextDecoder; utf16be: TextDecoder; windows1252: TextDecoder } | undefined;
function getDecoders(): NonNullable<typeof decoders> {
  decoders ??= {
    utf8: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }),
    utf16le: new TextDecoder('utf-16le'),
    utf16be: new TextDecoder('utf-16be'),
    windows1252: new TextDecoder('windows-1252'),
  };
  return decoders;
}

/** Decode bytes: BOMs first, then strict UTF-8, then Windows-1252 (the usual word-processor export). */
export function decode(bytes: Uint8Array): Decoded {
  const d = getDecoders();
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: d.utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: d.utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError('binary file (contains NUL bytes), skipped');
  try {
    return { text: d.utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8 as a whole. A UTF-8 file with a few stray bytes (a paste from another program)
    // stays UTF-8, its bad bytes replaced and reported; Windows-1252 is for files that are not UTF-8 at all.
    const { valid, invalid } = scanUtf8(bytes);
    if (valid > 0 && invalid.length <= Math.max(8, valid / 20)) {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', replacedLines: linesOf(bytes, invalid) };
    }
    return { text: d.windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}

/** Valid multi-byte UTF-8 sequences, and the offsets of bytes that start no valid sequence. */
function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number[] } {
  let valid = 0;
  const invalid: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid.push(i);
      i++;
    }
  }
  return { valid, invalid };
}

function linesOf(bytes: Uint8Array, offsets: number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let next = 0;
  for (let i = 0; i < bytes.length && next < offsets.length; i++) {
    while (next < offsets.length && offsets[next] === i) {
      if (lines[lines.length - 1] !== line) lines.push(line);
      next++;
    }
    if (bytes[i] === 0x0a) line++;
  }
  return lines;
}

/** Files up to this size are read synchronously: for a small file the asynchronous calls cost more than the read. */
const SYNC_READ_LIMIT = 1024 * 1024;

export async function readInputFile(path: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<Decoded> {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    if (path.includes('\uFFFD') && (error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(NOT_UTF8_NAME);
    throw new InputError(describeFsError(error));
  }
  if (info.isDirectory()) throw new InputError('is a directory');
  // A pipe, a FIFO or a device has no size to check beforehand (/dev/zero never ends): read with the cap.
  if (!info.isFile()) return decode(readCapped(path, maxFileSize));
  if (info.size > maxFileSize) throw new InputError(`file is larger than ${maxFileSize} bytes (${info.size}), skipped`);
  try {
    return decode(info.size <= SYNC_READ_LIMIT ? readFileSync(path) : await readFile(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error));
  }
}

/**
 * Read a pipe, FIFO or device up to `cap` bytes; undefined when it holds more. Opened without blocking,
 * so that a FIFO nobody writes to reads as empty instead of hanging the run; a writer that is slow is
 * waited for. Used for inputs and for configuration files alike.
 */
export function readSpecialFile(path: string, cap: number): Buffer | undefined {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const chunks: Buffer[] = [];
  let size = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      let read: number;
      try {
        read = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(pause, 0, 0, 5); // nothing yet from a writer that is still there: wait a little
        continue;
      }
      if (read === 0) break;
      size += read;
      if (size > cap) return undefined;
      chunks.push(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks);
}

/** An input that is not a regular file, read with the size cap. */
function readCapped(path: string, maxFileSize: number): Uint8Array {
  let bytes: Buffer | undefined;
  try {
    bytes = readSpecialFile(path, maxFileSize);
  } catch (error) {
    throw new InputError(describeFsError(error));
  }
  if (!bytes) throw new InputError(`larger than ${maxFileSize} bytes (not a regular file: read up to the limit), skipped`);
  return bytes;
}

export async function readStdin(maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<Decoded> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxFileSize) throw new InputError(`standard input is larger than ${maxFileSize} bytes, skipped`);
    chunks.push(chunk as Buffer);
  }
  return decode(Buffer.concat(chunks));
}

/** A note for files that are not UTF-8: they are read correctly, but editors and other tools may not. */
export function encodingNotice(encoding: Decoded['encoding'], lang: 'en' | 'fr', replacedLines?: number[]): string | undefined {
  if (replacedLines && replacedLines.length > 0) {
    const where = replacedLines.slice(0, 10).join(', ') + (replacedLines.length > 10 ? '…' : '');
    return lang === 'fr'
      ? `Octets invalides en UTF-8 remplacés par « \uFFFD » (ligne${replacedLines.length > 1 ? 's' : ''} ${where}) ; le reste du fichier est lu en UTF-8.`
      : `Invalid UTF-8 bytes replaced with "\uFFFD" (line${replacedLines.length > 1 ? 's' : ''} ${where}); the rest of the file is read as UTF-8.`;
  }
  if (encoding === 'utf-8') return undefined;
  return lang === 'fr'
    ? `Ce fichier n'est pas en UTF-8 (lu comme ${encoding}) ; enregistrez-le en UTF-8 pour les autres outils.`
    : `This file is not UTF-8 (read as ${encoding}); save it as UTF-8 for other tools.`;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (error as Error).message;
  }
}
