/**
 * Who says each line of a note: the view `inspect` prints and the eval scores. Every non-blank line gets
 * a role — `interviewer`, `interviewee`, `notetaker` (the researcher's own text) or `meta` (front matter,
 * headings that are not questions, comments, label-only lines…) — and the speaker when one is known.
 */
import { LineIndex } from '../document/positions.js';
import type { Interview } from './types.js';

export type LineRole = 'interviewer' | 'interviewee' | 'notetaker' | 'meta';

export interface LineReading {
  line: number;
  role: LineRole;
  speaker: string | null;
}

export function lineRoles(interview: Interview): LineReading[] {
  const { source } = interview;
  const index = new LineIndex(source);
  const lines = source.split('\n');
  const assigned = new Array<{ role: LineRole; speaker: string | null } | undefined>(lines.length);
  for (const u of interview.utterances) {
    const role: LineRole = u.role === 'narrator' ? 'notetaker' : u.role;
    for (const seg of u.segments) {
      if (seg.end <= seg.start) continue;
      for (let l = index.position(seg.start).line - 1, last = index.position(seg.end - 1).line - 1; l <= last; l++) assigned[l] ??= { role, speaker: u.speaker };
    }
  }
  const out: LineReading[] = [];
  lines.forEach((text, l) => {
    if (text.trim() === '') return;
    const a = assigned[l];
    out.push({ line: l + 1, role: a?.role ?? 'meta', speaker: a?.speaker ?? null });
  });
  return out;
}
