import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/interview-lint.js');
const REPO = join(ROOT, 'fixtures/repo');

function run(args: string[], cwd = ROOT, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tempRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'il-cfg-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('a research repo with a configuration, an override and inline disables', () => {
  it('produces exactly the expected findings', () => {
    const r = run(['lint', 'guides', '--format', 'compact', '--report-unused-disable-directives'], REPO);
    expect(r.stdout.trim().split('\n')).toEqual([
      'guides/fr/accueil.md:8:3: warning Question fermée : on peut y répondre par « oui », « non » ou un seul fait. [closed-question]',
      'guides/fr/accueil.md:8:3: error Question orientée : la formulation suggère la réponse attendue. [leading-question]',
      'guides/fr/accueil.md:8:3: error Cette question présente le produit ; interrogez plutôt la personne sur son quotidien. [no-product-pitch]',
      'guides/onboarding.md:13:3: warning Closed question: it can be answered with "yes", "no" or a single fact. [closed-question]',
      'guides/onboarding.md:13:3: error Leading question: the wording suggests the answer you expect. [leading-question]',
      "guides/onboarding.md:13:3: error This question pitches the product; ask about the person's life instead. [no-product-pitch]",
      'guides/onboarding.md:19:3: warning Closed question: it can be answered with "yes", "no" or a single fact. [closed-question]',
      'guides/onboarding.md:19:3: error Hypothetical question: it asks for a prediction, not for something that happened. [hypothetical-question]',
      'guides/screeners/screener.md:4:1: warning Unused directive: "<!-- interview-lint-disable-next-line leading-question -->" switches off no finding (leading-question). [unused-disable-directive]',
    ]);
    expect(r.code).toBe(1);
  });
  it('still reads an ignored file named on the command line', () => {
    const r = run(['lint', 'guides/drafts/half-written.md', '--format', 'compact'], REPO);
    expect(r.stdout).toContain('[leading-question]');
  });
  it('uses --config instead of the files found, and --ignore-pattern', () => {
    const dir = tempRepo({ 'strict.yaml': 'rules:\n  closed-question: error\n' });
    const r = run(['lint', 'guides/screeners', '--config', join(dir, 'strict.yaml'), '--format', 'compact'], REPO);
    expect(r.stdout).toContain('error Closed question');
    const skipped = run(['lint', 'guides', '--ignore-pattern', 'onboarding.md', '--ignore-pattern', 'fr/', '--format', 'compact'], REPO);
    expect(skipped.stdout).toBe('');
  });
});

describe('configuration discovery', () => {
  it('merges configurations up to root: true, the nearest winning, and reads package.json', () => {
    const dir = tempRepo({
      '.interviewlintrc.yaml': 'rules:\n  hypothetical-question: off\n',
      'project/package.json': JSON.stringify({ name: 'x', 'interview-lint': { root: true, rules: { 'closed-question': 'error' } } }),
      'project/guides/.interviewlintrc.json': JSON.stringify({ rules: { 'leading-question': 'off' } }),
      'project/guides/g.md': "- Don't you think it would you pay for it?\n- Would you buy it?\n",
    });
    const r = run(['lint', 'project/guides/g.md', '--format', 'compact'], dir);
    // closed-question: error (package.json), leading off (nearest), hypothetical still on (the root config is above root: true).
    expect(r.stdout).toContain('error Closed question');
    expect(r.stdout).not.toContain('[leading-question]');
    expect(r.stdout).toContain('[hypothetical-question]');
  });
});

describe('invalid configurations are located errors with exit 2', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['unknown rule', 'rules:\n  closed-questions: off\n', /\.interviewlintrc\.yaml:2:3: unknown rule "closed-questions"/],
    ['bad severity', 'rules:\n  closed-question: loud\n', /\.interviewlintrc\.yaml:2:3: rules\.closed-question must be/],
    ['bad YAML', 'rules:\n  closed-question: [off\n', /\.interviewlintrc\.yaml:\d+:\d+: invalid YAML/],
    ['unknown rule option', 'rules:\n  missing-why: [warning, { scop: question }]\n', /\.interviewlintrc\.yaml:2:28: missing-why has no option "scop" \(options: scope\)/],
    ['wrong option type', 'rules:\n  theme-coverage:\n    severity: info\n    options: { minQuestions: "three" }\n', /\.interviewlintrc\.yaml:4:16: theme-coverage option "minQuestions" must be an integer/],
    ['unknown key', 'rulez: {}\n', /\.interviewlintrc\.yaml:1:1: unknown key "rulez"/],
    ['wrong type', 'ignores: drafts\n', /\.interviewlintrc\.yaml:1:1: ignores must be array/],
    ['unsafe regex', 'customRules:\n  - id: slow\n    languages:\n      en:\n        message: m\n        patterns: ["(a+)+$"]\n', /\.interviewlintrc\.yaml:6:20: customRules\.0\.languages\.en\.patterns\.0: the pattern "\(a\+\)\+\$" is unsafe/],
    ['invalid regex', 'customRules:\n  - id: broken\n    languages:\n      en:\n        message: m\n        patterns: ["(unclosed"]\n', /\.interviewlintrc\.yaml:6:20: .*invalid pattern/],
  ];
  for (const [name, config, message] of cases) {
    it(name, () => {
      const dir = tempRepo({ '.interviewlintrc.yaml': config, 'g.md': '- Tell me about your week.\n' });
      for (const format of ['stylish', 'compact']) {
        const r = run(['lint', 'g.md', '--format', format], dir);
        expect(r.code).toBe(2);
        expect(r.stdout.replace(/\n\s+error\s+/, ': ').replace(/: error /, ': ')).toMatch(message);
      }
    });
  }
  it('reports a broken JSON configuration with its line', () => {
    const dir = tempRepo({ '.interviewlintrc.json': '{\n  "rules": {\n    "closed-question": off\n  }\n}\n', 'g.md': '- Why?\n' });
    const r = run(['lint', 'g.md', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).fileErrors[0]).toMatchObject({ path: '.interviewlintrc.json', line: 3 });
  });
  it('locates an error inside the "interview-lint" key of package.json, and ignores a package.json without it', () => {
    const dir = tempRepo({ 'package.json': '{\n  "name": "x",\n  "interview-lint": {\n    "rules": { "closed-questions": "off" }\n  }\n}\n', 'g.md': '- Why?\n' });
    const r = run(['lint', 'g.md', '--format', 'compact'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/package\.json:4:16: .*unknown rule "closed-questions"/);
    const plain = tempRepo({ 'package.json': '{ "name": "x", "scripts": { "test": "vitest" } }\n', 'g.md': '- Did you like it?\n' });
    expect(run(['lint', 'g.md', '--format', 'compact'], plain).stdout).toContain('[closed-question]');
  });
});

