/**
 * A rule tester in the style of ESLint's RuleTester: for one rule and one language, `valid` texts give no
 * finding of the rule, and each `invalid` text gives exactly the listed findings of the rule, with their
 * line, column (and optionally end column), message and suggestion.
 */
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../src/document/guide.js';
import { lintGuide } from '../../src/rules/engine.js';
import { defaultRuleSet } from '../../src/rules/load.js';
import type { Lang } from '../../src/types.js';

export interface ExpectedFinding {
  line: number;
  column: number;
  endColumn?: number;
  /** The message, or a pattern it must match. */
  message?: string | RegExp;
  /** The suggestion, exactly. */
  suggestion?: string;
}

export interface RuleTests {
  valid: string[];
  invalid: Array<{ code: string; errors: ExpectedFinding[] }>;
}

const rules = defaultRuleSet();

export function ruleTester(ruleId: string, tests: Partial<Record<Lang, RuleTests>>): void {
  describe(ruleId, () => {
    for (const [lang, { valid, invalid }] of Object.entries(tests) as Array<[Lang, RuleTests]>) {
      const findings = (code: string) => lintGuide(parseGuide('test.md', code, rules, { lang }), rules).filter((f) => f.ruleId === ruleId);
      for (const code of valid) it(`[${lang}] valid: ${code.split('\n')[0]}`, () => expect(findings(code)).toEqual([]));
      for (const { code, errors } of invalid) {
        it(`[${lang}] invalid: ${code.split('\n')[0]}`, () => {
          const got = findings(code);
          expect(got.length, JSON.stringify(got.map((f) => [f.line, f.column, f.message]))).toBe(errors.length);
          errors.forEach((want, i) => {
            const f = got[i];
            expect(f?.line).toBe(want.line);
            expect(f?.column).toBe(want.column);
            if (want.endColumn !== undefined) expect(f?.endColumn).toBe(want.endColumn);
            if (typeof want.message === 'string') expect(f?.message).toBe(want.message);
            else if (want.message) expect(f?.message).toMatch(want.message);
            if (want.suggestion !== undefined) expect(f?.suggestion).toBe(want.suggestion);
          });
        });
      }
    }
  });
}
