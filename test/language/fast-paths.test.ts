/**
 * The fast paths of the text layer give exactly what the simple versions give: folding for matching
 * (whole-string lower-casing) and the sentence splitter (jumping between candidates).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldChar, foldForMatching, normaliseForMatching, stripInvisible } from '../../src/language/normalise.js';
import { splitSentences } from '../../src/language/sentences.js';
import { referenceSplitSentences } from './reference/sentences-reference.js';

/** Folding one code unit at a time, as it was first written. */
function referenceFold(text: string): string {
  const normalised = normaliseForMatching(stripInvisible(text));
  let out = '';
  for (let i = 0; i < normalised.length; i++) {
    const code = normalised.charCodeAt(i);
    if (code < 0x80) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : normalised[i];
    else if (code >= 0xd800 && code <= 0xdbff) {
      out += normalised.slice(i, i + 2);
      i++;
    } else out += foldChar(normalised[i] as string);
  }
  return out;
}

const pieces = [
  'Je', 'VOUS', 'Élodie', 'problème', 'ŒUVRE', 'straße', 'İstanbul', 'çà', 'naïve', 'Ωmega', 'œil', 'Ĳ', 'ǅ', 'ﬁ',
  '😀', '👩‍👩‍👧', 'é', 'e\u0301', '\u200b', '\u202e', '\u00ad', '’', '«', '»', '\u00a0', '\u202f', '\t', '*', '_', '`', '~', '-', '\u2011',
  ' ', ' ', ' ', '\n', '\n\n', '.', '...', '…', '?', '!', '?!', '."', '.»', ' »', ')', ']', 'M.', 'Mme', 'p. ex.', 'e.g.', 'Dr.', 'etc.',
  'A.', 'b.', '3.', '°.', 'n°', 'C\'est', '(', '"', '“', '¿', '12', 'x',
];
const text = fc.array(fc.constantFrom(...pieces), { minLength: 4, maxLength: 60 }).map((parts) => parts.join(''));

describe('fast paths', () => {
  it('folds for matching exactly as one code unit at a time', () => {
    fc.assert(fc.property(text, (t) => {
      expect(foldForMatching(t)).toBe(referenceFold(t));
    }), { numRuns: 2000 });
  });

  it('keeps the length of the text without invisible characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (t) => {
      expect(foldForMatching(t).length).toBe(stripInvisible(t).length);
    }), { numRuns: 2000 });
  });

  it('splits sentences exactly as the character-by-character splitter', () => {
    let multi = 0;
    fc.assert(fc.property(text, (t) => {
      const ranges = splitSentences(t);
      if (ranges.length > 1) multi++;
      expect(ranges).toEqual(referenceSplitSentences(t));
    }), { numRuns: 3000 });
    expect(multi).toBeGreaterThan(300); // the generator does produce texts with several sentences
  });
});