describe('output formats', () => {
  const sarifSchema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
  const validateSarif = new ajvDraft04.default({ allErrors: true, strict: false, validateFormats: false }).compile(sarifSchema);

  it('writes SARIF 2.1.0 that validates against the official schema, with rules and exact regions', () => {
    const r = run(['lint', 'guides', '--format', 'sarif'], REPO);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3), null, 2)).toBe(true);
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('no-product-pitch');
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'closed-question');
    expect(rule.help.markdown).toContain('# closed-question');
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'hypothetical-question');
    expect(result).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'guides/onboarding.md' }, region: { startLine: 19, startColumn: 3, endLine: 19, endColumn: 38 } } }] });
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe('hypothetical-question');
  });
  it('writes valid SARIF for the interviewer checks of analyze, and for a run with file errors', () => {
    const analyzed = JSON.parse(run(['analyze', 'fixtures/notes', '--format', 'sarif']).stdout);
    expect(validateSarif(analyzed)).toBe(true);
    expect(analyzed.runs[0].results.length).toBeGreaterThan(0);
    const broken = run(['lint', 'no-such-file.md', '--format', 'sarif']);
    expect(broken.code).toBe(2);
    const sarif = JSON.parse(broken.stdout);
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
  });
  it('writes GitHub workflow commands with escaped properties and messages', () => {
    const r = run(['lint', 'guides', '--format', 'github'], REPO);
    const lines = r.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::\S.*$/);
    expect(lines).toContain("::error file=guides/onboarding.md,line=19,col=3,endLine=19,endColumn=38,title=interview-lint (hypothetical-question)::Hypothetical question: it asks for a prediction, not for something that happened.%0A→ Tell me about the last time you faced this. What did you do?");
    expect(r.code).toBe(1);
  });
  it('gives exit codes 0, 1 and 2 in every format', () => {
    const dir = tempRepo({ 'ok.md': '- Tell me about your week.\n  - Why?\n', 'bad.md': '- Would you buy it?\n' });
    for (const format of ['stylish', 'json', 'sarif', 'github', 'compact']) {
      expect(run(['lint', 'ok.md', '--format', format], dir).code, format).toBe(0);
      expect(run(['lint', 'bad.md', '--format', format], dir).code, format).toBe(1);
      expect(run(['lint', 'missing.md', '--format', format], dir).code, format).toBe(2);
    }
  });
});

describe('init', () => {
  it('writes a valid commented starter without asking when not a TTY, and refuses to overwrite without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-init-'));
    const first = run(['init'], dir);
    expect(first.code).toBe(0);
    const text = readFileSync(join(dir, '.interviewlintrc.yaml'), 'utf8');
    expect(text).toMatch(/^# interview-lint configuration/);
    expect(text).toContain('closed-question: warning');
    writeFileSync(join(dir, 'g.md'), '- Tell me about your week.\n  - Why?\n');
    expect(run(['lint', 'g.md'], dir).code).toBe(0);
    const second = run(['init'], dir);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already exists; use --force/);
    expect(run(['init', '--force', '--lang', 'fr'], dir).code).toBe(0);
    expect(readFileSync(join(dir, '.interviewlintrc.yaml'), 'utf8')).toContain('lang: fr');
    expect(existsSync(join(dir, '.interviewlintrc.yaml'))).toBe(true);
  });
});

describe('help', () => {
  it('answers "help lint" and --help like commander does', () => {
    const r = run(['help', 'lint']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--format <format>');
    expect(r.stdout).toContain('--report-unused-disable-directives');
    expect(run(['analyze', '--help']).stdout).toContain('--group-by <field>');
  });
});
