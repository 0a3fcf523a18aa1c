/**
 * A merged prefilter matches exactly where one of its patterns matches: checked for every pattern list
 * the tool merges (question rules, prompts and question starts, lexicons, emotion categories) on every line of the fixtures, the
 * dev notes and guides, and the rule examples.
 */
import { describe, expect, it } from 'vitest';
import { loadNotesRules } from '../../src/notes/load.js';
import { defaultRuleSet } from '../../src/rules/load.js';
import { mergeAlternatives, prefilter, topLevelAlternatives } from '../../src/rules/prefilter.js';
import { LANGS } from '../../src/types.js';
import { patternTexts } from '../helpers/pattern-texts.js';

const ruleSet = defaultRuleSet();
const notes = loadNotesRules(undefined, new Map());
const texts = patternTexts(ruleSet, notes);

const lists: Array<[string, RegExp[]]> = [];
for (const lang of LANGS) {
  for (const rule of ruleSet.rules) {
    const match = rule.languages[lang]?.match ?? [];
    lists.push([`${rule.id} ${lang} questions`, match.filter((m) => m.target === 'question').map((m) => m.regex)]);
    lists.push([`${rule.id} ${lang} items`, match.filter((m) => m.target === 'item').map((m) => m.regex)]);
  }
  const pack = ruleSet.packs[lang];
  lists.push([`prompts ${lang}`, pack.prompts], [`question starts ${lang}`, pack.questionStarts]);
  lists.push([`all question rules ${lang}`, ruleSet.rules.flatMap((r) => (r.languages[lang]?.match ?? []).filter((m) => m.target === 'question').map((m) => m.regex))]);
  for (const lexicon of notes.lexicons) {
    lists.push([`${lexicon.kind} ${lang}`, lexicon.categories.length > 0 ? lexicon.categories.flatMap((c) => c.patterns[lang]) : lexicon.patterns[lang]]);
    lists.push([`${lexicon.kind} ${lang} unless`, lexicon.unless[lang]]);
    for (const category of lexicon.categories) lists.push([`${lexicon.kind}/${category.name} ${lang}`, category.patterns[lang]]);
  }
}

describe('prefilter', () => {
  it('splits at top-level bars only', () => {
    expect(topLevelAlternatives('a|(b|c)|[|]|\\||d')).toEqual(['a', '(b|c)', '[|]', '\\|', 'd']);
  });

  it('tests a shared opening once', () => {
    expect(mergeAlternatives(['\\bfoo', '\\bbar', '(?:^|, )x', '(?:^|, )y', '(a)?z', '(?=q)r'])).toBe('\\b(?:foo|bar)|(?:^|, )(?:x|y)|(?:(a)?z)|(?:(?=q)r)');
  });

  it('matches exactly where one of its patterns matches', () => {
    expect(texts.length).toBeGreaterThan(1000);
    let checked = 0;
    let matched = 0;
    for (const [name, patterns] of lists) {
      const merged = prefilter(patterns);
      if (patterns.length === 0 || !merged) continue;
      for (const text of texts) {
        const expected = patterns.some((p) => p.test(text));
        if (merged.test(text) !== expected) expect.fail(`${name}: prefilter says ${!expected} on "${text}"`);
        checked++;
        if (expected) matched++;
      }
    }
    expect(checked).toBeGreaterThan(50000);
    expect(matched).toBeGreaterThan(1000);
  });
});
