import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../src/document/guide.js';
import { lintGuide } from '../../src/rules/engine.js';
import { defaultRuleSet } from '../../src/rules/load.js';
import { LANGS } from '../../src/types.js';

const rules = defaultRuleSet();

describe('every rule is complete', () => {
  for (const rule of rules.rules) {
    it(`${rule.id} has metadata, messages and examples in both languages`, () => {
      for (const lang of LANGS) {
        expect(rule.description[lang].length).toBeGreaterThan(10);
        expect(rule.rationale[lang].length).toBeGreaterThan(40);
        expect(rule.languages[lang]?.message).toBeTruthy();
        expect(rule.examples[lang]?.invalid.length ?? 0).toBeGreaterThan(0);
        expect(rule.examples[lang]?.valid.length ?? 0).toBeGreaterThan(0);
      }
    });
  }
});

describe('rule examples run as tests', () => {
  for (const rule of rules.rules) {
    for (const lang of LANGS) {
      const examples = rule.examples[lang] ?? { invalid: [], valid: [] };
      for (const text of examples.invalid) {
        it(`${rule.id} [${lang}] flags: ${text.split('\n')[0]}`, () => {
          const guide = parseGuide(`example.md`, text, rules, { lang });
          const ids = lintGuide(guide, rules).map((f) => f.ruleId);
          expect(ids).toContain(rule.id);
        });
      }
      for (const text of examples.valid) {
        it(`${rule.id} [${lang}] accepts: ${text.split('\n')[0]}`, () => {
          const guide = parseGuide(`example.md`, text, rules, { lang });
          const ids = lintGuide(guide, rules).map((f) => f.ruleId);
          expect(ids).not.toContain(rule.id);
        });
      }
    }
  }
});
