import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/interview-lint.js');

function run(args: string[], cwd: string): { code: number; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: r.status ?? -1, stdout: r.stdout };
}

/** The kept output of the last analyze run (named by the run's key). */
function storedRun(dir: string): string {
  const folder = join(dir, '.interviewlintcache-results');
  const runs = readdirSync(folder).filter((n) => n.startsWith('run-analyze-'));
  expect(runs).toHaveLength(1);
  return join(folder, runs[0] as string);
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'il-cache-'));
  cpSync(join(ROOT, 'fixtures/notes'), join(dir, 'notes'), { recursive: true });
  cpSync(join(ROOT, 'fixtures/guides'), join(dir, 'guides'), { recursive: true });
  return dir;
}

describe('--cache', () => {
  it('gives the same output as a run without cache, and reuses an unchanged run', () => {
    const dir = workspace();
    const plain = run(['analyze', 'notes'], dir);
    const first = run(['analyze', 'notes', '--cache'], dir);
    expect(first.stdout).toBe(plain.stdout);
    // Proof of reuse: the stored output is what an unchanged run prints.
    const stored = storedRun(dir);
    expect(readFileSync(stored, 'utf8')).toBe(plain.stdout);
    writeFileSync(stored, '{"reused": true}\n');
    expect(run(['analyze', 'notes', '--cache'], dir).stdout).toBe('{"reused": true}\n');
  });

  it('recomputes a changed file, a changed configuration, other options', () => {
    const dir = workspace();
    run(['analyze', 'notes', '--cache'], dir);
    writeFileSync(storedRun(dir), 'stale');
    writeFileSync(join(dir, 'notes/2026-03-05-field-notes.md'), `${readFileSync(join(dir, 'notes/2026-03-05-field-notes.md'), 'utf8')}- I wish there was an export to Excel.\n`);
    const changed = run(['analyze', 'notes', '--cache'], dir);
    expect(changed.stdout).toBe(run(['analyze', 'notes'], dir).stdout);
    expect(changed.stdout).toContain('I wish there was an export to Excel.');
    expect(run(['analyze', 'notes', '--cache', '--format', 'markdown'], dir).stdout).toMatch(/^# Interview analysis/);

    const lintFirst = run(['lint', 'guides', '--cache', '--format', 'compact'], dir);
    expect(lintFirst.stdout).toContain('[closed-question]');
    writeFileSync(join(dir, '.interviewlintrc.yaml'), 'rules:\n  closed-question: off\n');
    const lintAfter = run(['lint', 'guides', '--cache', '--format', 'compact'], dir);
    expect(lintAfter.stdout).not.toContain('[closed-question]');
    expect(lintAfter.stdout).toBe(run(['lint', 'guides', '--format', 'compact'], dir).stdout);
  });

  it('survives a broken cache file and honours --cache-location', () => {
    const dir = workspace();
    writeFileSync(join(dir, '.interviewlintcache'), '{ not json');
    expect(run(['lint', 'guides', '--cache', '--format', 'compact'], dir).stdout).toBe(run(['lint', 'guides', '--format', 'compact'], dir).stdout);
    run(['lint', 'guides', '--cache', '--cache-location', 'my-cache.json', '--format', 'compact'], dir);
    expect(JSON.parse(readFileSync(join(dir, 'my-cache.json'), 'utf8'))).toMatchObject({ format: 4 });
  });
});
