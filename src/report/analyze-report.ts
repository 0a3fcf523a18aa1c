/** The `analyze` report: interviews sorted by path, extracts by position, and a summary across the panel. */
import { compareCodeUnits } from '../compare.js';
import { themesPart, ThemesBuilder, type Theme, type ThemesPart } from '../notes/themes.js';
import { DEFAULT_SATURATION, detached, entryMeta, panel, saturation, type PanelResult, type SaturationEntry, type SaturationOptions, type SaturationResult } from './saturation.js';
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
  /** Participants and segments (front matter), with warnings when the panel is thin or one-sided. */
  panel: PanelResult;
  /** Thematic saturation over the interviews in date order. */
  saturation: SaturationResult;
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
  return compareCodeUnits(a.path, b.path);
}

function zeroKinds(): Record<ExtractKind, number> {
  return Object.fromEntries(EXTRACT_KINDS.map((k) => [k, 0])) as Record<ExtractKind, number>;
}

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort((a, b) => compareCodeUnits(a[0], b[0])));
}

function count(counts: Map<string, number>, values: string[]): void {
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
}

function metaValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.map(metaValue).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface AnalyzeReportInput {
  results: InterviewResult[];
  errors: FileError[];
  saturation?: SaturationOptions;
  /** Tags seen per interview path, known or not. */
  tags: Map<string, string[]>;
  groupBy: string[];
  knownTag: (tag: string) => boolean;
}

/**
 * What one interview adds to the summary. It is computed where the interview is analysed (a worker
 * thread, or the cache), so that the thread writing the report only adds counters up.
 */
export interface SummaryPart {
  /** Front matter without private fields (for --group-by). */
  meta: Record<string, unknown>;
  extracts: number;
  issues: number;
  byKind: Record<ExtractKind, number>;
  bySource: { tag: number; auto: number };
  emotions: string[];
  tags: string[];
  /** Tags written in the notes, known to the codebook or not. */
  tagsSeen: string[];
  themes: ThemesPart;
  /** The interview's date, segment, participant and codes (for the panel and saturation). */
  saturation: SaturationEntry;
}

export function summaryPart(interview: InterviewResult, tagsSeen: string[]): SummaryPart {
  const themes = themesPart(interview);
  const tagCodes = new Set<string>();
  const part: SummaryPart = {
    meta: interview.meta,
    extracts: interview.extracts.length,
    issues: interview.interviewerIssues.length,
    byKind: zeroKinds(),
    bySource: { tag: 0, auto: 0 },
    emotions: [],
    tags: [],
    tagsSeen,
    themes,
    saturation: { path: interview.path, ...entryMeta(interview.meta), tagCodes: [], themeCodes: [...new Set(themes.groups.map((g) => `${g.kind}:${g.stem}`))].sort(compareCodeUnits) },
  };
  for (const e of interview.extracts) {
    part.byKind[e.kind]++;
    part.bySource[e.source]++;
    if (e.emotion) part.emotions.push(e.emotion);
    if (e.tags) {
      for (const tag of e.tags) {
        part.tags.push(tag);
        tagCodes.add(`${e.kind}:${tag.toLowerCase()}`);
      }
    }
  }
  part.saturation.tagCodes = [...tagCodes].sort(compareCodeUnits);
  return part;
}

/** The summary, built one interview at a time (counts and themes; nothing per extract is kept). */
export class SummaryBuilder {
  private interviews = 0;
  private extracts = 0;
  private readonly byKind = zeroKinds();
  private readonly bySource = { tag: 0, auto: 0 };
  private readonly emotions = new Map<string, number>();
  private readonly tags = new Map<string, number>();
  private readonly unknown = new Map<string, number>();
  private readonly groups = new Map<string, Map<string, Record<ExtractKind, number>>>();
  private issues = 0;
  private readonly themes = new ThemesBuilder();
  private readonly entries: Array<Omit<SaturationEntry, 'tagCodes' | 'themeCodes'> & { tagFrom: number; themeFrom: number; end: number }> = [];
  /** The interviews' codes, as 32-bit ids, one after the other (each entry says where its own are). */
  private codes = new Uint32Array(1024);
  private codeCount = 0;
  private readonly codeIds = new Map<string | number, number>();

