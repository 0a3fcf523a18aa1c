import type { Lang, Severity } from '../types.js';

export type Localised<T> = Record<Lang, T>;

/** The language pack: word classes and sentence cues shared by every rule (rules/language/<lang>.yaml). */
export interface LanguagePack {
  lang: Lang;
  classes: Record<string, string>;
  prompts: RegExp[];
  questionStarts: RegExp[];
  why: RegExp[];
  followUps: RegExp[];
  leadIns: RegExp[];
  alternatives: RegExp[];
  /** A lead-in that introduces a list of answers the interviewer offers ("For example, does your team:"). */
  offeredAnswerCues: RegExp[];
}

export interface CompiledMatch {
  source: string;
  regex: RegExp;
  suggestion?: string;
  message?: string;
  /** Only use this entry's suggestion when this also matches (the finding stands either way). */
  when?: RegExp;
  /** `question` (default): test each question; `item`: the whole item text; `offered`: answers read out by the interviewer. */
  target: 'question' | 'item' | 'offered';
}

export interface RuleLanguage {
  message: string;
  suggestion?: string;
  match: CompiledMatch[];
  unless: RegExp[];
  /** Extra messages and data used by guide-level rule types. */
  extra: Record<string, unknown>;
  compiledLists: Record<string, RegExp[]>;
}

export type RuleType = 'question' | 'probes' | 'themes';

export interface RuleExamples {
  invalid: string[];
  valid: string[];
}

export interface Rule {
  id: string;
  type: RuleType;
  severity: Severity;
  description: Localised<string>;
  rationale: Localised<string>;
  options: Record<string, unknown>;
  /** A JSON Schema per option (those without one are checked by the type of their default). */
  optionSchema: Record<string, unknown>;
  skip: string[];
  compound: boolean;
  languages: Partial<Localised<RuleLanguage>>;
  examples: Partial<Localised<RuleExamples>>;
  /** Raw extra top-level data (e.g. `themes` of theme-coverage), compiled per rule type. */
  data: Record<string, unknown>;
  file: string;
}

export interface RuleSet {
  rules: Rule[];
  packs: Localised<LanguagePack>;
}
