/**
 * Thematic saturation (Guest, Namey & Chen 2020, PLoS ONE 15(5):e0232076) and the panel of a corpus.
 *
 * Interviews are taken in date order (front matter `date`, then path). The base is the union of the
 * codes of the first B interviews; each run of R consecutive interviews after it adds the codes seen in
 * no earlier interview; its ratio is that number over the size of the base. Saturation at threshold τ
 * is reached at the first run whose ratio is at most τ, reported as "N+R" (N interviews before the run,
 * R in it), or not reached when the corpus ends first. Runs slide by one interview.
 *
 * Codes are the researcher's tags when at least half the interviews carry one (each kind/tag a code),
 * else the recurring-theme keys (kind and content word): which one is said in the report.
 */

import { compareCodeUnits } from '../compare.js';

export interface SaturationOptions {
  base: number;
  run: number;
  /** The first threshold reported; 0 is always reported too. */
  threshold: number;
}

export const DEFAULT_SATURATION: SaturationOptions = { base: 4, run: 2, threshold: 0.05 };

export interface SaturationRow {
  /** 1-based positions of the run's interviews in date order. */
  from: number;
  to: number;
  newCodes: number;
  ratio: number;
}

export interface SaturationResult {
  codes: 'tags' | 'themes';
  order: 'date' | 'path';
  base: number;
  run: number;
  baseCodes: number;
  thresholds: Array<{ threshold: number; reachedAt: number | null; label: string }>;
  table: SaturationRow[];
  note?: string;
}

export interface PanelResult {
  participants: number;
  segments: Array<{ segment: string; interviews: number; share: number }>;
  warnings: string[];
}

/** What one interview brings: its date and its codes. */
export interface SaturationEntry {
  path: string;
  date?: string;
  segment?: string;
  participant?: string;
  /** Codes as strings, or as numbers standing for them (the summary interns them to keep memory flat). */
  tagCodes: ReadonlyArray<string | number>;
  themeCodes: ReadonlyArray<string | number>;
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;

/**
 * A copy of a short string that holds nothing else: front-matter values are slices of their note, and a
 * slice kept for the whole run would keep the whole note alive (80 MB over 13,000 notes).
 */
export function detached(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

/** A front-matter value as one line of text (a date as YYYY-MM-DD), or undefined when it is empty or a list or map. */
export function metaText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return detached(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** The fields of the front matter saturation and the panel read. */
export function entryMeta(meta: Record<string, unknown>): Pick<SaturationEntry, 'date' | 'segment' | 'participant'> {
  const out: Pick<SaturationEntry, 'date' | 'segment' | 'participant'> = {};
  const date = metaText(Object.hasOwn(meta, 'date') ? meta.date : undefined);
  const segment = metaText(Object.hasOwn(meta, 'segment') ? meta.segment : undefined);
  const participant = metaText(Object.hasOwn(meta, 'participant') ? meta.participant : undefined);
  if (date) out.date = date;
  if (segment) out.segment = segment;
  if (participant) out.participant = participant;
  return out;
}

export function saturation(entries: SaturationEntry[], options: SaturationOptions = DEFAULT_SATURATION): SaturationResult {
  const withTags = entries.filter((e) => e.tagCodes.length > 0).length;
  const codes: SaturationResult['codes'] = entries.length > 0 && withTags * 2 >= entries.length ? 'tags' : 'themes';
  const dated = entries.every((e) => e.date !== undefined);
  const ordered = [...entries].sort((a, b) => (dated ? compareCodeUnits(a.date as string, b.date as string) : 0) || compareCodeUnits(a.path, b.path));
  const sets = ordered.map((e) => new Set<string | number>(codes === 'tags' ? e.tagCodes : e.themeCodes));
  const { base: B, run: R } = options;
  const thresholds = [...new Set([options.threshold, 0])];
  const result: SaturationResult = { codes, order: dated ? 'date' : 'path', base: B, run: R, baseCodes: 0, thresholds: [], table: [] };
  const baseSet = new Set<string | number>();
  for (const set of sets.slice(0, B)) for (const c of set) baseSet.add(c);
  result.baseCodes = baseSet.size;
  if (sets.length < B + R) result.note = `${sets.length} interviews: saturation needs at least ${B + R} (base ${B} + run ${R})`;
  else if (baseSet.size === 0) result.note = 'the base interviews have no codes';
  const seen = new Set(baseSet);
  if (baseSet.size > 0) {
    for (let k = B + 1; k + R - 1 <= sets.length; k++) {
      // seen = the codes of interviews 1 … k−1
      const added = new Set<string | number>();
      for (let i = k; i <= k + R - 1; i++) for (const c of sets[i - 1] as Set<string | number>) if (!seen.has(c)) added.add(c);
      result.table.push({ from: k, to: k + R - 1, newCodes: added.size, ratio: round(added.size / baseSet.size) });
      for (const c of sets[k - 1] as Set<string | number>) seen.add(c);
    }
  }
  result.thresholds = thresholds.map((threshold) => {
    const row = result.table.find((r) => r.ratio <= threshold);
    const reachedAt = row ? row.from - 1 : null;
    return { threshold, reachedAt, label: row ? `${row.from - 1}+${R}` : 'not reached' };
  });
  return result;
}

/** About fifteen very different people (seed 001): fewer than this, and the panel is thin. */
export const MIN_PANEL = 12;
/** A segment holding more than this share of the interviews makes the panel one-sided. */
export const MAX_SEGMENT_SHARE = 0.5;

export function panel(entries: SaturationEntry[]): PanelResult {
  const participants = new Set(entries.map((e) => e.participant ?? e.path)).size;
  const counts = new Map<string, number>();
  for (const e of entries) if (e.segment) counts.set(e.segment, (counts.get(e.segment) ?? 0) + 1);
  const segments = [...counts].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0])).map(([segment, interviews]) => ({ segment, interviews, share: round(interviews / Math.max(1, entries.length)) }));
  const warnings: string[] = [];
  if (entries.length < MIN_PANEL) warnings.push(`${entries.length} interview${entries.length === 1 ? '' : 's'}: the method asks for about fifteen very different people (at least ${MIN_PANEL})`);
  const top = segments[0];
  if (top && top.share > MAX_SEGMENT_SHARE) warnings.push(`segment "${top.segment}" holds ${Math.round(top.share * 100)} % of the interviews: the panel is not diverse`);
  if (entries.length > 0 && counts.size === 0) warnings.push('no interview names its segment (front matter `segment:`)');
  return { participants, segments, warnings };
}
