/**
 * Normalisation for matching. Every function here keeps the string length unchanged, so an index
 * found in the normalised text is an index in the source text.
 */

const SAME_LENGTH_REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u02BC\u2032´]/g, "'"], // typographic apostrophes → '
  [/[\u00A0\u202F\u2007\u2009\u200A\t]/g, ' '], // no-break and thin spaces → space
  [/[\u201C\u201D\u00AB\u00BB\u201E]/g, '"'], // quotes and guillemets → "
  [/[\u2010\u2011]/g, '-'], // hyphens
  [/[*_~`]/g, ' '], // markdown emphasis markers
];

export function normaliseForMatching(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SAME_LENGTH_REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}

/** Normalise line endings (CRLF and lone CR → LF) and drop a leading BOM. Line numbers are unchanged. */
export function normaliseNewlines(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}

/** Lower case and strip accents, for lexicon keys. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
