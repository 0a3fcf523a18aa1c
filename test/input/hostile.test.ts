import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/interview-lint.js');

function run(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

function hostileCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'il-hostile-'));
  cpSync(join(ROOT, 'fixtures/hostile'), join(dir, 'hostile'), { recursive: true });
  return dir;
}

const REASONS: Record<string, RegExp> = {
  'alias-bomb.yaml': /aliases expand too much/,
  'broken-front-matter.md': /invalid YAML front matter/,
  'coffee-front-matter.md': /never runs code/,
  'js-front-matter.md': /never runs code/,
  'deep-nesting.yaml': /nested too deeply/,
  'image.md': /binary file/,
  'word-export.txt': /binary file/,
};

describe('a folder of hostile and messy files', () => {
  for (const command of ['lint', 'analyze']) {
    it(`${command}: no crash, every bad file named with its reason, no code run from front matter`, () => {
      const dir = hostileCopy();
      const r = run([command, 'hostile', '--format', 'json'], dir);
      expect(r.code).toBe(2);
      const report = JSON.parse(r.stdout) as { fileErrors: Array<{ path: string; message: string }>; files?: unknown[]; interviews?: unknown[] };
      const expected = Object.entries(REASONS).filter(([name]) => command === 'lint' || !name.endsWith('.yaml'));
      for (const [name, reason] of expected) {
        const error = report.fileErrors.find((e) => e.path === `hostile/${name}`);
        expect(error?.message, name).toMatch(reason);
      }
      expect(report.fileErrors).toHaveLength(expected.length);
      expect(existsSync(join(dir, 'HOSTILE-MARKER'))).toBe(false);
      expect(existsSync(join(dir, 'hostile', 'HOSTILE-MARKER'))).toBe(false);
    });
  }

  it('leaves the findings of a good file unchanged by its bad neighbours', () => {
    const dir = hostileCopy();
    const alone = JSON.parse(run(['lint', 'hostile/good-neighbour.md', '--format', 'json'], dir).stdout).files[0];
    const together = JSON.parse(run(['lint', 'hostile', '--format', 'json'], dir).stdout).files.find((f: { path: string }) => f.path === 'hostile/good-neighbour.md');
    expect(together).toEqual(alone);
  });

  it('reads Windows-1252, UTF-16 LE/BE and BOM files with exact positions and an info note', () => {
    const dir = hostileCopy();
    const report = JSON.parse(run(['lint', 'hostile', '--format', 'json'], dir).stdout) as { files: Array<{ path: string; messages: Array<{ ruleId: string; line: number; column: number; text: string; severity: string }> }> };
    const byPath = (p: string) => report.files.find((f) => f.path === `hostile/${p}`)?.messages ?? [];
    expect(byPath('cp1252-export.md').find((m) => m.ruleId === 'closed-question')).toMatchObject({ line: 4, column: 3, text: 'Avez-vous déjà eu un problème avec la facturation ?' });
    expect(byPath('cp1252-export.md')[0]).toMatchObject({ ruleId: 'file-encoding', severity: 'info' });
    for (const name of ['utf16le.md', 'utf16be.md']) expect(byPath(name).find((m) => m.ruleId === 'closed-question'), name).toMatchObject({ line: 1, column: 3, text: 'Do you use Excel every day?' });
    expect(byPath('bom-lone-cr.md').find((m) => m.ruleId === 'closed-question')).toMatchObject({ line: 3, column: 3, text: 'Is it fast?' });
    expect(byPath('bom-lone-cr.md').some((m) => m.ruleId === 'file-encoding')).toBe(false);
  });

  it('sees through zero-width and right-to-left control characters', () => {
    const dir = hostileCopy();
    const r = run(['lint', 'hostile/zero-width-rtl.md', '--format', 'compact'], dir);
    expect(r.stdout).toContain('hostile/zero-width-rtl.md:1:3: error');
    expect(r.stdout).toContain('hostile/zero-width-rtl.md:2:3: warning Closed question');
  });
});

