/** Limits that hold: special files read with the size cap, FIFOs that never hang, bounded workers, linear long lines. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/pool.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/interview-lint.js');

function run(args: string[], cwd: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env }, maxBuffer: 512 * 1024 * 1024, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

describe('special files', () => {
  it('a device is read up to --max-file-size, then skipped with a reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-limits-'));
    const r = run(['analyze', '/dev/zero', '--max-file-size', '1000000', '--format', 'compact'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('larger than 1000000 bytes (not a regular file: read up to the limit), skipped');
    const c = run(['lint', 'x.md', '--config', '/dev/zero', '--format', 'compact'], dir);
    expect(c.code).toBe(2);
    expect(c.stdout).toContain('/dev/zero:1:1: error the configuration is larger than 4194304 bytes');
  });

  it('a FIFO nobody writes to reads as empty instead of hanging the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-limits-'));
    execFileSync('mkfifo', [join(dir, 'f.md')]);
    const r = run(['analyze', 'f.md', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).interviews).toHaveLength(1);
  });
});

describe('workers', () => {
  it('never start more threads than cores', () => {
    expect(workerCount(256, 1000)).toBeLessThanOrEqual(availableParallelism());
    expect(workerCount(2, 1)).toBe(1);
    expect(workerCount('off', 1000)).toBe(0);
  });

  it('a worker that runs out of memory costs only its file: the others are reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-limits-'));
    mkdirSync(join(dir, 'notes'));
    for (let i = 0; i < 5; i++) cpSync(join(ROOT, 'fixtures/notes/2026-03-02-dana.md'), join(dir, 'notes', `n${i}.md`));
    const sentence = 'Alors je note tout dans un cahier, et c’est vraiment pénible. ';
    writeFileSync(join(dir, 'notes', 'big.md'), sentence.repeat(Math.ceil(6_000_000 / sentence.length)));
    const r = run(['analyze', 'notes', '--concurrency', '2', '--format', 'json'], dir, { INTERVIEW_LINT_WORKER_HEAP_MB: '48' });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.interviews).toHaveLength(5);
    expect(report.fileErrors).toEqual([{ path: 'notes/big.md', message: 'could not be analysed: ran out of memory while analysing it' }]);
  }, 60_000);
});

describe('a 10 MB note on one line', () => {
  it('is analysed in a time of the order of lint on the same file (linear, not quadratic)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-limits-'));
    const sentence = 'Le matin je prends le train, c’est pénible. Est-ce que tu as essayé autre chose ? Oui, un tableur, on perdait les commandes. ';
    writeFileSync(join(dir, 'line.md'), sentence.repeat(Math.ceil(10_000_000 / sentence.length)));
    const lint = run(['lint', 'line.md', '--output', 'lint.txt'], dir);
    const analyze = run(['analyze', 'line.md', '--output', 'report.json'], dir);
    expect(analyze.code).toBe(0);
    // Measured: analyze 1.6 s against lint 0.6 s here; quadratic splitting took minutes.
    expect(analyze.ms).toBeLessThan(Math.max(lint.ms, 500) * 15);
  }, 120_000);
});
