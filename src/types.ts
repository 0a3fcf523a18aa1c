/** Shared value types that flow through the pipeline: input → document → language → rules → report. */

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

/** A value per language, built by `make`. */
export function perLang<T>(make: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A 1-based line/column range with 0-based source offsets (end exclusive). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

/** One question or interview prompt, as written. */
export interface Question {
  /** The sentence as it stands in the source (markup included). */
  text: string;
  span: Span;
  /** The same text normalised for matching (same length: apostrophes, spaces, emphasis). */
  normalised: string;
  /** The normalised text folded for pattern matching (lower case, no diacritics, same length). */
  folded: string;
  /** true when the sentence ends with a question mark. */
  interrogative: boolean;
  /** true for interview prompts such as "Tell me about…", "Racontez-moi…". */
  prompt: boolean;
}

/**
 * One block of a guide that holds questions: a list item, a paragraph, a heading, a YAML `text`
 * or a line of a text guide. Questions written on the same line are in the same item.
 */
export interface GuideItem {
  text: string;
  span: Span;
  questions: Question[];
  /** Items nested under this one (follow-ups). */
  probes: GuideItem[];
  /** Explicit themes from YAML (`theme:` / `themes:`). */
  themes: string[];
  /** A candidate answer the interviewer reads out ("For example, does your team: - not have the right tools"). */
  offered?: boolean;
}

export interface Section {
  title: string;
  /** Span of the heading (or YAML title); undefined for the part before any heading. */
  span?: Span;
  items: GuideItem[];
}

export type GuideFormat = 'markdown' | 'yaml' | 'text';

export interface Guide {
  path: string;
  format: GuideFormat;
  lang: Lang;
  meta: Record<string, unknown>;
  sections: Section[];
  /** The full decoded text (LF line endings). */
  source: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  suggestion?: string;
}

/** A file that could not be read or parsed: it flows to the report instead of stopping the run. */
export interface FileError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface FileResult {
  path: string;
  lang: Lang;
  messages: Finding[];
}
