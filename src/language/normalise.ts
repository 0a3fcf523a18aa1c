/**
 * Normalisation for matching. Every function here keeps the string length unchanged, so an index
 * found in the normalised text is an index in the source text.
 */

/** Typographic punctuation → ASCII, in texts and pattern literals alike: apostrophes → ', no-break and
 * thin spaces → space, quotes and guillemets → ", hyphens → -. */
const PUNCTUATION: Record<string, string> = {};
for (const ch of '\u2018\u2019\u02BC\u2032´') PUNCTUATION[ch] = "'";
for (const ch of '\u00A0\u202F\u2007\u2009\u200A') PUNCTUATION[ch] = ' ';
for (const ch of '\u201C\u201D\u00AB\u00BB\u201E') PUNCTUATION[ch] = '"';
for (const ch of '\u2010\u2011') PUNCTUATION[ch] = '-';

/** Same-length replacements in texts: the punctuation, and tabs and markdown emphasis markers → space. One pass over the text. */
const REPLACEMENTS: Record<string, string> = { ...PUNCTUATION, '\t': ' ', '*': ' ', _: ' ', '~': ' ', '`': ' ' };
const TO_REPLACE = new RegExp(`[${Object.keys(REPLACEMENTS).map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');
const replaceOne = (ch: string): string => REPLACEMENTS[ch] ?? ch;

export function normaliseForMatching(text: string): string {
  return text.replace(TO_REPLACE, replaceOne);
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

/** Zero-width characters and bidirectional controls: invisible, but they split words for a regex. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}

const FOLD_CACHE = new Map<string, string>();
const SPECIAL_FOLDS: Record<string, string> = { œ: 'o', æ: 'a', ß: 's', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

/** One character, lower case and without diacritics, or the character itself when that would change the length. */
export function foldChar(ch: string): string {
  const cached = FOLD_CACHE.get(ch);
  if (cached !== undefined) return cached;
  let out = ch;
  const lower = ch.toLowerCase();
  if (lower.length === 1) {
    out = SPECIAL_FOLDS[lower] ?? lower;
    const base = out.normalize('NFD')[0] ?? out;
    if (base.charCodeAt(0) < 0x80 && /[a-z]/.test(base)) out = base;
  }
  FOLD_CACHE.set(ch, out);
  return out;
}

/**
 * The text that rule and lexicon patterns run on: normalised punctuation, lower case, no diacritics,
 * same length as the input. Patterns are folded the same way when compiled, so they can use JavaScript's
 * fast ASCII \b and no case-insensitive flag (measured: 20 to 40 times faster than Unicode-aware boundaries).
 */
export function foldForMatching(text: string): string {
  // Zero-width and bidirectional controls are dropped (the only case where the length changes:
  // see stripInvisible for the original text to match).
  return foldNormalised(normaliseForMatching(hasInvisible(text) ? stripInvisible(text) : text));
}

/** Whether the text has zero-width or bidirectional controls (which folding drops, changing offsets). */
export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/** foldForMatching for a text already through normaliseForMatching and without invisible characters. */
export function foldNormalised(normalised: string): string {
  // Fast path: lower-case the whole text at once, then fold the few characters outside ASCII. When
  // lower-casing changes the length (İ → i̇), fall back to one character at a time.
  const lower = normalised.toLowerCase();
  if (lower.length === normalised.length) return NON_ASCII.test(lower) ? lower.replace(NON_ASCII_ALL, foldUnit) : lower;
  let out = '';
  for (let i = 0; i < normalised.length; i++) {
    const code = normalised.charCodeAt(i);
    if (code < 0x80) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : normalised[i];
    else if (code >= 0xd800 && code <= 0xdbff) {
      out += normalised.slice(i, i + 2); // a surrogate pair (emoji) stays as it is
      i++;
    } else out += foldChar(normalised[i] as string);
  }
  return out;
}

/** Non-ASCII code units that are not surrogates (a surrogate pair, such as an emoji, stays as it is). */
const NON_ASCII = /[\u0080-\ud7ff\ue000-\uffff]/;
const NON_ASCII_ALL = new RegExp(NON_ASCII.source, 'g');
const foldUnit = (ch: string): string => foldChar(ch);

/** Punctuation replacements that also apply to pattern literals (quotes, apostrophes, spaces — not emphasis). */
export function foldPatternChar(ch: string): string {
  const punctuation = PUNCTUATION[ch];
  if (punctuation !== undefined) return punctuation;
  return ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldChar(ch);
}
