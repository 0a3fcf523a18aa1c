/** Loading the analyzer's data: rules/notes/ (structure, codebook) and rules/extract/ (one lexicon per kind). */
import { join } from 'node:path';
import { labelKey, type NotesStructure } from './transcript.js';
import { EXTRACT_KINDS, type ExtractKind } from './types.js';
import { asRecord, asStrings, compileList, readYaml, RuleLoadError, yamlFiles, type Raw } from '../rules/data.js';
import { escapeRegExp } from '../rules/compile.js';
import { defaultRuleSet, RULES_DIR } from '../rules/load.js';
import type { Localised } from '../rules/types.js';
import { LANGS, type Lang } from '../types.js';

export type Polarity = 'positive' | 'negative' | 'mixed';

export interface EmotionCategory {
  name: string;
  polarity: Polarity;
  patterns: Localised<RegExp[]>;
  /** Sentences that express this category, per language (run as tests). */
  examples: Localised<string[]>;
}

/** A named class of cues (failure, fallback, frequency…): its patterns and its examples, per language. */
export interface CueClass {
  name: string;
  description: string;
  /** How much one cue of this class says (the lexicon's confidence unless the class sets its own). */
  confidence: number;
  patterns: Localised<RegExp[]>;
  examples: Localised<{ match: string[]; noMatch: string[] }>;
}

export interface KindLexicon {
  kind: ExtractKind;
  confidence: number;
  description: Localised<string>;
  patterns: Localised<RegExp[]>;
  /** The confidence one match of each pattern gives (parallel to `patterns`). */
  weights: Localised<number[]>;
  unless: Localised<RegExp[]>;
  categories: EmotionCategory[];
  /** Named cue classes; their patterns are also in `patterns`. */
  classes: CueClass[];
  examples: Partial<Localised<{ match: string[]; noMatch: string[] }>>;
  file: string;
}

/** Tag (accent-free, lower case) → kind. */
export type Codebook = Map<string, ExtractKind>;

export interface NotesRules {
  structure: NotesStructure;
  codebook: Codebook;
  lexicons: KindLexicon[];
  /** Emotion category names (a bare #frustration tag is an emotion of that category). */
  emotionCategories: Set<string>;
}

function isKind(value: string): value is ExtractKind {
  return (EXTRACT_KINDS as readonly string[]).includes(value);
}

