/**
 * `npm run eval`: precision, recall and F1 per label and language on the labelled dev set
 * (../shared/eval/dev by default; INTERVIEW_LINT_EVAL_DIR or the first argument to point elsewhere).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import YAML from 'yaml';
import { guideFromQuestion, parseGuide } from '../document/guide.js';
import { lintGuide, type LintSettings } from '../rules/engine.js';
import { defaultRuleSet } from '../rules/load.js';
import type { Lang } from '../types.js';
import { CONFIDENCE_BANDS, evalNotes, type NotesEval } from './eval-notes.js';
import { addCounts, emptyCounts, evalRoles, intervieweeF1, type FileRoles, type RoleCounts } from './eval-roles.js';

export const LABEL_TO_RULE: Record<string, string> = {
  closed: 'closed-question',
  leading: 'leading-question',
  hypothetical: 'hypothetical-question',
  'double-barreled': 'double-barreled',
};
const LABELS = Object.keys(LABEL_TO_RULE);
const QUESTION_RULES_ONLY: LintSettings = { rules: { 'missing-why': { severity: 'off' }, 'theme-coverage': { severity: 'off' } } };

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function score(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

interface Sample {
  id: string;
  lang: Lang;
  text: string;
  gold: Set<string>;
  predicted: Set<string>;
}

function predictedLabels(ruleIds: Iterable<string>): Set<string> {
  const ids = new Set(ruleIds);
  return new Set(LABELS.filter((label) => ids.has(LABEL_TO_RULE[label] as string)));
}

function evalQuestions(dir: string): Sample[] {
  const file = join(dir, 'questions.yaml');
  if (!existsSync(file)) return [];
  const rules = defaultRuleSet();
  const items = YAML.parse(readFileSync(file, 'utf8')) as Array<{ id: string; lang: Lang; text: string; labels: string[] }>;
  return items.map((item) => {
    const guide = guideFromQuestion(item.text, item.lang, rules, item.id);
    const findings = lintGuide(guide, rules, QUESTION_RULES_ONLY);
    return { id: item.id, lang: item.lang, text: item.text, gold: new Set(item.labels), predicted: predictedLabels(findings.map((f) => f.ruleId)) };
  });
}

interface GuideEval {
  samples: Sample[];
  whyFalsePositives: number;
  whyLines: number;
  themes: Record<Lang, Counts>;
}

function evalGuides(dir: string): GuideEval {
  const out: GuideEval = { samples: [], whyFalsePositives: 0, whyLines: 0, themes: { en: { tp: 0, fp: 0, fn: 0 }, fr: { tp: 0, fp: 0, fn: 0 } } };
  const guidesDir = join(dir, 'guides');
  if (!existsSync(guidesDir)) return out;
  const rules = defaultRuleSet();
  const themeRule = rules.rules.find((r) => r.id === 'theme-coverage');
  const allThemes = (themeRule?.options.themes as string[] | undefined) ?? [];
  for (const name of readdirSync(guidesDir).filter((n) => n.endsWith('.md')).sort()) {
    const labelsFile = join(guidesDir, name.replace(/\.md$/, '.labels.yaml'));
    if (!existsSync(labelsFile)) continue;
    const labels = YAML.parse(readFileSync(labelsFile, 'utf8')) as { questions: Array<{ line: number; labels: string[] }>; has_why_probe_after?: number[]; themes_covered?: string[] };
    const path = join(guidesDir, name);
    const guide = parseGuide(path, readFileSync(path, 'utf8'), rules);
    const findings = lintGuide(guide, rules);
    const byLine = new Map<number, string[]>();
    for (const f of findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f.ruleId]);
    const labelled = new Set<number>();
    for (const q of labels.questions) {
      labelled.add(q.line);
      out.samples.push({ id: `${name}:${q.line}`, lang: guide.lang, text: '', gold: new Set(q.labels), predicted: predictedLabels(byLine.get(q.line) ?? []) });
    }
    for (const [line, ids] of byLine) {
      if (labelled.has(line)) continue;
      const predicted = predictedLabels(ids);
      if (predicted.size > 0) out.samples.push({ id: `${name}:${line} (unlabelled line)`, lang: guide.lang, text: '', gold: new Set(), predicted });
    }
    for (const line of labels.has_why_probe_after ?? []) {
      out.whyLines++;
      if ((byLine.get(line) ?? []).includes('missing-why')) out.whyFalsePositives++;
    }
    const covered = new Set(labels.themes_covered ?? []);
    const reported = new Set(findings.filter((f) => f.ruleId === 'theme-coverage').map((f) => f.message));
    const themeNames = (themeRule?.data.themes ?? {}) as Record<string, Record<Lang, { name: string }>>;
    for (const theme of allThemes) {
      const display = themeNames[theme]?.[guide.lang]?.name ?? theme;
      const flagged = [...reported].some((m) => m.includes(`"${display}"`) || m.includes(`« ${display} »`));
      const missing = !covered.has(theme);
      const c = out.themes[guide.lang];
      if (flagged && missing) c.tp++;
      else if (flagged) c.fp++;
      else if (missing) c.fn++;
    }
  }
  return out;
}

const pct = (x: number): string => x.toFixed(2);

/** Per label and language: how many gold samples, and the TP/FP/FN of the rules on them. */
type LabelScores = Map<string, { n: number; counts: Counts }>;

