/**
 * Line roles on real notes (`npm run eval`, ../shared/eval/wild/notes): for every labelled line, the role
 * the reader gives it against `<name>.roles.yaml`. Reported: line-role accuracy and interviewee-line
 * precision, recall and F1, per language, per format (INDEX.yaml) and per file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { parseInterview } from '../notes/interview.js';
import { lineRoles, type LineRole } from '../notes/line-roles.js';
import { loadNotesRules } from '../notes/load.js';

export interface RoleCounts {
  lines: number;
  correct: number;
  /** Interviewee lines: true positives, false positives, false negatives. */
  tp: number;
  fp: number;
  fn: number;
}

export interface FileRoles extends RoleCounts {
  file: string;
  lang: string;
  format: string;
  /** Disagreements: line, gold role → predicted role. */
  misses: Array<{ line: number; gold: LineRole; predicted: LineRole; text: string }>;
}

interface Span {
  from: number;
  to: number;
  role: LineRole;
}

export function emptyCounts(): RoleCounts {
  return { lines: 0, correct: 0, tp: 0, fp: 0, fn: 0 };
}

export function addCounts(into: RoleCounts, from: RoleCounts): void {
  into.lines += from.lines;
  into.correct += from.correct;
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
}

export function intervieweeF1(c: RoleCounts): number {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Score one note against its gold spans (only the lines the spans cover). */
export function scoreRoles(name: string, text: string, spans: Span[]): Omit<FileRoles, 'lang' | 'format'> {
  const rules = loadNotesRules();
  const predicted = new Map(lineRoles(parseInterview(name, text, rules)).map((r) => [r.line, r.role]));
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Omit<FileRoles, 'lang' | 'format'> = { file: name, ...emptyCounts(), misses: [] };
  for (const span of spans) {
    for (let line = span.from; line <= span.to; line++) {
      if ((lines[line - 1] ?? '').trim() === '') continue;
      const gold = span.role;
      const got = predicted.get(line) ?? 'meta';
      out.lines++;
      if (got === gold) out.correct++;
      else out.misses.push({ line, gold, predicted: got, text: (lines[line - 1] ?? '').trim().slice(0, 90) });
      if (gold === 'interviewee' && got === 'interviewee') out.tp++;
      else if (got === 'interviewee') out.fp++;
      else if (gold === 'interviewee') out.fn++;
    }
  }
  return out;
}

export function evalRoles(notesDir: string): FileRoles[] {
  if (!existsSync(notesDir)) return [];
  const indexFile = join(notesDir, 'INDEX.yaml');
  const index = existsSync(indexFile) ? ((YAML.parse(readFileSync(indexFile, 'utf8')) as Array<{ file: string; lang: string; format: string }>) ?? []) : [];
  const out: FileRoles[] = [];
  for (const rolesName of readdirSync(notesDir).filter((n) => n.endsWith('.roles.yaml')).sort()) {
    const gold = YAML.parse(readFileSync(join(notesDir, rolesName), 'utf8')) as { file: string; lang: string; spans: Span[] };
    if (!gold.spans || gold.spans.length === 0) continue;
    const name = gold.file ?? rolesName.replace(/\.roles\.yaml$/, '.md');
    const entry = index.find((e) => e.file === name);
    const scored = scoreRoles(name, readFileSync(join(notesDir, name), 'utf8'), gold.spans);
    out.push({ ...scored, lang: gold.lang ?? entry?.lang ?? '?', format: entry?.format ?? '?' });
  }
  return out;
}