  constructor(
    private readonly groupBy: string[],
    private readonly knownTag: (tag: string) => boolean,
    private readonly saturationOptions: SaturationOptions = DEFAULT_SATURATION,
  ) {
    for (const field of [...groupBy].sort()) this.groups.set(field, new Map());
  }

  add(interview: InterviewResult, tagsSeen: string[]): void {
    this.addPart(summaryPart(interview, tagsSeen));
  }

  addPart(part: SummaryPart): void {
    this.interviews++;
    this.extracts += part.extracts;
    this.issues += part.issues;
    for (const kind of EXTRACT_KINDS) this.byKind[kind] += part.byKind[kind];
    this.bySource.tag += part.bySource.tag;
    this.bySource.auto += part.bySource.auto;
    count(this.emotions, part.emotions);
    count(this.tags, part.tags);
    count(this.unknown, part.tagsSeen.filter((tag) => !this.knownTag(tag)));
    for (const [field, values] of this.groups) {
      // Own fields only: "constructor" or "__proto__" are not front-matter values of every file.
      const value = metaValue(Object.hasOwn(part.meta, field) ? part.meta[field] : undefined);
      const counts = values.get(value) ?? zeroKinds();
      for (const kind of EXTRACT_KINDS) counts[kind] += part.byKind[kind];
      values.set(value, counts);
    }
    this.themes.addPart(part.themes);
    // Codes interned as numbers in one flat list: 13,000 interviews keep a few integers each, not their
    // strings (nor the notes those strings were sliced from).
    const { path, date, segment, participant, tagCodes, themeCodes } = part.saturation;
    const tagFrom = this.codeCount;
    for (const c of tagCodes) this.pushCode(this.codeId(c));
    const themeFrom = this.codeCount;
    for (const c of themeCodes) this.pushCode(this.codeId(c));
    this.entries.push({ path: detached(path), date, segment, participant, tagFrom, themeFrom, end: this.codeCount });
  }

  private pushCode(id: number): void {
    if (this.codeCount === this.codes.length) {
      const grown = new Uint32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.codeCount++] = id;
  }

  private codeId(code: string | number): number {
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.codeIds.size;
      // A fresh copy: the code is built from a slice of its note, which would stay alive with it.
      this.codeIds.set(typeof code === 'string' ? detached(code) : code, id);
    }
    return id;
  }

  private panelAndSaturation(): Pick<AnalyzeSummary, 'panel' | 'saturation'> {
    const entries: SaturationEntry[] = this.entries.map(({ tagFrom, themeFrom, end, ...e }) => ({ ...e, tagCodes: Array.from(this.codes.subarray(tagFrom, themeFrom)), themeCodes: Array.from(this.codes.subarray(themeFrom, end)) }));
    return { panel: panel(entries), saturation: saturation(entries, this.saturationOptions) };
  }

  finish(fileErrors: number): AnalyzeSummary {
    // Built with fromEntries (own data properties): a field named "__proto__" stays a field.
    const groups: AnalyzeSummary['groups'] = Object.fromEntries([...this.groups].map(([field, values]) => [field, Object.fromEntries([...values].sort((a, b) => compareCodeUnits(a[0], b[0])))]));
    return {
      interviews: this.interviews,
      extracts: this.extracts,
      byKind: this.byKind,
      bySource: this.bySource,
      byEmotion: sortedCounts(this.emotions),
      byTag: sortedCounts(this.tags),
      unknownTags: sortedCounts(this.unknown),
      groups,
      interviewerIssues: this.issues,
      themes: this.themes.finish(),
      ...this.panelAndSaturation(),
      fileErrors,
    };
  }
}

export function buildAnalyzeReport(version: string, input: AnalyzeReportInput): AnalyzeReport {
  const interviews = [...input.results].sort(byPath);
  const summary = new SummaryBuilder(input.groupBy, input.knownTag, input.saturation);
  for (const interview of interviews) summary.add(interview, input.tags.get(interview.path) ?? []);
  return {
    tool: TOOL_NAME,
    version,
    schemaVersion: SCHEMA_VERSION,
    interviews,
    fileErrors: [...input.errors].sort(byPath),
    summary: summary.finish(input.errors.length),
  };
}
