/**
 * Required literals and the literal scanner: a pattern is skipped only when the text lacks all its
 * literals, so a literal that a match could lack would silently lose findings. Checked on examples, on
 * random patterns and texts (fast-check), and on every pattern the tool ships against the fixtures, the
 * rule files and the dev notes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadNotesRules } from '../../src/notes/load.js';
import { WHITE_SPACE, isWhiteSpaceCode } from '../../src/language/white-space.js';
import { ANALYSIS_VERSION, analyseLiterals, memoKey, requiredLiterals } from '../../src/rules/anchors.js';
import { LiteralScanner, PatternIndex } from '../../src/rules/literal-scanner.js';
import { defaultRuleSet } from '../../src/rules/load.js';
import { LANGS } from '../../src/types.js';
import { patternTexts } from '../helpers/pattern-texts.js';

const literals = (source: string, flags = 'u', min?: number): string[] | undefined => requiredLiterals(new RegExp(source, flags), min);

describe('requiredLiterals', () => {
  it('finds the words a pattern cannot match without', () => {
    expect(literals('\\bfrustrat\\w*')).toEqual(['frustrat']);
    expect(literals('\\b(?:fed up|sick (?:and tired )?of)\\b')).toEqual(['fed up', 'sick and tired of', 'sick of']);
    expect(literals('\\b(?:i|we) (?:really )?need\\b')).toEqual(['i need', 'i really need', 'we need', 'we really need']);
    expect(literals('prioriti[sz]e')).toEqual(['prioritise', 'prioritize']);
    expect(literals('(?<verb>want|need)(?= to)')).toEqual(['need', 'want']);
  });

  it('picks the most selective part of a sequence', () => {
    // "we" and "i" are too short to scan for; the verbs are not.
    expect(literals('\\b(?:i|we)\\s+\\w+ (?:needed|wanted)\\b')).toEqual([' needed', ' wanted']);
    expect(literals('a+bcd')).toEqual(['abcd']);
    expect(literals('(?:abc){2,}x')).toEqual(['abcx']);
    // White space counts as a space: the scanner reads tabs, line breaks and no-break spaces as one.
    expect(literals('^(?:is|are)\\s+(?:there|it)\\b')).toEqual(['are ', 'is ']);
  });

  it('gives up where a match could lack every literal', () => {
    expect(literals('\\b(?:need|\\w+)\\b')).toBeUndefined();
    expect(literals('(?:need)?\\w+')).toBeUndefined();
    expect(literals('.*')).toBeUndefined();
    expect(literals('[^abc]+')).toBeUndefined();
    expect(literals('(a+)\\1')).toBeUndefined();
    expect(literals('need', 'iu')).toBeUndefined(); // case-insensitive: not modelled
    expect(literals('need', '')).toBeUndefined(); // not a u pattern: not modelled
    expect(literals('is|are')).toBeUndefined(); // "is" is too common to pay for a scan
  });

  it('keeps emoji and escaped characters whole', () => {
    expect(literals('😡|😠')).toEqual(['😠', '😡']);
    expect(literals('e\\.g\\.')).toEqual(['e.g.']);
    expect(literals('\\bc\\+\\+\\b')).toEqual(['c++']);
  });

  // Random patterns over a small alphabet, random texts: wherever the pattern matches, the match
  // contains one of the literals.
  const atom = fc.oneof(
    fc.constantFrom('a', 'b', 'c', ' ', '\\b', '\\s', '.', '[ab]', '[^a]', '\\w', '^', '$', '(?=a)', '(?!b)', '(?<=c)', '\\.'),
    fc.constantFrom('ab', 'abc', 'ba', 'cab'),
  );
  const pattern: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('node'), tie('node')).map(([x, y]) => x + y),
      fc.tuple(tie('node'), tie('node')).map(([x, y]) => `(?:${x}|${y})`),
      fc.tuple(tie('node'), fc.constantFrom('?', '*', '+', '{2}', '{1,3}', '{0,2}', '+?')).map(([x, q]) => `(?:${x})${q}`),
      tie('node').map((x) => `(${x})`),
    ),
  })).node;
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '.', '\n'), maxLength: 30 });

  it('never claims a literal that a match lacks (random patterns)', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        const regex = new RegExp(source, 'u');
        const required = requiredLiterals(regex, 1);
        if (!required) return;
        for (const t of texts) {
          const match = regex.exec(t);
          if (match) expect(required.some((l) => match[0].replace(/\s/g, ' ').includes(l)), `${source} on ${JSON.stringify(t)} gave ${JSON.stringify(match[0])}, literals ${JSON.stringify(required)}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('LiteralScanner', () => {
  it('reads as a space exactly the characters \\s matches', () => {
    const all: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const space = /\s/u.test(String.fromCharCode(code));
      if (space) all.push(String.fromCharCode(code));
      if (isWhiteSpaceCode(code) !== space) throw new Error(`isWhiteSpaceCode(${code}) should be ${space}`);
    }
    expect(all.join('')).toBe(WHITE_SPACE);
    const found: number[] = [];
    new LiteralScanner(['is there']).scan('is\u00a0there', 0, 11, (id) => found.push(id));
    expect(found).toEqual([0]);
  });

  it('finds exactly the literals that occur, overlapping or nested', () => {
    const words = ['he', 'she', 'his', 'hers', 'ushe'];
    const found = new Set<number>();
    new LiteralScanner(words).scan('ushers', 0, 6, (id) => found.add(id));
    expect([...found].map((id) => words[id]).sort()).toEqual(['he', 'hers', 'she', 'ushe']);
  });

  it('reports every literal that differs only in white space', () => {
    const found = new Set<number>();
    new LiteralScanner(['we need', 'we\tneed', 'need']).scan('so we need it', 0, 13, (id) => found.add(id));
    expect([...found].sort()).toEqual([0, 1, 2]);
  });

  it('scans only the range it is given', () => {
    const found: number[] = [];
    new LiteralScanner(['need']).scan('we need it; they need', 0, 5, (id) => found.push(id));
    expect(found).toEqual([]);
  });

  it('agrees with includes() on random literal sets and texts', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'é', '😡', ' ');
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit, minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.string({ unit, maxLength: 40 }), (words, t) => {
        const found = new Set<number>();
        new LiteralScanner(words).scan(t, 0, t.length, (id) => found.add(id));
        const expected = words.map((w, i) => (t.includes(w) ? i : -1)).filter((i) => i >= 0);
        expect([...found].sort((x, y) => x - y)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('PatternIndex on the patterns the tool ships', () => {
  const ruleSet = defaultRuleSet();
  const notes = loadNotesRules(undefined, new Map());
  const texts = patternTexts(ruleSet, notes);

  for (const lang of LANGS) {
    const patterns = [
      ...ruleSet.rules.flatMap((r) => (r.languages[lang]?.match ?? []).map((m) => m.regex)),
      ...notes.lexicons.flatMap((x) => [...x.patterns[lang], ...x.unless[lang], ...x.categories.flatMap((c) => c.patterns[lang])]),
    ];
    it(`marks every ${lang} pattern that matches a line (${patterns.length} patterns)`, () => {
      const index = new PatternIndex(patterns);
      let matched = 0;
      for (const t of texts) {
        index.mark(t);
        for (const [p, regex] of patterns.entries()) {
          if (!regex.test(t)) continue;
          matched++;
          expect(index.has(p), `${regex.source} matches ${JSON.stringify(t)}`).toBe(true);
        }
      }
      expect(matched).toBeGreaterThan(1000);
    });

    it(`has the build's literals for every ${lang} pattern, the same as the analysis gives`, () => {
      const built = JSON.parse(readFileSync('dist/anchors-data.json', 'utf8')) as { version: number; literals: Record<string, string[] | null> };
      expect(built.version).toBe(ANALYSIS_VERSION);
      for (const regex of patterns) {
        expect(built.literals[memoKey(regex)], regex.source).toEqual(analyseLiterals(regex) ?? null);
        expect(requiredLiterals(regex)).toEqual(analyseLiterals(regex));
      }
    });

    it(`gives most ${lang} lexicon patterns a literal`, () => {
      const lexicon = notes.lexicons.flatMap((x) => [...x.patterns[lang], ...x.categories.flatMap((c) => c.patterns[lang])]);
      const without = lexicon.filter((r) => !requiredLiterals(r));
      expect(without.length).toBeLessThanOrEqual(lexicon.length / 20);
    });
  }
});
