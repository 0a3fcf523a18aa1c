/**
 * Fixture guides with inline expectations, in the style of markdownlint's: each line of
 * fixtures/guides-expected/*.md ends with `<!-- expect: rule, rule -->` naming the question-rule
 * findings it must get; a line without a marker must get none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../src/document/guide.js';
import { lintGuide } from '../../src/rules/engine.js';
import { defaultRuleSet } from '../../src/rules/load.js';

const DIR = resolve(import.meta.dirname, '../../fixtures/guides-expected');
const rules = defaultRuleSet();
const QUESTION_RULES = new Set(rules.rules.filter((r) => r.type === 'question').map((r) => r.id));
const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/u;

describe('fixture guides with inline expectations', () => {
  const files = readdirSync(DIR).filter((n) => n.endsWith('.md')).sort();
  it('has fixtures in both languages', () => expect(files.some((f) => f.startsWith('en-')) && files.some((f) => f.startsWith('fr-'))).toBe(true));
  it.each(files)('%s', (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const want = new Map<number, string[]>();
    text.split('\n').forEach((line, i) => {
      const m = MARKER.exec(line);
      if (m) want.set(i + 1, (m[1] as string).split(',').map((s) => s.trim()).filter(Boolean).sort());
    });
    expect(want.size).toBeGreaterThan(3);
    const got = new Map<number, string[]>();
    for (const f of lintGuide(parseGuide(name, text, rules), rules)) {
      if (!QUESTION_RULES.has(f.ruleId)) continue;
      got.set(f.line, [...new Set([...(got.get(f.line) ?? []), f.ruleId])].sort());
    }
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });
});
