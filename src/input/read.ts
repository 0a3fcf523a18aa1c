import { readFileSync, statSync } from 'node:fs';
import { constants } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export class InputError extends Error {}

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
    return { text: d.windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}

/** Files up to this size are read synchronously: for a small file the asynchronous calls cost more than the read. */
const SYNC_READ_LIMIT = 1024 * 1024;

export async function readInputFile(path: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<Decoded> {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    throw new InputError(describeFsError(error));
  }
  if (info.isDirectory()) throw new InputError('is a directory');
  // A pipe, a FIFO or a device has no size to check beforehand (/dev/zero never ends): read with the cap.
  if (!info.isFile()) return decode(await readCapped(path, maxFileSize));
  if (info.size > maxFileSize) throw new InputError(`file is larger than ${maxFileSize} bytes (${info.size}), skipped`);
  try {
    return decode(info.size <= SYNC_READ_LIMIT ? readFileSync(path) : await readFile(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error));
  }
}

/**
 * Read a pipe, FIFO or device up to `maxFileSize` bytes. Opened without blocking, so that a FIFO nobody
 * writes to reads as empty instead of hanging the run; a writer that is slow is waited for.
 */
async function readCapped(path: string, maxFileSize: number): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError(describeFsError(error));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          await new Promise((done) => setTimeout(done, 5));
          continue;
        }
        throw new InputError(describeFsError(error));
      }
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > maxFileSize) throw new InputError(`larger than ${maxFileSize} bytes (not a regular file: read up to the limit), skipped`);
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return Buffer.concat(chunks);
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
export function encodingNotice(encoding: Decoded['encoding'], lang: 'en' | 'fr'): string | undefined {
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
