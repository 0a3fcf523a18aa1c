/** The analyzer's part of `npm run eval`: extracts scored by (line, kind) against notes/*.labels.yaml. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { analyseInterview, parseInterview } from '../notes/interview.js';
import { loadNotesRules } from '../notes/load.js';
import { EXTRACT_KINDS } from '../notes/types.js';
import { defaultRuleSet } from '../rules/load.js';
import type { Lang } from '../types.js';
import type { Counts } from './run-eval.js';

export type NotesCounts = Counts;

export interface NotesEval {
  /** counts[kind][lang] */
  counts: Record<string, Record<Lang, NotesCounts>>;
  /** Automatic extracts by confidence band: how many, how many right (some line of the extract labelled with its kind). */
  bands: Record<string, { right: number; wrong: number }>;
  disagreements: string[];
  files: number;
}

/** The confidence bands of the eval table, from the weakest cue to several strong ones. */
export const CONFIDENCE_BANDS: Array<{ name: string; from: number }> = [
  { name: '≥ 0.75', from: 0.75 },
  { name: '0.65–0.74', from: 0.65 },
  { name: '0.55–0.64', from: 0.55 },
  { name: '< 0.55', from: 0 },
];

export function evalNotes(dir: string): NotesEval {
  const notesDir = join(dir, 'notes');
  const counts: NotesEval['counts'] = {};
  for (const kind of EXTRACT_KINDS) counts[kind] = { en: { tp: 0, fp: 0, fn: 0 }, fr: { tp: 0, fp: 0, fn: 0 } };
  const out: NotesEval = { counts, bands: Object.fromEntries(CONFIDENCE_BANDS.map((b) => [b.name, { right: 0, wrong: 0 }])), disagreements: [], files: 0 };
  if (!existsSync(notesDir)) return out;
  const rules = loadNotesRules();
  const ruleSet = defaultRuleSet();
  for (const name of readdirSync(notesDir).filter((n) => n.endsWith('.md')).sort()) {
    const labelsFile = join(notesDir, name.replace(/\.md$/, '.labels.yaml'));
    if (!existsSync(labelsFile)) continue;
    out.files++;
    const labels = YAML.parse(readFileSync(labelsFile, 'utf8')) as { entries?: Array<{ line: number; kind: string; text?: string }> };
    const interview = parseInterview(name, readFileSync(join(notesDir, name), 'utf8'), rules);
    const result = analyseInterview(interview, rules, ruleSet);
    const gold = new Set((labels.entries ?? []).map((e) => `${e.line}|${e.kind}`));
    for (const e of result.extracts) {
      if (e.source !== 'auto') continue;
      const band = CONFIDENCE_BANDS.find((b) => e.confidence >= b.from)?.name ?? '< 0.55';
      let right = false;
      for (let line = e.line; line <= e.endLine && !right; line++) right = gold.has(`${line}|${e.kind}`);
      const tally = out.bands[band];
      if (tally) tally[right ? 'right' : 'wrong']++;
    }
    const predicted = new Map<string, string>();
    for (const e of result.extracts) for (let line = e.line; line <= e.endLine; line++) if (!predicted.has(`${line}|${e.kind}`)) predicted.set(`${line}|${e.kind}`, e.text);
    const lang = interview.lang;
    for (const key of predicted.keys()) {
      const [line, kind] = key.split('|') as [string, string];
      const c = counts[kind]?.[lang];
      if (!c) continue;
      if (gold.has(key)) c.tp++;
      else {
        c.fp++;
        out.disagreements.push(`  FP ${name}:${line} ${kind}: ${predicted.get(key)?.slice(0, 100)}`);
      }
    }
    for (const key of gold) {
      const [line, kind] = key.split('|') as [string, string];
      if (predicted.has(key)) continue;
      const c = counts[kind]?.[lang];
      if (c) c.fn++;
      const text = (labels.entries ?? []).find((e) => `${e.line}|${e.kind}` === key)?.text ?? '';
      out.disagreements.push(`  FN ${name}:${line} ${kind}: ${text.slice(0, 100)}`);
    }
  }
  return out;
}