describe('huge and deep inputs: no crash, no quadratic blow-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-big-'));
  it('a 1 MB line, as a guide and as notes', { timeout: 60_000 }, () => {
    writeFileSync(join(dir, 'long-line.md'), `- ${'Do you like it and '.repeat(55_000)}?\n`);
    const lint = run(['lint', 'long-line.md', '--format', 'compact'], dir);
    expect(lint.code).toBe(1);
    expect(lint.ms).toBeLessThan(20_000);
    const analyze = run(['analyze', 'long-line.md'], dir);
    expect(analyze.code).toBe(0);
  });
  it('absurd nesting is refused with its line, quickly', { timeout: 60_000 }, () => {
    let deep = '';
    for (let i = 0; i < 2000; i++) deep += `${' '.repeat(i * 2)}- Do you like it?\n`;
    writeFileSync(join(dir, 'deep-list.md'), deep);
    writeFileSync(join(dir, 'deep-quote.md'), `${'>'.repeat(10_000)} Do you like it?\n`);
    const r = run(['lint', 'deep-list.md', 'deep-quote.md', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(20_000);
    const errors = JSON.parse(r.stdout).fileErrors as Array<{ path: string; message: string; line?: number }>;
    expect(errors.map((e) => [e.path, /nested too deeply/.test(e.message)])).toEqual([['deep-list.md', true], ['deep-quote.md', true]]);
    expect(errors[0]?.line).toBe(130);
  });
  it('100,000 list items are linted in linear time', { timeout: 120_000 }, () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `- Do you like item ${i}?\n`).join('');
    writeFileSync(join(dir, 'items-10k.md'), items(10_000));
    writeFileSync(join(dir, 'items-100k.md'), items(100_000));
    const small = run(['lint', 'items-10k.md', '--format', 'compact', '--quiet'], dir);
    const big = run(['lint', 'items-100k.md', '--format', 'compact'], dir);
    expect(big.code).toBe(0); // warnings only
    expect(big.stdout.trim().split('\n').filter((l) => l.includes('[closed-question]'))).toHaveLength(100_000);
    // Linear, with a generous margin: 10× the input takes well under 10 × 3 the time of the small run.
    expect(big.ms).toBeLessThan(Math.max(30 * small.ms, 60_000));
  });
});

describe('limits and file-system trouble', () => {
  it('skips files over --max-file-size (and maxFileSize in the configuration) without loading them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-size-'));
    writeFileSync(join(dir, 'big.md'), `- ${'x'.repeat(2000)}?\n`);
    writeFileSync(join(dir, 'small.md'), '- Do you like it?\n');
    const r = run(['lint', '.', '--max-file-size', '1000', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).fileErrors).toEqual([{ path: 'big.md', message: 'file is larger than 1000 bytes (2004), skipped' }]);
    writeFileSync(join(dir, '.interviewlintrc.yaml'), 'maxFileSize: 1000\n');
    expect(JSON.parse(run(['analyze', '.'], dir).stdout).fileErrors[0]).toMatchObject({ path: 'big.md' });
  });
  it('reports broken and looping symlinks per file and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-links-'));
    writeFileSync(join(dir, 'good.md'), '- Do you like it?\n');
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'broken.md'));
    symlinkSync(join(dir, 'loop-b.md'), join(dir, 'loop-a.md'));
    symlinkSync(join(dir, 'loop-a.md'), join(dir, 'loop-b.md'));
    const r = run(['lint', 'good.md', 'broken.md', 'loop-a.md', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['good.md']);
    expect(report.fileErrors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([
      ['broken.md', 'no such file or directory'],
      ['loop-a.md', 'too many levels of symbolic links'],
    ]);
  });
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file and goes on (not testable as root)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-perm-'));
    writeFileSync(join(dir, 'secret.md'), '- Do you like it?\n');
    chmodSync(join(dir, 'secret.md'), 0o000);
    const r = run(['lint', 'secret.md', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).fileErrors[0]).toMatchObject({ path: 'secret.md', message: 'permission denied' });
  });
});

describe('nothing lost', () => {
  function hashTree(dir: string): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else out.set(p, `${createHash('sha256').update(readFileSync(p)).digest('hex')}:${statSync(p).mtimeMs}`);
      }
    };
    walk(dir);
    return out;
  }
  it('never modifies an input, whatever the command and format', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-ro-'));
    cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
    const before = hashTree(join(dir, 'fixtures'));
    const out = join(dir, 'out');
    mkdirSync(out);
    for (const format of ['stylish', 'json', 'sarif', 'github', 'compact']) run(['lint', 'fixtures', '--format', format, '--output', join(out, `lint.${format}`)], dir);
    for (const format of ['json', 'markdown', 'stylish', 'sarif']) run(['analyze', 'fixtures', '--format', format, '--redact', '--output', join(out, `analyze.${format}`)], dir);
    run(['analyze', 'fixtures/notes/2026-03-02-dana.md', '--output', 'fixtures/notes/2026-03-02-dana.md'], dir);
    expect(hashTree(join(dir, 'fixtures'))).toEqual(before);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
  it('creates a missing output folder, and reports one that cannot be made (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-out-'));
    expect(run(['lint', 'fixtures/guides/en-good.md', '--output', join(dir, 'a/b/report.txt')]).code).toBe(0);
    expect(readFileSync(join(dir, 'a/b/report.txt'), 'utf8')).toContain('no problems');
    const r = run(['lint', 'fixtures/guides/en-good.md', '--output', join(ROOT, 'fixtures/guides/en-good.md/report.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot create folder/);
  });
});
