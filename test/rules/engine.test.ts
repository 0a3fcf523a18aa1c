import { describe, expect, it } from 'vitest';
import { guideFromQuestion, parseGuide } from '../../src/document/guide.js';
import { lintGuide } from '../../src/rules/engine.js';
import { defaultRuleSet } from '../../src/rules/load.js';
import type { Lang } from '../../src/types.js';

const rules = defaultRuleSet();
const ids = (text: string, lang: Lang): string[] => lintGuide(guideFromQuestion(text, lang, rules), rules).map((f) => f.ruleId);

describe('question rules', () => {
  it('does not flag polite open requests as closed', () => {
    expect(ids('Can you tell me about the last time you hired someone?', 'en')).not.toContain('closed-question');
    expect(ids('Could you walk me through your morning?', 'en')).not.toContain('closed-question');
    expect(ids('Pouvez-vous me raconter votre dernier recrutement ?', 'fr')).not.toContain('closed-question');
    expect(ids("Est-ce que vous pouvez me donner un exemple ?", 'fr')).not.toContain('closed-question');
  });
  it('flags "can you" about ability as closed', () => {
    expect(ids('Can you hire someone without approval?', 'en')).toContain('closed-question');
    expect(ids('Pouvez-vous modifier votre budget ?', 'fr')).toContain('closed-question');
  });
  it('keeps follow-ups from making a question double-barreled', () => {
    expect(ids('What did you try first? Why?', 'en')).not.toContain('double-barreled');
    expect(ids('Is your team involved? If so, how?', 'en')).not.toContain('double-barreled');
    expect(ids('Votre équipe participe-t-elle ? Si oui, comment ?', 'fr')).not.toContain('double-barreled');
  });
  it('treats a closing "Or …?" as alternatives of one question', () => {
    expect(ids('Are they shot? Are they neglected? Or are they trained?', 'en')).not.toContain('double-barreled');
  });
  it('accepts French typography: no-break space before ?, typographic apostrophes', () => {
    expect(ids('Avez\u2011vous déjà contacté le support\u00a0?', 'fr')).toContain('closed-question');
    expect(ids('Qu’avez-vous ressenti\u202f?', 'fr').filter((id) => id !== 'missing-why')).toEqual([]);
  });
  it('suggests a rewrite that keeps the subject of the question', () => {
    const guide = guideFromQuestion('Do you use spreadsheets to track invoices?', 'en', rules);
    const finding = lintGuide(guide, rules).find((f) => f.ruleId === 'closed-question');
    expect(finding?.suggestion).toContain('use spreadsheets to track invoices');
  });
  it('writes messages in the document language', () => {
    const fr = lintGuide(guideFromQuestion('Utiliseriez-vous cette application ?', 'fr', rules), rules);
    expect(fr.find((f) => f.ruleId === 'hypothetical-question')?.message).toMatch(/hypothétique/);
  });
  it('can turn a rule off', () => {
    const guide = guideFromQuestion('Do you use Excel?', 'en', rules);
    expect(lintGuide(guide, rules, { rules: { 'closed-question': { severity: 'off' } } }).map((f) => f.ruleId)).not.toContain('closed-question');
  });
});

describe('positions', () => {
  it('reports exact line, column and end of each question', () => {
    const text = '# Guide\n\n- What is your job? Do you like it?\n  - Why?\n';
    const findings = lintGuide(parseGuide('g.md', text, rules, { lang: 'en' }), rules).filter((f) => f.ruleId === 'closed-question');
    const liked = findings.find((f) => f.text === 'Do you like it?');
    expect(liked).toMatchObject({ line: 3, column: 21, endLine: 3, endColumn: 36 });
  });
  it('keeps line numbers with CRLF and front matter', () => {
    const text = '---\r\nlang: fr\r\n---\r\n\r\n- Avez-vous un tableur ?\r\n';
    const findings = lintGuide(parseGuide('g.md', text, rules), rules).filter((f) => f.ruleId === 'closed-question');
    expect(findings[0]).toMatchObject({ line: 5, column: 3, endLine: 5, endColumn: 25, text: 'Avez-vous un tableur ?' });
  });
  it('finds positions in YAML guides', () => {
    const text = 'lang: en\nquestions:\n  - text: Do you use Excel?\n    probes:\n      - "Is it fast?"\n';
    const findings = lintGuide(parseGuide('g.yaml', text, rules), rules).filter((f) => f.ruleId === 'closed-question');
    expect(findings.map((f) => [f.line, f.column, f.endColumn])).toEqual([[3, 11, 28], [5, 10, 21]]);
  });
  it('finds positions in text guides, indented lines being probes', () => {
    const text = 'Intro\nDo you use Excel?\n  Why?\n';
    const guide = parseGuide('g.txt', text, rules, { lang: 'en' });
    expect(guide.sections[0]?.items[0]?.probes[0]?.questions[0]?.span).toMatchObject({ line: 3, column: 3 });
  });
  it('reports answers offered by the interviewer once per entry, on the entry, in both languages', () => {
    const en = '1. What gets in your way? If needed, say "For example, does your team":\n   - *not have the right tools*\n   - not have enough time\n';
    const enFindings = lintGuide(parseGuide('g.md', en, rules, { lang: 'en' }), rules).filter((f) => f.ruleId === 'leading-question');
    expect(enFindings.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.text])).toEqual([
      [2, 6, 2, 32, '*not have the right tools*'],
      [3, 6, 3, 26, 'not have enough time'],
    ]);
    const fr = "- Qu'est-ce qui vous gêne ? Au besoin, dites « Par exemple, est-ce que votre équipe » :\n  - n'a pas les bons outils ?\n";
    const frFindings = lintGuide(parseGuide('g.md', fr, rules, { lang: 'fr' }), rules);
    expect(frFindings.filter((f) => f.line === 2).map((f) => f.ruleId).sort()).toEqual(['closed-question', 'leading-question']);
  });
  it('does not treat a plain list of example questions as offered answers', () => {
    const text = '- Can you decide alone? Use these examples:\n  - Can you hire someone?\n';
    const findings = lintGuide(parseGuide('g.md', text, rules, { lang: 'en' }), rules);
    expect(findings.filter((f) => f.line === 2).map((f) => f.ruleId)).toEqual(['closed-question']);
  });
});

describe('quoted questions', () => {
  const lint = (text: string, lang: Lang) => lintGuide(parseGuide('g.md', text, rules, { lang }), rules);
  it.each([
    ['en', '- "Do you use spreadsheets?"\n', 4],
    ['en', '- “Do you use spreadsheets?”\n', 4],
    ['fr', '- « Est-ce que tu utilises un tableur ? »\n', 5],
    ['fr', '1. "Est-ce que vous avez un budget ?"\n', 5],
  ] as const)('[%s] %j is read as the question inside the quotes', (lang, text, column) => {
    const closed = lint(text, lang).find((f) => f.ruleId === 'closed-question');
    expect(closed).toMatchObject({ line: 1, column });
  });
});
