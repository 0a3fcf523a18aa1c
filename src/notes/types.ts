/** Value types of the notes analyzer: a parsed interview, its utterances and what is extracted from them. */
import type { Finding, Lang, Span } from '../types.js';

export const EXTRACT_KINDS = ['need', 'problem', 'emotion', 'context', 'alternative', 'criterion', 'improvement'] as const;
export type ExtractKind = (typeof EXTRACT_KINDS)[number];

/** Who is speaking: the interviewer, the person interviewed, or the note-taker's own text (summary, observations). */
export type Role = 'interviewer' | 'interviewee' | 'narrator';

/** A piece of one source line that belongs to an utterance (markers, labels and quote signs removed). */
export interface Segment {
  start: number;
  end: number;
}

/** A paragraph, list item or speaker turn: the unit tags attach to. */
export interface Utterance {
  speaker: string | null;
  role: Role;
  segments: Segment[];
  /** Words of a speaker's turn, counted once when the transcript is read. */
  words?: number;
}

export interface Speaker {
  name: string;
  role: Role;
  turns: number;
  words: number;
}

export interface Interview {
  path: string;
  lang: Lang;
  meta: Record<string, unknown>;
  /** The full decoded text (LF line endings). */
  source: string;
  utterances: Utterance[];
  speakers: Speaker[];
  /** The conventions the reader detected (e.g. "speaker-labels", "quoted-write-up"), for `inspect`. */
  formats: string[];
  /** Notes about how the file was read (an unclosed front matter). */
  notices?: string[];
}

export interface Extract {
  kind: ExtractKind;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  speaker: string | null;
  source: 'tag' | 'auto';
  confidence: number;
  emotion?: string;
  polarity?: 'positive' | 'negative' | 'mixed';
  tags?: string[];
}

export interface InterviewResult {
  path: string;
  lang: Lang;
  meta: Record<string, unknown>;
  speakers: Speaker[];
  /** Interviewer words / all words; null when no interviewer turn was recognised. */
  talkRatio: number | null;
  extracts: Extract[];
  interviewerIssues: Finding[];
  /** Notes about the file itself (e.g. it is not UTF-8). */
  notices?: string[];
}

export type { Span };
