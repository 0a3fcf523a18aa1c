import YAML from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The document with the front-matter block blanked out (newlines kept), so offsets stay those of the file. */
  body: string;
  /** Number of characters the front-matter block takes at the start of the text (0 when there is none). */
  length: number;
  /** The text opens a front-matter block that no line closes: read as text, not as metadata. */
  unclosed?: boolean;
}

export class FrontMatterError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

function refuseEngine(name: string): () => never {
  return () => {
    throw new FrontMatterError(`front matter in "${name}" is not allowed: interview-lint never runs code found in a file (use YAML front matter)`, 1, 1);
  };
}

/**
 * The usual front matter of notes is a few `key: plain words` lines. Those are read here without the
 * YAML parser, to the same values (a test checks it): every value starts with a letter, so it is never
 * a number; the words YAML reads as booleans or null, comments, quotes, colons, indentation and repeated
 * keys all go to the YAML parser instead.
 */
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*):[ ]+(\p{L}[\p{L}\p{N} .,'’()/&+-]*)$/u;
const YAML_WORDS = /^(?:true|false|null)$/i;

export function parseSimpleYaml(input: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of input.split('\n')) {
    if (/^ *$/.test(line)) continue; // blank (any other white space is left to the YAML parser)
    const match = SIMPLE_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1] as string;
    const value = (match[2] as string).trimEnd();
    if (Object.hasOwn(out, key) || YAML_WORDS.test(value)) return undefined;
    out[key] = value;
  }
  return out;
}

/**
 * Values a report can show: YAML's typed values (`!!binary`, `!!set`, `!!omap`, timestamps) become the
 * text, list or mapping they stand for, instead of a Buffer, a Set or a Map in the JSON.
 */
function plainValue(value: unknown, depth = 0): unknown {
  if (depth > 64) return null;
  if (value instanceof Uint8Array) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(value);
    return /\uFFFD|[\u0000-\u0008\u000e-\u001f]/u.test(text) ? Buffer.from(value).toString('base64') : text;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (value instanceof Set) return [...value].map((v) => plainValue(v, depth + 1));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plainValue(v, depth + 1)]));
  if (Array.isArray(value)) return value.map((v) => plainValue(v, depth + 1));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v, depth + 1)]));
  return value;
}

/** A YAML front-matter block as a mapping, with located errors. */
export function parseYamlBlock(input: string): object {
  const simple = parseSimpleYaml(input);
  if (simple) return simple;
  const doc = YAML.parseDocument(input, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = (error.linePos?.[0]?.line ?? 1) + 1;
    throw new FrontMatterError(`invalid YAML front matter: ${error.message.split('\n')[0]}`, line, error.linePos?.[0]?.col);
  }
  const value: unknown = plainValue(doc.toJS({ maxAliasCount: 100 }));
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new FrontMatterError('front matter must be a mapping of keys to values', 2, 1);
  return value as object;
}

/**
 * Read front matter from a text with LF line endings. The block is cut the way gray-matter cuts it (a
 * test checks both agree): an opening `---` (optionally `---yaml`), up to the first line starting with
 * `---`; only YAML is read, and any other language is refused, since interview-lint never runs code
 * found in a file.
 */
export function readFrontMatter(text: string): FrontMatter {
  const none = { data: {}, body: text, length: 0 };
  if (!text.startsWith('---') || text.charAt(3) === '-') return none;
  const firstLineEnd = text.indexOf('\n');
  const opener = (firstLineEnd === -1 ? text : text.slice(0, firstLineEnd)).trim();
  if (!/^---[\w-]*$/.test(opener)) return none;
  const language = opener.slice(3).trim().toLowerCase();
  if (language && language !== 'yaml' && language !== 'yml') refuseEngine(language)();
  let rest = text.slice(3);
  // The language word after the opener (gray-matter reads up to the line end, or all but the last
  // character when there is no line end).
  const word = firstLineEnd === -1 ? rest.slice(0, -1) : rest.slice(0, firstLineEnd - 3);
  if (word.trim()) rest = rest.slice(word.length);
  const close = rest.indexOf('\n---');
  // No closing line: gray-matter takes the whole file as metadata (a transcript after an unclosed block
  // vanished without a word); here it is text, and the caller says so.
  if (close === -1) return { ...none, unclosed: true };
  const block = rest.slice(0, close);
  let data: Record<string, unknown> = {};
  if (block.replace(/^\s*#[^\n]+/gm, '').trim() !== '') {
    try {
      data = parseYamlBlock(block) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof FrontMatterError) throw error;
      throw new FrontMatterError(`invalid front matter: ${(error as Error).message}`, 1, 1);
    }
  }
  let content = rest.slice(close + 4);
  if (content.startsWith('\r')) content = content.slice(1);
  if (content.startsWith('\n')) content = content.slice(1);
  const length = text.length - content.length;
  const blank = text.slice(0, length).replace(/[^\n]/g, ' ');
  return { data, body: blank + content, length };
}
