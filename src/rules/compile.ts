/** Turns the pattern strings of rules/ into RegExps: {{class}} macros from the language pack, folded literals. */
import { foldPatternChar } from '../language/normalise.js';

export class PatternError extends Error {
  constructor(message: string, readonly pattern: string, readonly where: string) {
    super(message);
  }
}

export function expandMacros(source: string, classes: Record<string, string>, where: string): string {
  return source.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = classes[name];
    if (value === undefined) throw new PatternError(`unknown word class {{${name}}}`, source, where);
    return `(?:${value})`;
  });
}

/**
 * Fold a pattern the way foldForMatching folds the text it runs on: literal letters lower case and
 * without diacritics, typographic quotes and apostrophes plain. Escapes (\p{L}, \S, \u00e9…) and
 * group names are kept as written.
 */
export function foldPattern(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 92 /* \\ */) {
      BRACED_ESCAPE.lastIndex = i;
      const escape = BRACED_ESCAPE.exec(source)?.[0] ?? source.slice(i, i + 2);
      out += escape;
      i += escape.length - 1;
      continue;
    }
    if (code === 40 /* ( */) {
      NAMED_GROUP.lastIndex = i;
      const group = NAMED_GROUP.exec(source);
      if (group) {
        out += group[0];
        i += group[0].length - 1;
        continue;
      }
    }
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : source[i];
      continue;
    }
    // A surrogate pair (emoji) is copied whole.
    if (code >= 0xd800 && code <= 0xdbff) {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    out += foldPatternChar(source[i] as string);
  }
  return out;
}

/** Escapes copied as written (sticky: tried at one position). */
const BRACED_ESCAPE = /\\[pPu]\{[^}]*\}|\\k<[^>]+>|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\c[a-zA-Z]/y;
const NAMED_GROUP = /\(\?<(?![=!])[A-Za-z_$][\w$]*>/y;

/**
 * Compile a pattern of rules/ (or of a configuration): word-class macros expanded, literals folded.
 * Patterns run on foldForMatching text, where accented letters are ASCII letters, so JavaScript's \b
 * and \w are right for English and French and no case-insensitive flag is needed. Patterns with named
 * groups get match indices (flag d) so that a suggestion can quote the original words.
 */
export function compilePattern(source: string, classes: Record<string, string>, where: string): RegExp {
  const folded = foldPattern(expandMacros(source, classes, where));
  try {
    return new RegExp(folded, /\(\?<(?![=!])/.test(folded) ? 'du' : 'u');
  } catch (error) {
    throw new PatternError(`invalid pattern: ${(error as Error).message}`, source, where);
  }
}

/** A literal text as a regex source: every metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fill {{name}} placeholders of a message template. Unknown names are left empty. */
export function fillTemplate(template: string, data: Record<string, string | undefined>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (data[name] ?? '').trim());
}
