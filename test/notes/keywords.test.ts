/** Theme keywords: the hand-written word reader gives exactly what the regular-expression version gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywords, loadStopwords } from '../../src/notes/themes.js';
import { referenceKeywords } from './reference/keywords-reference.js';

const pieces = [
  'process', 'Process', 'inbox', 'inboxes', 'boxes', "team's", 'teams', 'tableaux', 'l’outil', "l'outil", "qu'elle", "d'accord", "j'ai",
  'Élodie', 'problème', 'ŒUVRE', 'straße', 'naïve', 'well-known', "'quoted'", '-dash', 'AI', '[REDACTED]', '[P-1]', '[x]', '\u200b', '\u00ad',
  'the', 'and', 'les', 'des', 'with', 'avec', 'pour', 'pass', 'glass', 'boss', 'x', 's', "'s", "l'", "qu'", '12', 'ok', ' ', ' ', '\n', ',', '.', '!',
];
const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

describe('keywords', () => {
  it('reads the words of an extract as the regular-expression version does', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('en' as const, 'fr' as const), (t, lang) => {
        expect([...keywords(t, lang)]).toEqual([...referenceKeywords(t, loadStopwords()[lang])]);
      }),
      { numRuns: 3000 },
    );
  });

  it('drops plurals, possessives, elided articles and stop words, and keeps the first surface form', () => {
    expect([...keywords("The team's inboxes, l'outil and the Inbox", 'en')]).toEqual([
      ['team', "team's"],
      ['inboxe', 'inboxes'],
      ['outil', 'outil'],
      ['inbo', 'inbox'], // -x is a plural in French; the stem is only a grouping key
    ]);
  });
});
