/** Usage and configuration mistakes: each is one clear, located message and exit code 2 (in-process CLI). */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/in-process.js';
import { tempFolder } from '../helpers/temp-folder.js';

function tempRepo(files: Record<string, string>): string {
  return tempFolder(files, { git: true, prefix: 'il-usage-' });
}

const GUIDE = '# Onboarding\n\n- Tell me about the last time you planned a trip.\n  - Why?\n';

describe('usage errors', () => {
  it.each([
    [[], /^error: no command given; the commands are lint, analyze, inspect, rules, init\n\(run "interview-lint --help" for usage\)\n$/],
    [['nosuch'], /^error: unknown command 'nosuch'\n\(run "interview-lint --help" for usage\)\n$/],
    [['help', 'nosuch'], /^error: unknown command 'nosuch'\n\(run "interview-lint --help" for usage\)\n$/],
    [['lint', '--format', 'xml'], /^error: option .* argument 'xml' is invalid\. Allowed choices are stylish, json, sarif, github, compact\.\n\(run "interview-lint --help" for usage\)\n$/],
    [['lint', '--no-such-option'], /^error: unknown option '--no-such-option'\n\(run "interview-lint --help" for usage\)\n$/],
  ])('%j exits 2 with one line and a --help hint', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('help, --help and --version still exit 0', async () => {
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['help', 'lint'])).stdout).toMatch(/^Usage: interview-lint lint/);
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('directives that name no rule', () => {
  it('are errors at the position of the misspelt id, with the rule meant', async () => {
    const dir = tempRepo({ 'guide.md': `${GUIDE}<!-- interview-lint-disable-next-line closed-questoin, leading-question -->\n- Do you like it?\n` });
    const r = await cli(['lint', 'guide.md', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const messages = JSON.parse(r.stdout).files[0].messages as Array<Record<string, unknown>>;
    expect(messages.find((m) => m.ruleId === 'unknown-rule-directive')).toEqual({
      ruleId: 'unknown-rule-directive',
      severity: 'error',
      message: 'Unknown rule "closed-questoin" in a directive; did you mean "closed-question"?',
      line: 5,
      column: 39,
      endLine: 5,
      endColumn: 54,
      text: 'closed-questoin',
      suggestion: 'closed-question',
    });
    // The misspelt id switched nothing off; the one spelt right did.
    expect(messages.some((m) => m.ruleId === 'closed-question' && m.line === 6)).toBe(true);
    expect(messages.some((m) => m.ruleId === 'leading-question' && m.line === 6)).toBe(false);
  });

  it('are reported by analyze among the interviewer checks, in French for French notes', async () => {
    const dir = tempRepo({ 'note.md': '---\nlang: fr\n---\n<!-- interview-lint-disable toutes-les-regles -->\nQ : Racontez-moi votre dernier voyage.\nR : C’était long, j’ai perdu deux heures.\n' });
    const r = await cli(['analyze', 'note.md', '--format', 'compact'], dir);
    expect(r.stdout).toContain('note.md:4:29: error Règle inconnue « toutes-les-regles » dans une directive (voir « interview-lint rules »). [unknown-rule-directive]');
  });
});

describe('rule options', () => {
  it.each([
    ['missing-why: [warning, {scope: everything}]', 'missing-why option "scope" must be one of "section", "question"', 2, 27],
    ['missing-why: {severity: warning, options: {scope: 3}}', 'missing-why option "scope" must be one of "section", "question"', 2, 46],
    ['theme-coverage: [warning, {themes: [needs, feelings]}]', 'theme-coverage option "themes" [1] must be one of "needs", "problems", "emotions", "improvements", "context", "alternatives", "criteria"', 2, 30],
    ['theme-coverage: [warning, {minQuestions: -1}]', 'theme-coverage option "minQuestions" must be >= 0', 2, 30],
    ['theme-coverage: [warning, {minQuestions: 2.5}]', 'theme-coverage option "minQuestions" must be an integer', 2, 30],
    ['missing-why: [warning, {depth: 2}]', 'missing-why has no option "depth" (options: scope)', 2, 27],
  ])('%s is refused at its position', async (setting, message, line, column) => {
    const dir = tempRepo({ '.interviewlintrc.yaml': `rules:\n  ${setting}\n`, 'guide.md': GUIDE });
    const r = await cli(['lint', 'guide.md', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).fileErrors).toEqual([{ path: '.interviewlintrc.yaml', message, line, column }]);
  });

  it('valid options are taken', async () => {
    const dir = tempRepo({ '.interviewlintrc.yaml': 'rules:\n  missing-why: [warning, {scope: question}]\n  theme-coverage: [warning, {themes: [needs], minQuestions: 0}]\n', 'guide.md': GUIDE });
    expect((await cli(['lint', 'guide.md'], dir)).code).toBe(0);
  });
});

describe('JSON configuration', () => {
  it('a duplicate key is a located error, in .interviewlintrc.json and in package.json', async () => {
    let dir = tempRepo({ '.interviewlintrc.json': '{\n  "rules": {\n    "closed-question": "off",\n    "closed-question": "error"\n  }\n}\n', 'guide.md': GUIDE });
    let r = await cli(['lint', 'guide.md', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).fileErrors).toEqual([{ path: '.interviewlintrc.json', message: 'invalid JSON: duplicate key (Map keys must be unique)', line: 4, column: 5 }]);
    dir = tempRepo({ 'package.json': '{ "name": "x",\n  "interview-lint": { "lang": "en", "lang": "fr" } }\n', 'guide.md': GUIDE });
    r = await cli(['lint', 'guide.md', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).fileErrors[0]).toMatchObject({ path: 'package.json', line: 2, column: 37 });
  });
});

describe('init', () => {
  it('refuses to write a second configuration beside one of another kind, even with --force', async () => {
    for (const [name, content] of [
      ['.interviewlintrc.json', '{ "lang": "en" }\n'],
      ['.interviewlintrc.yml', 'lang: en\n'],
      ['package.json', '{ "name": "x", "interview-lint": { "lang": "en" } }\n'],
    ] as const) {
      const dir = tempRepo({ [name]: content });
      const r = await cli(['init', '--force', '--lang', 'en'], dir);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(/a configuration already exists here/);
      expect(existsSync(join(dir, '.interviewlintrc.yaml'))).toBe(false);
    }
  });

  it('writes the starter, refuses to overwrite it, and overwrites it with --force', async () => {
    const dir = tempRepo({ 'package.json': '{ "name": "x" }\n' });
    expect((await cli(['init', '--lang', 'fr'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, '.interviewlintrc.yaml'), 'utf8')).toContain('lang: fr');
    const again = await cli(['init', '--lang', 'en'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; use --force/);
    expect((await cli(['init', '--force', '--lang', 'en'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, '.interviewlintrc.yaml'), 'utf8')).toContain('lang: en');
  });
});

describe('configuration scope', () => {
  it('stops at the repository root: a configuration above it is not used, and a notice names it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'il-scope-'));
    writeFileSync(join(parent, '.interviewlintrc.yaml'), 'rules:\n  closed-question: off\n  hypothetical-question: off\n');
    const repo = join(parent, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'guides'));
    writeFileSync(join(repo, 'guides/g.md'), '- Would you pay for it?\n');
    const r = await cli(['lint', 'guides', '--format', 'compact'], repo);
    expect(r.stdout).toContain('[hypothetical-question]');
    expect(r.stderr).toContain(`not using ${join(parent, '.interviewlintrc.yaml')}: it is above the repository root (name it with --config to use it)`);
    const named = await cli(['lint', 'guides', '--format', 'compact', '--config', join(parent, '.interviewlintrc.yaml')], repo);
    expect(named.stdout).not.toContain('[hypothetical-question]');
  });

  it('without a repository, stops at the working directory', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'il-scope-'));
    writeFileSync(join(parent, '.interviewlintrc.yaml'), 'rules:\n  hypothetical-question: off\n');
    const work = join(parent, 'work');
    mkdirSync(join(work, 'guides'), { recursive: true });
    writeFileSync(join(work, 'guides/g.md'), '- Would you pay for it?\n');
    writeFileSync(join(work, 'guides/.interviewlintrc.yaml'), 'rules:\n  closed-question: off\n');
    const r = await cli(['lint', 'guides', '--format', 'compact'], work);
    expect(r.stdout).toContain('[hypothetical-question]');
    expect(r.stdout).not.toContain('[closed-question]');
    expect(r.stderr).toContain('above the working directory');
  });
});

describe('house-rule patterns', () => {
  it('a pattern whose repeated alternatives overlap is refused at load time, at its position', async () => {
    const config = 'customRules:\n  - id: digits\n    severity: warning\n    description: digits\n    languages:\n      en:\n        patterns: ["(?:\\\\d|\\\\d)*x"]\n        message: digits\n';
    const dir = tempRepo({ '.interviewlintrc.yaml': config, 'guide.md': `${GUIDE}- What happened on ${'1'.repeat(28)}?\n` });
    const started = performance.now();
    const r = await cli(['lint', 'guide.md', '--format', 'json'], dir);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).fileErrors[0]).toMatchObject({ path: '.interviewlintrc.yaml', line: 7, message: expect.stringMatching(/unsafe/) });
  });
});
