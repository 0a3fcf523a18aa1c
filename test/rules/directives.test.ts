import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../src/document/guide.js';
import { applyDirectives, parseDirectives } from '../../src/rules/directives.js';
import { lintGuide } from '../../src/rules/engine.js';
import { defaultRuleSet } from '../../src/rules/load.js';

const rules = defaultRuleSet();

function lint(path: string, text: string): Array<[number, string]> {
  const guide = parseGuide(path, text, rules, { lang: 'en' });
  const directives = parseDirectives(guide.source, guide.format === 'markdown' ? 'html' : 'hash');
  return applyDirectives(lintGuide(guide, rules, { rules: { 'missing-why': { severity: 'off' }, 'theme-coverage': { severity: 'off' } } }), directives).kept.map((f) => [f.line, f.ruleId]);
}

describe('inline directives', () => {
  it('parses ids, several ids, no id, and a reason after --', () => {
    const d = parseDirectives('<!-- interview-lint-disable closed-question, leading-question -- consent -->\n<!-- interview-lint-enable -->\n');
    expect(d.map((x) => [x.kind, x.rules, x.line, x.column])).toEqual([
      ['disable', ['closed-question', 'leading-question'], 1, 1],
      ['enable', null, 2, 1],
    ]);
  });
  it('switches rules off for the next line, for a block, and back on (markdown)', () => {
    const text = '<!-- interview-lint-disable-next-line closed-question -->\n- Is it okay to record?\n- Is it fast?\n<!-- interview-lint-disable -->\n- Would you buy it?\n<!-- interview-lint-enable hypothetical-question -->\n- Would you pay?\n';
    expect(lint('g.md', text)).toEqual([
      [3, 'closed-question'],
      [7, 'hypothetical-question'],
    ]);
  });
  it('reads # comments in YAML and text guides', () => {
    expect(lint('g.yaml', 'questions:\n  # interview-lint-disable-next-line closed-question\n  - text: Is it okay to record?\n  - text: Is it fast?\n')).toEqual([[4, 'closed-question']]);
    expect(lint('g.txt', 'Is it okay to record?  # interview-lint-disable-line\nIs it fast?\n')).toEqual([[2, 'closed-question']]);
  });
  it('reports the directives that switched nothing off', () => {
    const guide = parseGuide('g.md', '<!-- interview-lint-disable-next-line leading-question -->\n- Tell me about it.\n', rules, { lang: 'en' });
    const { unused } = applyDirectives(lintGuide(guide, rules), parseDirectives(guide.source, 'html'));
    expect(unused.map((d) => [d.line, d.rules])).toEqual([[1, ['leading-question']]]);
  });
});
