/** `interview-lint inspect`: the binding JSON shape, the text gutter, guides, bad input (in-process CLI). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/in-process.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('inspect (notes)', () => {
  it('prints the binding JSON shape: every non-blank line with its role and speaker', async () => {
    const r = await cli(['inspect', 'fixtures/notes-formats/podcast-speaker-lines.md', '--format', 'json'], ROOT);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['tool', 'version', 'schemaVersion', 'files', 'fileErrors']);
    expect(report).toMatchObject({ tool: 'interview-lint', schemaVersion: 1, fileErrors: [] });
    const file = report.files[0];
    expect(Object.keys(file)).toEqual(['path', 'lang', 'kind', 'formats', 'speakers', 'lines']);
    expect(file).toMatchObject({ path: 'fixtures/notes-formats/podcast-speaker-lines.md', lang: 'en', kind: 'notes', formats: ['speaker-labels'] });
    expect(file.speakers).toEqual([
      { name: 'Nora', role: 'interviewer' },
      { name: 'Sam', role: 'interviewer' },
      { name: 'Theo Marsh', role: 'interviewee' },
    ]);
    const text = readFileSync(join(ROOT, 'fixtures/notes-formats/podcast-speaker-lines.md'), 'utf8').split('\n');
    expect(file.lines.map((l: { line: number }) => l.line)).toEqual(text.flatMap((t, i) => (t.trim() ? [i + 1] : [])));
    for (const l of file.lines) {
      expect(['interviewer', 'interviewee', 'notetaker', 'meta']).toContain(l.role);
      expect(l.speaker === null || typeof l.speaker === 'string').toBe(true);
    }
    expect(file.lines[3]).toEqual({ line: 5, role: 'interviewer', speaker: 'Sam' });
  });

  it('prints each line with its number and role/speaker gutter, and names the formats', async () => {
    const r = await cli(['inspect', 'fixtures/notes-formats/srt-cues.md'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fixtures/notes-formats/srt-cues.md (fr, notes) — formats: unlabelled-transcript');
    expect(r.stdout).toMatch(/^15 interviewer +│ Et pourquoi pas un agenda en ligne \?$/mu);
    expect(r.stdout).toMatch(/^ 2 meta +│ 00:00:01,000 --> 00:00:06,500$/mu);
  });

  it('reads a folder, stdin and reports bad files without stopping (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-inspect-'));
    writeFileSync(join(dir, 'a.md'), 'Q: Why?\nA: Because it is slow.\n');
    writeFileSync(join(dir, 'b.md'), '---\nlang: [\n---\nbroken front matter\n');
    const r = await cli(['inspect', '.', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['a.md']);
    expect(report.files[0].lines).toEqual([
      { line: 1, role: 'interviewer', speaker: 'Q' },
      { line: 2, role: 'interviewee', speaker: 'A' },
    ]);
    expect(report.fileErrors[0]).toMatchObject({ path: 'b.md' });
  });

  it('an ambiguous file still gets roles, and its formats are named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-inspect-'));
    writeFileSync(join(dir, 'x.md'), 'hmm\n\n: ?\n\n**:**\n- \n> \n');
    const r = await cli(['inspect', 'x.md', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.formats.length).toBeGreaterThan(0);
    expect(file.lines.length).toBe(5);
  });
});

describe('inspect --guide', () => {
  it('shows sections, questions and probes with positions', async () => {
    const r = await cli(['inspect', '--guide', 'fixtures/guides/en-flawed.md', '--format', 'json'], ROOT);
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file).toMatchObject({ kind: 'guide', format: 'markdown', lang: 'en' });
    const items = file.sections.flatMap((s: { items: unknown[] }) => s.items);
    expect(items.length).toBeGreaterThan(0);
    const first = items[0] as { questions: Array<{ line: number; column: number; kind: string }> };
    expect(first.questions[0]).toMatchObject({ kind: expect.stringMatching(/question|prompt/) });
    const text = await cli(['inspect', '--guide', 'fixtures/guides/en-flawed.md'], ROOT);
    expect(text.stdout).toContain('(en, markdown guide)');
    expect(text.stdout).toMatch(/question \d+:\d+ /);
  });
});
