import { describe, expect, it } from 'vitest';
import { optionProblem } from '../../src/config/load-config.js';
import { defaultRuleSet } from '../../src/rules/load.js';

describe('rule option schemas', () => {
  const rules = defaultRuleSet().rules;
  it('every shipped default is valid against its own schema, and every rule with options has a schema for each', () => {
    for (const rule of rules) {
      for (const [key, value] of Object.entries(rule.options)) {
        expect(rule.optionSchema[key], `${rule.id}.${key} has a schema`).toBeDefined();
        expect(optionProblem(rule.optionSchema[key], value), `${rule.id}.${key}`).toBeUndefined();
      }
    }
  });

  it('names what is wrong, item by item', () => {
    expect(optionProblem({ enum: ['a', 'b'] }, 'c')).toBe('must be one of "a", "b"');
    expect(optionProblem({ type: 'array', items: { enum: ['a'] } }, ['a', 'x'])).toBe('[1] must be one of "a"');
    expect(optionProblem({ type: 'integer', minimum: 0 }, -2)).toBe('must be >= 0');
    expect(optionProblem({ type: 'array', uniqueItems: true }, ['a', 'a'])).toMatch(/must NOT have duplicate items/);
  });
});