function labelScores(samples: Sample[]): LabelScores {
  const out: LabelScores = new Map();
  for (const label of LABELS) {
    for (const lang of ['en', 'fr'] as Lang[]) {
      const counts: Counts = { tp: 0, fp: 0, fn: 0 };
      let n = 0;
      for (const s of samples) {
        if (s.lang !== lang) continue;
        const gold = s.gold.has(label);
        const pred = s.predicted.has(label);
        if (gold) n++;
        if (gold && pred) counts.tp++;
        else if (pred) counts.fp++;
        else if (gold) counts.fn++;
      }
      out.set(`${label}|${lang}`, { n, counts });
    }
  }
  return out;
}

/** The question rules of several development sets, side by side (each set's scores as its own run computed them). */
export function sideBySide(sets: Array<{ name: string; scores: LabelScores }>): string {
  const lines = ['question rules, F1 side by side (questions.yaml and guide lines of each set)', '', `| label | lang | ${sets.map((d) => `${d.name} n | ${d.name} F1`).join(' | ')} |`, `|---|---|${sets.map(() => '---:|---:').join('|')}|`];
  for (const label of LABELS) {
    for (const lang of ['en', 'fr'] as Lang[]) {
      const cells = sets.map(({ scores }) => {
        const entry = scores.get(`${label}|${lang}`);
        return `${entry?.n ?? 0} | ${pct(entry ? score(entry.counts).f1 : 0)}`;
      });
      lines.push(`| ${label} | ${lang} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

export function runEval(dir: string, verbose: boolean, withRealNotes = true): { text: string; scores: LabelScores } {
  const lines: string[] = [];
  const questionSamples = evalQuestions(dir);
  const guides = evalGuides(dir);
  const all = [...questionSamples, ...guides.samples];
  const scores = labelScores(all);
  lines.push(`interview-lint eval on ${dir}`);
  lines.push(`${questionSamples.length} questions (questions.yaml) + ${guides.samples.length} guide lines (guides/*.md)`);
  lines.push('');
  lines.push('| label | lang | n | TP | FP | FN | precision | recall | F1 |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const label of LABELS) {
    for (const lang of ['en', 'fr'] as Lang[]) {
      const { n, counts: c } = scores.get(`${label}|${lang}`) as { n: number; counts: Counts };
      const s = score(c);
      lines.push(`| ${label} | ${lang} | ${n} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`);
    }
  }
  lines.push('');
  for (const lang of ['en', 'fr'] as Lang[]) {
    const ok = all.filter((s) => s.lang === lang && (s.gold.has('ok') || (s.gold.has('open') && LABELS.every((l) => !s.gold.has(l)))));
    const okFlagged = ok.filter((s) => s.predicted.size > 0).length;
    const polite = all.filter((s) => s.lang === lang && s.gold.has('polite-request') && !s.gold.has('closed'));
    const politeClosed = polite.filter((s) => s.predicted.has('closed')).length;
    lines.push(`${lang}: false-positive rate on ok/open questions ${okFlagged}/${ok.length} (${pct(ok.length ? okFlagged / ok.length : 0)}); polite requests flagged closed ${politeClosed}/${polite.length} (${pct(polite.length ? politeClosed / polite.length : 0)})`);
  }
  lines.push(`missing-why: fired on ${guides.whyFalsePositives}/${guides.whyLines} lines that already have a why/follow-up probe`);
  for (const lang of ['en', 'fr'] as Lang[]) {
    const s = score(guides.themes[lang]);
    const c = guides.themes[lang];
    lines.push(`theme-coverage ${lang}: missing themes TP ${c.tp} FP ${c.fp} FN ${c.fn}, precision ${pct(s.precision)} recall ${pct(s.recall)} F1 ${pct(s.f1)}`);
  }
  const notes = evalNotes(dir);
  if (notes.files > 0) lines.push('', `analyze: ${notes.files} labelled note files (notes/*.md), scored by (line, kind)`, '', ...notesTables(notes));
  const wildDir = join(dir, '..', 'wild');
  const roles = withRealNotes ? evalRoles(join(wildDir, 'notes')) : [];
  if (roles.length > 0) lines.push('', ...formatRoles(roles, verbose));
  const wildNotes = withRealNotes ? evalNotes(wildDir) : undefined;
  if (wildNotes && wildNotes.files > 0) {
    lines.push('', `analyze on real notes (../wild/notes): ${wildNotes.files} labelled files, scored by (line, kind)`, '', ...notesTables(wildNotes));
    if (verbose) lines.push('', 'Analyzer disagreements on real notes:', ...wildNotes.disagreements);
  }
  if (verbose) {
    lines.push('', 'Analyzer disagreements:', ...notes.disagreements);
    lines.push('', 'Disagreements (gold → predicted):');
    for (const s of all) {
      const gold = LABELS.filter((l) => s.gold.has(l));
      const pred = [...s.predicted];
      if (gold.join() !== LABELS.filter((l) => s.predicted.has(l)).join()) lines.push(`  ${s.id} [${s.lang}] ${gold.join(',') || '-'} → ${pred.join(',') || '-'} ${s.text.slice(0, 110)}`);
    }
  }
  return { text: lines.join('\n'), scores };
}

/** Extraction per kind and language, then the precision of automatic extracts by confidence band. */
function notesTables(notes: NotesEval): string[] {
  const lines = ['| kind | lang | TP | FP | FN | precision | recall | F1 |', '|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const [kind, byLang] of Object.entries(notes.counts)) {
    for (const lang of ['en', 'fr'] as Lang[]) {
      const c = byLang[lang];
      const s = score(c);
      lines.push(`| ${kind} | ${lang} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`);
    }
  }
  lines.push('', '| confidence | automatic extracts | right | precision |', '|---|---:|---:|---:|');
  for (const band of CONFIDENCE_BANDS) {
    const t = notes.bands[band.name] ?? { right: 0, wrong: 0 };
    const n = t.right + t.wrong;
    lines.push(`| ${band.name} | ${n} | ${t.right} | ${n === 0 ? '–' : pct(t.right / n)} |`);
  }
  return lines;
}

/** Line roles on the real notes: per language, per format, per file. */
function formatRoles(files: FileRoles[], verbose: boolean): string[] {
  const lines = [`line roles on real notes (../wild/notes): ${files.length} files with roles, every labelled non-blank line`, ''];
  const row = (name: string, c: RoleCounts, extra = ''): string => `| ${name} | ${c.lines} | ${pct(c.lines === 0 ? 1 : c.correct / c.lines)} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(intervieweeF1(c))} |${extra}`;
  lines.push('| language | lines | role accuracy | interviewee TP | FP | FN | interviewee F1 | files ≥ 0.90 |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const lang of ['en', 'fr', 'all']) {
    const group = files.filter((f) => lang === 'all' || f.lang === lang);
    const total = emptyCounts();
    for (const f of group) addCounts(total, f);
    const good = group.filter((f) => f.correct / Math.max(1, f.lines) >= 0.9).length;
    lines.push(row(lang, total, ` ${good}/${group.length} |`));
  }
  lines.push('', '| format | lines | role accuracy | interviewee TP | FP | FN | interviewee F1 |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const format of [...new Set(files.map((f) => f.format))].sort()) {
    const total = emptyCounts();
    for (const f of files.filter((x) => x.format === format)) addCounts(total, f);
    lines.push(row(format, total));
  }
  lines.push('', '| file | lines | role accuracy | interviewee TP | FP | FN | interviewee F1 |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const f of files) lines.push(row(f.file, f));
  if (verbose) {
    lines.push('', 'Line-role disagreements (gold → predicted):');
    for (const f of files) for (const m of f.misses) lines.push(`  ${f.file}:${m.line} ${m.gold} → ${m.predicted}: ${m.text}`);
  }
  return lines;
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const explicit = args.find((a) => !a.startsWith('-')) ?? process.env.INTERVIEW_LINT_EVAL_DIR;
  const dir = resolve(explicit ?? join('..', 'shared', 'eval', 'dev'));
  if (!existsSync(dir)) {
    process.stdout.write(`interview-lint eval: no evaluation set at ${dir} (looked for ../shared/eval/dev); nothing to measure.\n`);
    return;
  }
  const dev = runEval(dir, verbose);
  process.stdout.write(`${dev.text}\n`);
  // The second development set (other sources), then both side by side.
  const dev2Dir = join(dir, '..', 'dev2');
  if (!explicit && existsSync(join(dev2Dir, 'questions.yaml'))) {
    const dev2 = runEval(dev2Dir, verbose, false);
    process.stdout.write(`\n${dev2.text}\n`);
    process.stdout.write(`\n${sideBySide([{ name: 'dev', scores: dev.scores }, { name: 'dev2', scores: dev2.scores }])}\n`);
  }
}

if (process.argv[1] && basename(process.argv[1]) === 'run-eval.js') main();
