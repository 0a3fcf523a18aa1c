import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/interview-lint.js');

function run(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('interview-lint lint (real executable)', () => {
  it('exits 0 on good guides in both languages and formats', () => {
    const r = run(['lint', 'fixtures/guides/en-good.md', 'fixtures/guides/fr-bon.md', 'fixtures/guides/en-good.yaml', 'fixtures/guides/fr-bon.yaml']);
    expect(r.stdout).toContain('no problems');
    expect(r.code).toBe(0);
  });

  it('prints the PRODUCT.md JSON shape with exact positions and exits 1 on errors', () => {
    const r = run(['lint', '--format', 'json', 'fixtures/guides/fr-defauts.md']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ tool: 'interview-lint', version: '0.1.0', schemaVersion: 1, summary: { files: 1 } });
    const file = report.files[0];
    expect(file).toMatchObject({ path: 'fixtures/guides/fr-defauts.md', lang: 'fr' });
    const closed = file.messages.find((m: { ruleId: string; line: number }) => m.ruleId === 'closed-question' && m.line === 10);
    expect(closed).toMatchObject({ severity: 'warning', line: 10, column: 3, endLine: 10, endColumn: 63, text: 'Avez-vous déjà utilisé un tableur pour suivre vos factures ?' });
    expect(closed.suggestion).toMatch(/Racontez-moi|Comment/);
    expect(closed.message).toMatch(/fermée/);
  });

  it('exits 1 when warnings exceed --max-warnings, 0 otherwise', () => {
    expect(run(['lint', 'fixtures/guides/en-flawed.txt']).code).toBe(1);
    const onlyWarnings = join(mkdtempSync(join(tmpdir(), 'il-')), 'g.md');
    writeFileSync(onlyWarnings, '- Do you use Excel to track invoices?\n');
    expect(run(['lint', onlyWarnings]).code).toBe(0);
    expect(run(['lint', '--max-warnings', '0', onlyWarnings]).code).toBe(1);
  });

  it('reports a missing and a broken file with exit 2, and still reports the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'questions:\n  - text: [unclosed\n');
    const r = run(['lint', '--format', 'json', 'does-not-exist.md', broken, 'fixtures/guides/en-flawed.md']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['fixtures/guides/en-flawed.md']);
    expect(report.files[0].messages.length).toBeGreaterThan(0);
    const paths = report.fileErrors.map((e: { path: string }) => e.path);
    expect(paths).toContain('does-not-exist.md');
    const yamlError = report.fileErrors.find((e: { path: string }) => e.path.endsWith('broken.yaml'));
    expect(yamlError.line).toBeGreaterThanOrEqual(2);
    expect(yamlError.message).toMatch(/YAML/);
  });

  it('exits 2 on a usage error', () => {
    expect(run(['lint', '--format', 'nope', 'fixtures/guides/en-good.md']).code).toBe(2);
  });

  it('reads standard input with -', () => {
    const r = run(['lint', '--format', 'json', '--lang', 'en', '--stdin-filename', 'stdin.md', '-'], 'Would you buy this?\n');
    const report = JSON.parse(r.stdout);
    expect(report.files[0].path).toBe('stdin.md');
    expect(report.files[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('hypothetical-question');
  });

  it('lints a folder, output sorted and byte-identical across runs', () => {
    const a = run(['lint', '--format', 'json', 'fixtures/guides']).stdout;
    const b = run(['lint', '--format', 'json', 'fixtures/guides']).stdout;
    expect(a).toBe(b);
    const paths = JSON.parse(a).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths.length).toBe(10);
  });

  it('writes --output atomically and never onto an input', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'il-')), 'report.json');
    run(['lint', '--format', 'json', '--output', out, 'fixtures/guides/en-flawed.md']);
    expect(JSON.parse(readFileSync(out, 'utf8')).files).toHaveLength(1);
    const before = readFileSync(join(ROOT, 'fixtures/guides/en-good.md'), 'utf8');
    const r = run(['lint', '--output', 'fixtures/guides/en-good.md', 'fixtures/guides/en-good.md']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(ROOT, 'fixtures/guides/en-good.md'), 'utf8')).toBe(before);
    expect(run(['lint', '--output', 'fixtures/guides/en-good.md/r.txt', 'fixtures/guides/en-good.md']).stderr).toMatch(/cannot create folder/);
  });

  it('prints stylish output with position, rule id, suggestion and summary', () => {
    const r = run(['lint', 'fixtures/guides/en-flawed.md']);
    expect(r.stdout).toMatch(/10:3\s+warning\s+Closed question.*closed-question/);
    expect(r.stdout).toMatch(/→ try: How do you use spreadsheets to track invoices today\?/);
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\)/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('lists rules, and --version / --help follow commander', () => {
    const rules = run(['rules', '--format', 'json']);
    const ids = JSON.parse(rules.stdout).map((r: { id: string }) => r.id);
    for (const id of ['closed-question', 'leading-question', 'hypothetical-question', 'double-barreled', 'missing-why', 'theme-coverage']) expect(ids).toContain(id);
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe('0.1.0');
    expect(run(['help', 'lint']).stdout).toContain('--max-warnings');
  });
});
