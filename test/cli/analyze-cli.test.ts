import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/interview-lint.js');

function run(args: string[], options: { input?: string; cwd?: string } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', input: options.input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  interviews: Array<{ path: string; lang: string; meta: Record<string, unknown>; extracts: Array<Record<string, unknown>>; talkRatio: number | null }>;
  fileErrors: Array<{ path: string; message: string; line?: number }>;
  summary: Record<string, unknown> & { byKind: Record<string, number>; groups: Record<string, Record<string, Record<string, number>>> };
}

describe('interview-lint analyze (real executable)', () => {
  it('prints the PRODUCT.md shape for the bundled notes, sorted, with meta, speakers and positions', () => {
    const r = run(['analyze', 'fixtures/notes']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ tool: 'interview-lint', schemaVersion: 1 });
    const paths = report.interviews.map((i) => i.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('fixtures/notes/2026-03-04-marc-crlf.md');
    const marc = report.interviews.find((i) => i.path.endsWith('marc-crlf.md'));
    expect(marc).toMatchObject({ lang: 'fr', meta: { participant: 'Marc', segment: 'PME' } });
    expect(marc?.extracts.find((e) => e.kind === 'problem' && e.source === 'tag')).toMatchObject({
      text: 'Lundi dernier. On passe par un grossiste, je lui envoie un mail et il me rappelle. On perd un temps fou à tout ressaisir dans le tableur.',
      line: 17, column: 5, endLine: 17, endColumn: 142, speaker: 'Marc', confidence: 1, tags: ['problème'],
    });
    for (const interview of report.interviews) {
      const keys = interview.extracts.map((e) => [e.line, e.column] as [number, number]);
      expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    }
    expect(report.summary.byKind.need).toBeGreaterThan(0);
  });

  it('is byte-identical from one run to the next', () => {
    expect(run(['analyze', 'fixtures/notes']).stdout).toBe(run(['analyze', 'fixtures/notes']).stdout);
  });

  it('groups counts by a front-matter field', () => {
    const report = JSON.parse(run(['analyze', 'fixtures/notes', '--group-by', 'segment']).stdout) as Report;
    expect(Object.keys(report.summary.groups.segment ?? {})).toEqual(['PME', 'SMB', 'association', 'freelancer', '(none)'].sort());
  });

  it('writes markdown and stylish digests', () => {
    const md = run(['analyze', 'fixtures/notes', '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Interview analysis/);
    expect(md.stdout).toContain('## Recurring themes');
    expect(md.stdout).toContain('### fixtures/notes/2026-03-02-dana.md');
    expect(md.stdout).toContain('**Customer model**');
    const fr = run(['analyze', 'fixtures/notes/2026-03-04-marc-crlf.md', '--format', 'markdown']);
    expect(fr.stdout).toMatch(/^# Analyse des entretiens/);
    const stylish = run(['analyze', 'fixtures/notes', '--format', 'stylish']);
    expect(stylish.stdout).toContain('fixtures/notes/2026-03-02-dana.md (en)');
    expect(stylish.stdout).toMatch(/leading-question/);
  });

  it('reads notes from stdin with --lang and --stdin-filename', () => {
    const r = run(['analyze', '-', '--lang', 'fr', '--stdin-filename', 'notes/marie.md'], { input: "R : On perd un temps fou à ressaisir les commandes.\n" });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.interviews[0]).toMatchObject({ path: 'notes/marie.md', lang: 'fr' });
    expect(report.interviews[0]?.extracts.map((e) => e.kind)).toContain('problem');
  });

  it('extends the codebook with --codebook and rejects a broken one with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-'));
    writeFileSync(join(dir, 'codebook.yaml'), 'need: [jtbd-story]\n');
    writeFileSync(join(dir, 'n.md'), 'A: We print every invoice. #jtbd-story\n');
    const report = JSON.parse(run(['analyze', join(dir, 'n.md'), '--codebook', join(dir, 'codebook.yaml')]).stdout) as Report;
    expect(report.interviews[0]?.extracts).toMatchObject([{ kind: 'need', source: 'tag', tags: ['jtbd-story'] }]);
    writeFileSync(join(dir, 'bad.yaml'), 'opinion: [x]\n');
    const bad = run(['analyze', join(dir, 'n.md'), '--codebook', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown kind "opinion"/);
  });

  it('keeps going past a broken file, reports it with its line, exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-'));
    writeFileSync(join(dir, 'a-good.md'), 'A: It takes ages.\n');
    writeFileSync(join(dir, 'b-broken.md'), '---\nparticipant: [unclosed\n---\nA: text\n');
    writeFileSync(join(dir, 'c-binary.md'), Buffer.from([0, 1, 2, 3]));
    const r = run(['analyze', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.interviews).toHaveLength(1);
    expect(report.fileErrors.map((e) => e.path.split('/').pop())).toEqual(['b-broken.md', 'c-binary.md']);
    expect(report.fileErrors[0]?.line).toBeGreaterThan(0);
  });

  it('skips the patterns of .interviewlintignore in folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-'));
    mkdirSync(join(dir, 'notes', 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'notes', 'kept.md'), 'A: It takes ages.\n');
    writeFileSync(join(dir, 'notes', 'drafts', 'skipped.md'), 'A: It takes ages.\n');
    writeFileSync(join(dir, '.interviewlintignore'), 'drafts/\n');
    const report = JSON.parse(run(['analyze', 'notes'], { cwd: dir }).stdout) as Report;
    expect(report.interviews.map((i) => i.path)).toEqual(['notes/kept.md']);
  });

  it('writes --output atomically and never onto an input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-'));
    const out = join(dir, 'report.json');
    expect(run(['analyze', 'fixtures/notes', '--output', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ tool: 'interview-lint' });
    const input = join(dir, 'n.md');
    writeFileSync(input, 'A: text\n');
    expect(run(['analyze', input, '--output', input]).code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe('A: text\n');
  });
});

describe('analyze with worker threads', () => {
  it('gives byte-identical output with --concurrency 2 and off, cache included', () => {
    const off = run(['analyze', 'fixtures/notes', '--concurrency', 'off']);
    const two = run(['analyze', 'fixtures/notes', '--concurrency', '2']);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(off.stdout);
    const dir = mkdtempSync(join(tmpdir(), 'il-workers-'));
    writeFileSync(join(dir, 'a.md'), 'A: It takes ages.\n');
    writeFileSync(join(dir, 'b.md'), Buffer.from([0, 1, 2]));
    writeFileSync(join(dir, 'c.md'), 'R : On perd un temps fou.\n');
    const pooled = run(['analyze', dir, '--concurrency', '3', '--cache', '--cache-location', join(dir, 'cache.json')]);
    expect(pooled.code).toBe(2);
    expect(pooled.stdout).toBe(run(['analyze', dir, '--concurrency', 'off']).stdout);
    expect(run(['analyze', dir, '--concurrency', '3', '--cache', '--cache-location', join(dir, 'cache.json')]).stdout).toBe(pooled.stdout);
  });
  it('rejects a bad --concurrency with exit 2', () => {
    expect(run(['analyze', 'fixtures/notes', '--concurrency', 'many']).code).toBe(2);
  });
});
