/**
 * Who says each line of a note: the view `inspect` prints and the eval scores. Every non-blank line gets
 * a role — `interviewer`, `interviewee`, `notetaker` (the researcher's own text) or `meta` (front matter,
 * headings that are not questions, comments, label-only lines…) — and the speaker when one is known.
 */
import type { Interview } from './types.js';

export type LineRole = 'interviewer' | 'interviewee' | 'notetaker' | 'meta';

export interface LineReading {
  line: number;
  role: LineRole;
  speaker: string | null;
}

export function lineRoles(interview: Interview): LineReading[] {
  const { source } = interview;
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const assigned = new Array<{ role: LineRole; speaker: string | null } | undefined>(starts.length);
  for (const u of interview.utterances) {
    const role: LineRole = u.role === 'narrator' ? 'notetaker' : u.role;
    for (const seg of u.segments) {
      if (seg.end <= seg.start) continue;
      for (let l = lineOf(seg.start), last = lineOf(seg.end - 1); l <= last; l++) assigned[l] ??= { role, speaker: u.speaker };
    }
  }
  for (const override of interview.lineOverrides ?? []) assigned[override.line - 1] = { role: override.role, speaker: override.speaker };
  const out: LineReading[] = [];
  for (let l = 0; l < starts.length; l++) {
    const end = l + 1 < starts.length ? (starts[l + 1] as number) - 1 : source.length;
    if (source.slice(starts[l], end).trim() === '') continue;
    const a = assigned[l];
    out.push({ line: l + 1, role: a?.role ?? 'meta', speaker: a?.speaker ?? null });
  }
  return out;
}
