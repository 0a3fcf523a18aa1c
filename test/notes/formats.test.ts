/**
 * Every notes-format fixture (fixtures/notes-formats/<name>.md) is read with the roles of its
 * <name>.roles.yaml, line by line; and the real notes of ../shared/eval/wild/notes are read at least as
 * well as the floors below (a regression fails; the figures themselves are in `npm run eval`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { addCounts, emptyCounts, evalRoles, intervieweeF1 } from '../../src/eval/eval-roles.js';
import { parseInterview } from '../../src/notes/interview.js';
import { lineRoles, type LineReading } from '../../src/notes/line-roles.js';
import { loadNotesRules } from '../../src/notes/load.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'fixtures/notes-formats');
const WILD = resolve(ROOT, '../shared/eval/wild/notes');
const rules = loadNotesRules();

interface Span {
  from: number;
  to: number;
  role: LineReading['role'];
  speaker?: string;
}

function expected(text: string, spans: Span[]): LineReading[] {
  const lines = text.split('\n');
  const out: LineReading[] = [];
  for (const span of spans) {
    for (let line = span.from; line <= span.to; line++) {
      if ((lines[line - 1] ?? '').trim() !== '') out.push({ line, role: span.role, speaker: span.speaker ?? null });
    }
  }
  return out;
}

describe('notes formats (fixtures with their roles)', () => {
  const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.md')).sort();
  it('has fixtures', () => expect(names.length).toBeGreaterThanOrEqual(5));
  it.each(names)('%s', (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const gold = YAML.parse(readFileSync(join(FIXTURES, name.replace(/\.md$/, '.roles.yaml')), 'utf8')) as { spans: Span[] };
    const got = lineRoles(parseInterview(name, text, rules));
    // Speakers are compared where the fixture names one.
    const want = expected(text, gold.spans);
    expect(got.map((r, i) => ({ ...r, speaker: want[i]?.speaker === null ? null : r.speaker }))).toEqual(want);
  });
});

describe.skipIf(!existsSync(WILD))('real notes (../shared/eval/wild/notes)', () => {
  it('line roles stay above their floors', () => {
    const files = evalRoles(WILD);
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const lang of ['en', 'fr']) {
      const total = emptyCounts();
      for (const f of files.filter((x) => x.lang === lang)) addCounts(total, f);
      expect(total.correct / total.lines, `${lang} role accuracy`).toBeGreaterThanOrEqual(lang === 'en' ? 0.93 : 0.89);
      expect(intervieweeF1(total), `${lang} interviewee F1`).toBeGreaterThanOrEqual(lang === 'en' ? 0.93 : 0.89);
    }
    expect(files.filter((f) => f.correct / f.lines >= 0.9).length, 'files read at ≥ 0.90').toBeGreaterThanOrEqual(24);
  });
});

describe('a one-line automatic transcript', () => {
  it('is read in linear time (4× the text takes well under 16× the time)', async () => {
    const { analyseInterview } = await import('../../src/notes/interview.js');
    const { defaultRuleSet } = await import('../../src/rules/load.js');
    const ruleSet = defaultRuleSet();
    const sentence = 'Alors je note tout dans un cahier, et c’est vraiment pénible. Est-ce que tu as essayé autre chose ? Oui, un tableur, mais on perdait les commandes. ';
    const time = (repeat: number): number => {
      const text = sentence.repeat(repeat);
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        analyseInterview(parseInterview('x.md', text, rules), rules, ruleSet);
        runs.push(performance.now() - started);
      }
      return runs.sort((a, b) => a - b)[1] as number;
    };
    time(200); // warm up
    const small = time(1_700); // about 250 KB
    const large = time(6_800); // about 1 MB
    expect(large / small).toBeLessThan(8);
  }, 60_000);
});

describe('the registry of notes formats', () => {
  it('names every format the reader reports, and each has a fixture read with it', async () => {
    const { NOTES_FORMATS, isKnownFormat } = await import('../../src/notes/formats/index.js');
    const seen = new Set<string>();
    for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.md'))) {
      for (const format of parseInterview(name, readFileSync(join(FIXTURES, name), 'utf8'), rules).formats) {
        expect(isKnownFormat(format), `${name}: ${format} is registered`).toBe(true);
        seen.add(format);
      }
    }
    for (const format of NOTES_FORMATS) expect(seen.has(format.name), `${format.name} has a fixture`).toBe(true);
  });
});
