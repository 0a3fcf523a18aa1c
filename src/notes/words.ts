/** Comparing labels and counting words in notes. */
import { foldAccents } from '../language/normalise.js';

/** Lower case, no accents, single spaces: how labels and names are compared. */
export function labelKey(text: string): string {
  let key = LABEL_KEYS.get(text);
  if (key === undefined) {
    key = foldAccents(text.toLowerCase()).replace(/[\s\u00a0]+/g, ' ').trim();
    if (LABEL_KEYS.size >= 4096) LABEL_KEYS.clear(); // labels repeat (speaker names, tags): a small memo
    LABEL_KEYS.set(text, key);
  }
  return key;
}
const LABEL_KEYS = new Map<string, string>();

/** Words (letter or digit runs; an apostrophe or hyphen between two of them does not split a word). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const letter = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code !== 0x2019 && (code < 0x2000 || code > 0x206f) && (code < 0xd800 || code > 0xdfff) && /\p{L}|\p{N}/u.test(text[i] as string));
    if (letter) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && (code === 39 || code === 0x2019 || code === 45) && i + 1 < text.length && /[\p{L}\p{N}]/u.test(text[i + 1] as string)) {
      // "don't", "peut-être": one word
    } else inWord = false;
  }
  return words;
}

/**
 * Words as white-space-separated tokens, counted in the source without slicing it: a cheap measure of
 * how much each speaker says (countWords is for the talk ratio, where apostrophes and hyphens matter).
 */
export function tokenCount(text: string, start: number, end: number): number {
  let tokens = 0;
  let inToken = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
    if (!space && !inToken) tokens++;
    inToken = !space;
  }
  return tokens;
}
