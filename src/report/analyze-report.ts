/** The `analyze` report: interviews sorted by path, extracts by position, and a summary across the panel. */
import { recurringThemes, type Theme } from '../notes/themes.js';
import { EXTRACT_KINDS, type ExtractKind, type InterviewResult } from '../notes/types.js';
import type { FileError } from '../types.js';
import { SCHEMA_VERSION, TOOL_NAME } from './lint-report.js';

export interface AnalyzeSummary {
  interviews: number;
  extracts: number;
  byKind: Record<ExtractKind, number>;
  bySource: { tag: number; auto: number };
  byEmotion: Record<string, number>;
  byTag: Record<string, number>;
  /** Tags found in the notes that the codebook does not know. */
  unknownTags: Record<string, number>;
  /** Counts by kind for each value of each front-matter field named with --group-by. */
  groups: Record<string, Record<string, Record<ExtractKind, number>>>;
  interviewerIssues: number;
  themes: Theme[];
  fileErrors: number;
}

export interface AnalyzeReport {
  tool: string;
  version: string;
  schemaVersion: number;
  interviews: InterviewResult[];
  fileErrors: FileError[];
  summary: AnalyzeSummary;
}

function byPath<T extends { path: string }>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function zeroKinds(): Record<ExtractKind, number> {
  return Object.fromEntries(EXTRACT_KINDS.map((k) => [k, 0])) as Record<ExtractKind, number>;
}

function sortedCounts(values: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

function metaValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.map(metaValue).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface AnalyzeReportInput {
  results: InterviewResult[];
  errors: FileError[];
  /** Tags seen per interview path, known or not. */
  tags: Map<string, string[]>;
  groupBy: string[];
  knownTag: (tag: string) => boolean;
}

export function buildAnalyzeReport(version: string, input: AnalyzeReportInput): AnalyzeReport {
  const interviews = [...input.results].sort(byPath);
  const extracts = interviews.flatMap((i) => i.extracts);
  const byKind = zeroKinds();
  for (const e of extracts) byKind[e.kind]++;
  const groups: AnalyzeSummary['groups'] = {};
  for (const field of [...input.groupBy].sort()) {
    const values = new Map<string, Record<ExtractKind, number>>();
    for (const interview of interviews) {
      const value = metaValue(interview.meta[field]);
      const counts = values.get(value) ?? zeroKinds();
      for (const e of interview.extracts) counts[e.kind]++;
      values.set(value, counts);
    }
    groups[field] = Object.fromEntries([...values].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  }
  const allTags = [...input.tags.values()].flat();
  return {
    tool: TOOL_NAME,
    version,
    schemaVersion: SCHEMA_VERSION,
    interviews,
    fileErrors: [...input.errors].sort(byPath),
    summary: {
      interviews: interviews.length,
      extracts: extracts.length,
      byKind,
      bySource: { tag: extracts.filter((e) => e.source === 'tag').length, auto: extracts.filter((e) => e.source === 'auto').length },
      byEmotion: sortedCounts(extracts.flatMap((e) => (e.emotion ? [e.emotion] : []))),
      byTag: sortedCounts(extracts.flatMap((e) => e.tags ?? [])),
      unknownTags: sortedCounts(allTags.filter((t) => !input.knownTag(t))),
      groups,
      interviewerIssues: interviews.reduce((n, i) => n + i.interviewerIssues.length, 0),
      themes: recurringThemes(interviews),
      fileErrors: input.errors.length,
    },
  };
}
