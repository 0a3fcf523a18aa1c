/** Keywords as they were first written (regular expressions), the reference for the hand-written reader. */
import { foldForMatching, stripInvisible } from '../../../src/language/normalise.js';

export function referenceKeywords(text: string, stop: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const original = stripInvisible(text.replace(/\[[A-Z0-9-]+\]/g, (m) => ' '.repeat(m.length)));
  const folded = foldForMatching(original);
  for (const match of folded.matchAll(/[a-z][a-z'-]*/g)) {
    let word = match[0];
    let start = match.index ?? 0;
    const elided = /^(?:[ldjmnstc]|qu)'/.exec(word);
    if (elided) {
      word = word.slice(elided[0].length);
      start += elided[0].length;
    }
    if (word.length < 4 || stop.has(word) || /'(?!s$)/.test(word)) continue;
    const stem = word.length > 4 ? word.replace(/(?:'s|s|x)$/, '') : word;
    if (stop.has(stem) || out.has(stem)) continue;
    out.set(stem, original.slice(start, start + word.length).toLowerCase());
  }
  return out;
}
