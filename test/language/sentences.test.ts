import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/language/detect.js';
import { splitSentences } from '../../src/language/sentences.js';

const split = (t: string): string[] => splitSentences(t).map((r) => t.slice(r.start, r.end));

describe('splitSentences', () => {
  it('splits questions on one line', () => {
    expect(split('What is your job? What do you do all day?')).toEqual(['What is your job?', 'What do you do all day?']);
  });
  it('keeps abbreviations together (EN and FR)', () => {
    expect(split('E.g. do you use Dr. Smith’s tool? Yes.')).toEqual(['E.g. do you use Dr. Smith’s tool?', 'Yes.']);
    expect(split('M. Dupont, p. ex. le comptable, est-il là ? Oui.')).toEqual(['M. Dupont, p. ex. le comptable, est-il là ?', 'Oui.']);
  });
  it('handles French spacing before ? and guillemets', () => {
    expect(split('Pourquoi\u00a0? « Comment\u202f? » Et ensuite ?')).toEqual(['Pourquoi\u00a0?', '« Comment\u202f? »', 'Et ensuite ?']);
  });
  it('returns ranges inside the text, in order, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        let last = 0;
        for (const r of splitSentences(text)) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(r.end).toBeLessThanOrEqual(text.length);
          last = r.end;
        }
      }),
    );
  });
});

describe('detectLanguage', () => {
  it('tells English from French on short questions', () => {
    expect(detectLanguage('How did that make you feel?')).toBe('en');
    expect(detectLanguage('Combien de personnes travaillent avec vous ?')).toBe('fr');
    expect(detectLanguage('Racontez-moi la dernière fois.')).toBe('fr');
  });
});
