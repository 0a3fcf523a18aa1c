import matter from 'gray-matter';
import YAML from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The document with the front-matter block blanked out (newlines kept), so offsets stay those of the file. */
  body: string;
  /** Number of characters the front-matter block takes at the start of the text (0 when there is none). */
  length: number;
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

/** gray-matter with YAML parsed by `yaml` and every code-executing engine replaced by a refusal. */
const OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: {
      parse: (input: string): object => {
        const doc = YAML.parseDocument(input, { prettyErrors: false, uniqueKeys: true });
        const error = doc.errors[0];
        if (error) {
          const line = (error.linePos?.[0]?.line ?? 1) + 1;
          throw new FrontMatterError(`invalid YAML front matter: ${error.message.split('\n')[0]}`, line, error.linePos?.[0]?.col);
        }
        const value: unknown = doc.toJS({ maxAliasCount: 100 });
        if (value === null || value === undefined) return {};
        if (typeof value !== 'object' || Array.isArray(value)) throw new FrontMatterError('front matter must be a mapping of keys to values', 2, 1);
        return value as object;
      },
      stringify: (): string => {
        throw new Error('not supported');
      },
    },
    js: refuseEngine('js'),
    javascript: refuseEngine('javascript'),
    coffee: refuseEngine('coffee'),
    coffeescript: refuseEngine('coffeescript'),
    cson: refuseEngine('cson'),
    json: refuseEngine('json'),
    toml: refuseEngine('toml'),
  },
} as unknown as matter.GrayMatterOption<string, object>;

/** Read front matter from a text with LF line endings. */
export function readFrontMatter(text: string): FrontMatter {
  if (!text.startsWith('---')) return { data: {}, body: text, length: 0 };
  const firstLineEnd = text.indexOf('\n');
  const opener = (firstLineEnd === -1 ? text : text.slice(0, firstLineEnd)).trim();
  if (!/^---[\w-]*$/.test(opener)) return { data: {}, body: text, length: 0 };
  const language = opener.slice(3).trim().toLowerCase();
  if (language && language !== 'yaml' && language !== 'yml') refuseEngine(language)();
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, OPTIONS);
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    throw new FrontMatterError(`invalid front matter: ${(error as Error).message}`, 1, 1);
  }
  if (parsed.matter === undefined || parsed.content === text) return { data: {}, body: text, length: 0 };
  const length = text.length - parsed.content.length;
  const blank = text.slice(0, length).replace(/[^\n]/g, ' ');
  return { data: parsed.data as Record<string, unknown>, body: blank + parsed.content, length };
}
