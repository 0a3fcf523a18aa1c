import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isSafePattern } from '../../src/rules/safety.js';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const RULES = resolve(import.meta.dirname, '../../rules');

/** Every string under a `pattern`, `patterns`, `unless`, `match`, `cues`… key, and the word classes. */
function patternsOf(value: unknown, key = '', out: string[] = []): string[] {
  const isPatternKey = /^(pattern|patterns|unless|match|cues|when|substantive|exempt|prompts|questionStarts|leadIns|why|followUps|alternatives|offeredAnswerCues|en|fr)$/.test(key);
  if (typeof value === 'string' && isPatternKey && key !== 'en' && key !== 'fr') out.push(value);
  else if (Array.isArray(value)) for (const v of value) patternsOf(v, key, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) patternsOf(v, k === 'classes' ? 'pattern' : k, out);
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? yamlFiles(join(dir, d.name)) : d.name.endsWith('.yaml') ? [join(dir, d.name)] : []));
}

describe('built-in patterns', () => {
  it('pass the catastrophic-backtracking check that user patterns must pass too', () => {
    const unsafe: string[] = [];
    let checked = 0;
    for (const file of yamlFiles(RULES)) {
      const data = YAML.parse(readFileSync(file, 'utf8'));
      // Category cue lists of the emotion lexicon are under categories.<name>.<lang>.
      const extra = Object.values((data?.categories ?? {}) as Record<string, Record<string, unknown>>).flatMap((c) => [...((c.en as string[]) ?? []), ...((c.fr as string[]) ?? [])]);
      for (const pattern of [...patternsOf(data), ...extra]) {
        checked++;
        if (!isSafePattern(pattern)) unsafe.push(`${file.slice(RULES.length + 1)}: ${pattern}`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(unsafe).toEqual([]);
  });
});

describe('the pattern check', () => {
  it('rejects nested repetition and accepts optional groups, look-behinds and Unicode classes', () => {
    expect(isSafePattern('(a+)+$')).toBe(false);
    expect(isSafePattern('(\\w+\\s?)*$')).toBe(false);
    expect(isSafePattern('^(?:please\\s+)?tell me\\b')).toBe(true);
    expect(isSafePattern('(?<![\\p{L}])word(?<rest>[^?]+)')).toBe(true);
  });
});

describe('repeated alternatives that overlap', () => {
  it.each(['(?:\\d|\\d)*x', '(a|aa)+$', '(\\w|\\d)*!', '(?:.|\\s)*end', '(a|)*b', '(?:ab|abab)+c', '(?:[a-z]|x)+1'])('refuses %s', (pattern) => {
    expect(isSafePattern(pattern)).toBe(false);
  });
  it.each(['(?: really| just| still)* need', '(?:me |m\'|nous |nous en )*dire', '(?:a|b)+c', '\\b(?:very|really)\\b'])('accepts %s', (pattern) => {
    expect(isSafePattern(pattern)).toBe(true);
  });
  it('the refused pattern would indeed take exponential time', () => {
    const started = performance.now();
    /(?:\d|\d)*x/.test('1'.repeat(22));
    expect(performance.now() - started).toBeGreaterThan(5); // 2^22 steps: measurable, and doubling per digit
  });
});
