/**
 * Turns the pattern strings of rules/ into RegExps: expands {{class}} macros from the language pack and
 * makes \b Unicode-aware (JavaScript's \b only knows ASCII letters, so "\bà" would never match).
 */

const WORD = '[\\p{L}\\p{N}_]';
const UNICODE_BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;

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

/** Replace \b (outside character classes) and \w, \W by Unicode-aware equivalents. */
export function unicodeBoundaries(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === 'b' && !inClass) out += UNICODE_BOUNDARY;
      else if (next === 'w') out += inClass ? '\\p{L}\\p{N}_' : WORD;
      else if (next === 'W' && !inClass) out += '[^\\p{L}\\p{N}_]';
      else out += ch + (next ?? '');
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch;
  }
  return out;
}

export function compilePattern(source: string, classes: Record<string, string>, where: string): RegExp {
  const expanded = unicodeBoundaries(expandMacros(source, classes, where));
  try {
    return new RegExp(expanded, 'iu');
  } catch (error) {
    throw new PatternError(`invalid pattern: ${(error as Error).message}`, source, where);
  }
}

/** Fill {{name}} placeholders of a message template. Unknown names are left empty. */
export function fillTemplate(template: string, data: Record<string, string | undefined>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (data[name] ?? '').trim());
}