/** Read a codebook file (`kind: [aliases]`) into `into`; unknown kinds are an error naming the file. */
export function readCodebook(file: string, into: Codebook = new Map()): Codebook {
  const raw = readYaml(file);
  for (const [kind, aliases] of Object.entries(raw)) {
    if (!isKind(kind)) throw new RuleLoadError(`unknown kind "${kind}" (expected one of ${EXTRACT_KINDS.join(', ')})`, file);
    into.set(labelKey(kind), kind);
    for (const alias of asStrings(aliases, kind, file)) into.set(labelKey(alias.replace(/^#/, '')), kind);
  }
  return into;
}

function localisedStrings(raw: Raw, key: string, file: string): Localised<string> {
  const value = asRecord(raw[key] ?? {}, key, file);
  const out = {} as Localised<string>;
  for (const lang of LANGS) out[lang] = typeof value[lang] === 'string' ? (value[lang] as string) : '';
  return out;
}

export function loadLexicon(file: string): KindLexicon {
  const raw = readYaml(file);
  const kind = String(raw.kind);
  if (!isKind(kind)) throw new RuleLoadError(`unknown kind "${kind}"`, file);
  const confidence = typeof raw.confidence === 'number' ? raw.confidence : 0.6;
  const packs = defaultRuleSet().packs;
  const languages = asRecord(raw.languages ?? {}, 'languages', file);
  const patterns = {} as Localised<RegExp[]>;
  const unless = {} as Localised<RegExp[]>;
  const weights = {} as Localised<number[]>;
  for (const lang of LANGS) {
    const entry = asRecord(languages[lang] ?? {}, `languages.${lang}`, file);
    patterns[lang] = compileList(asStrings(entry.patterns, `languages.${lang}.patterns`, file), packs[lang].classes, `languages.${lang}.patterns`, file);
    weights[lang] = patterns[lang].map(() => confidence);
    unless[lang] = compileList(asStrings(entry.unless, `languages.${lang}.unless`, file), packs[lang].classes, `languages.${lang}.unless`, file);
  }
  const categories: EmotionCategory[] = Object.entries(asRecord(raw.categories ?? {}, 'categories', file)).map(([name, value]) => {
    const entry = asRecord(value, `categories.${name}`, file);
    const polarity = entry.polarity === 'positive' || entry.polarity === 'negative' ? entry.polarity : 'mixed';
    const byLang = {} as Localised<RegExp[]>;
    const rawExamples = asRecord(entry.examples ?? {}, `categories.${name}.examples`, file);
    const examples = {} as Localised<string[]>;
    for (const lang of LANGS) {
      byLang[lang] = compileList(asStrings(entry[lang], `categories.${name}.${lang}`, file), packs[lang].classes, `categories.${name}.${lang}`, file);
      examples[lang] = asStrings(rawExamples[lang], `categories.${name}.examples.${lang}`, file);
    }
    return { name, polarity, patterns: byLang, examples };
  });
  // Named cue classes: each brings its patterns (added to the lexicon's) and its own examples.
  const classes: CueClass[] = Object.entries(asRecord(raw.classes ?? {}, 'classes', file)).map(([name, value]) => {
    const entry = asRecord(value, `classes.${name}`, file);
    const classPatterns = {} as Localised<RegExp[]>;
    const classExamples = {} as CueClass['examples'];
    const classConfidence = typeof entry.confidence === 'number' && entry.confidence > 0 && entry.confidence <= 1 ? entry.confidence : confidence;
    for (const lang of LANGS) {
      const at = `classes.${name}.${lang}`;
      const byLang = asRecord(entry[lang] ?? {}, at, file);
      classPatterns[lang] = compileList(asStrings(byLang.patterns, `${at}.patterns`, file), packs[lang].classes, `${at}.patterns`, file);
      patterns[lang].push(...classPatterns[lang]);
      weights[lang].push(...classPatterns[lang].map(() => classConfidence));
      classExamples[lang] = { match: asStrings(byLang.match, `${at}.match`, file), noMatch: asStrings(byLang.noMatch, `${at}.noMatch`, file) };
    }
    return { name, description: typeof entry.description === 'string' ? entry.description : '', confidence: classConfidence, patterns: classPatterns, examples: classExamples };
  });
  const examples: KindLexicon['examples'] = {};
  const rawExamples = asRecord(raw.examples ?? {}, 'examples', file);
  for (const lang of LANGS) {
    const entry = asRecord(rawExamples[lang] ?? {}, `examples.${lang}`, file);
    examples[lang as Lang] = { match: asStrings(entry.match, `examples.${lang}.match`, file), noMatch: asStrings(entry.noMatch, `examples.${lang}.noMatch`, file) };
  }
  return { kind, confidence, description: localisedStrings(raw, 'description', file), patterns, weights, unless, categories, classes, examples, file };
}

function loadStructure(file: string): NotesStructure {
  const raw = readYaml(file);
  const keys = (key: string): string[] => asStrings(raw[key], key, file).map(labelKey);
  return {
    interviewerLabels: new Set(keys('interviewerLabels')),
    intervieweeLabels: new Set(keys('intervieweeLabels')),
    interviewerPatterns: asStrings(raw.interviewerPatterns, 'interviewerPatterns', file).map((p) => new RegExp(`^(?:${p})$`, 'u')),
    intervieweePatterns: asStrings(raw.intervieweePatterns, 'intervieweePatterns', file).map((p) => new RegExp(`^(?:${p})$`, 'u')),
    notSpeakers: new Set(keys('notSpeakers')),
    metaFields: new Set(raw.metaFields === undefined ? [] : keys('metaFields')),
    personFields: new Set(raw.personFields === undefined ? [] : keys('personFields')),
    clauseOpeners: new Set(raw.clauseOpeners === undefined ? [] : keys('clauseOpeners')),
    notetakerLabels: new Set(raw.notetakerLabels === undefined ? [] : keys('notetakerLabels')),
    researcherSections: new RegExp(`(?:^|[^\\p{L}])(?:${keys('researcherSections').map(escapeRegExp).join('|')})(?:$|[^\\p{L}])`, 'u'),
    voiceMarkers: asStrings(raw.voiceMarkers, 'voiceMarkers', file),
    observationMarkers: raw.observationMarkers === undefined ? [] : asStrings(raw.observationMarkers, 'observationMarkers', file),
    // Matched on the raw line, case-insensitively (the list holds each accented form): no folding per line.
    // A leading literal alternation (no look-around before it) lets V8 scan for the markers quickly.
    sponsorMarkers: raw.sponsorMarkers === undefined ? undefined : new RegExp(`(?:${asStrings(raw.sponsorMarkers, 'sponsorMarkers', file).map((m) => escapeRegExp(m).replace(/'/g, "['’]")).join('|')})(?![\\p{L}])`, 'iu'),
  };
}

/** Add `kind: [tags]` aliases given inline (configuration files) to a codebook. */
export function addAliases(codebook: Codebook, aliases: Record<string, string[]>, file: string): Codebook {
  for (const [kind, tags] of Object.entries(aliases)) {
    if (!isKind(kind)) throw new RuleLoadError(`unknown kind "${kind}" (expected one of ${EXTRACT_KINDS.join(', ')})`, file);
    for (const tag of tags) codebook.set(labelKey(tag.replace(/^#/, '')), kind);
  }
  return codebook;
}

/** The analyzer's data; `extra` holds aliases read from --codebook files (they win over the default ones). */
export function loadNotesRules(dir: string = RULES_DIR, extra: Codebook = new Map()): NotesRules {
  const codebook = readCodebook(join(dir, 'notes', 'codebook.yaml'));
  const lexicons = yamlFiles(join(dir, 'extract')).map(loadLexicon);
  const emotionCategories = new Set(lexicons.flatMap((l) => l.categories.map((c) => labelKey(c.name))));
  for (const [alias, kind] of extra) codebook.set(alias, kind);
  const structure = loadStructure(join(dir, 'notes', 'structure.yaml'));
  // A label that is a codebook tag ("Besoin :", "Problem:") is a note-taking heading, never a speaker.
  for (const alias of codebook.keys()) structure.notSpeakers.add(alias);
  return { structure, codebook, lexicons, emotionCategories };
}
