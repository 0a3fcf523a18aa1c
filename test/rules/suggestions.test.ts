/**
 * Suggestions are clean questions: every suggestion any rule makes on any example of any rule is
 * grammatical enough that no question rule flags it, and has no template left in it; a guide made of
 * theme-coverage's own suggestions covers every theme.
 */
import { describe, expect, it } from 'vitest';
import { guideFromQuestion, parseGuide } from '../../src/document/guide.js';
import { lintGuide } from '../../src/rules/engine.js';
import { defaultRuleSet } from '../../src/rules/load.js';
import { LANGS, type Lang } from '../../src/types.js';

const rules = defaultRuleSet();
const QUESTION_RULES = new Set(rules.rules.filter((r) => r.type === 'question').map((r) => r.id));

function suggestions(): Array<{ lang: Lang; text: string; from: string; example: string }> {
  const seen = new Map<string, { lang: Lang; text: string; from: string; example: string }>();
  for (const rule of rules.rules) {
    for (const lang of LANGS) {
      const examples = rule.examples[lang];
      if (!examples) continue;
      for (const example of [...examples.invalid, ...examples.valid]) {
        for (const finding of lintGuide(guideFromQuestion(example, lang, rules), rules)) {
          if (finding.suggestion) seen.set(`${lang}|${finding.suggestion}`, { lang, text: finding.suggestion, from: finding.ruleId, example });
        }
      }
    }
  }
  return [...seen.values()];
}

describe('suggestions', () => {
  const all = suggestions();
  it('are many (every rule suggests something on its examples)', () => expect(all.length).toBeGreaterThan(30));
  it.each(all.map((s) => [s.lang, s.from, s.text, s.example]))('[%s] %s: %j is a clean question', (lang, _from, text, example) => {
    expect(text, example).not.toMatch(lang === 'fr' ? /\{\{|\}\}| {2}|\s[,.]|^\p{Ll}/u : /\{\{|\}\}|\s{2}|\s[,.?!]|^\p{Ll}/u);
    expect(text).toMatch(/[.?!)"»”]$/u);
    const flagged = lintGuide(guideFromQuestion(text, lang as Lang, rules), rules).filter((f) => QUESTION_RULES.has(f.ruleId));
    expect(flagged.map((f) => `${f.ruleId}: ${f.message}`), example).toEqual([]);
  });
});

describe('theme-coverage counts its own suggestions', () => {
  const rule = rules.rules.find((r) => r.id === 'theme-coverage');
  const themes = (rule?.data.themes ?? {}) as Record<string, Record<Lang, { suggestion?: string }>>;
  for (const lang of LANGS) {
    it(`[${lang}] a guide made of the suggested questions covers every theme`, () => {
      const lines = Object.values(themes).map((t) => `- ${t[lang]?.suggestion ?? ''}`);
      expect(lines.length).toBeGreaterThanOrEqual(7);
      const guide = parseGuide('g.md', `# Guide\n\n${lines.join('\n')}\n`, rules, { lang });
      expect(lintGuide(guide, rules).filter((f) => f.ruleId === 'theme-coverage')).toEqual([]);
    });
  }
});
