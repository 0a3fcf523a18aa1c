/**
 * REFERENCE COPY for tests: the character-by-character splitter that src/language/sentences.ts replaced
 * with a faster scan (the word lists are the splitter's own). The property test checks that both give the
 * same ranges.
 *
 * A regex sentence splitter for English and French (research/nlp.md §2c: a hand-written splitter with
 * abbreviation lists beats the libraries on interview text, at about 35 MB/s).
 * It returns offsets into the given text, so positions stay exact.
 */

import { ABBREVIATIONS, CLOSERS, TERMINATORS, type SentenceRange } from '../../../src/language/sentences.js';

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

function previousWord(text: string, dotIndex: number): string {
  let i = dotIndex;
  while (i > 0 && /[\p{L}.\-°]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, dotIndex).toLowerCase();
}

function startsLikeSentence(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Lu}\d"«“¿¡(\[]/u.test(ch);
}

/** Split `text` into sentence ranges (whitespace trimmed, empty ranges dropped). */
export function referenceSplitSentences(text: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) ranges.push({ start: s, end: e });
    start = end;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n' && text[i + 1] === '\n') {
      push(i);
      continue;
    }
    if (!TERMINATORS.has(ch)) continue;
    // Runs of terminators ("?!", "...", "?»") end together.
    let j = i + 1;
    while (j < text.length && (TERMINATORS.has(text[j] as string) || CLOSERS.has(text[j] as string))) j++;
    // French typography puts a (no-break) space before the closing guillemet: "« Comment ? »".
    const spacedCloser = /^[ \u00a0\u202f]+»/u.exec(text.slice(j, j + 4));
    if (spacedCloser) j += spacedCloser[0].length;
    if (j < text.length && !isSpace(text[j])) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < text.length && isSpace(text[k])) k++;
    const next = text[k];
    const isEllipsis = ch === '…' || text.slice(i, i + 3) === '...';
    if (ch === '.' && !isEllipsis) {
      const word = previousWord(text, i);
      const single = /^\p{L}$/u.test(word);
      if (ABBREVIATIONS.has(word.replace(/\.$/, '')) || (single && /\p{Lu}/u.test(text[i - 1] ?? ''))) {
        i = j - 1;
        continue;
      }
      if (next !== undefined && !startsLikeSentence(next)) {
        i = j - 1;
        continue;
      }
    } else if (isEllipsis && next !== undefined && !startsLikeSentence(next)) {
      i = j - 1;
      continue;
    }
    push(j);
    i = j - 1;
  }
  push(text.length);
  return ranges;
}
