/**
 * Lexicons a user brings with `analyze --lexicon <file>`: a YAML lexicon in the format of
 * rules/extract/*.yaml (kind, patterns, classes or emotion categories), or a word list — one word or
 * phrase per line with its emotion (`word<TAB>emotion`, optionally a third column 0/1 as in
 * word-emotion association lexicons, or the same as CSV). Lexicons whose licences do not allow bundling
 * them (NRC EmoLex, FEEL, AFINN-fr) can be used this way. A user lexicon adds to the shipped one of its
 * kind; it never replaces it.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { compilePattern, escapeRegExp, PatternError } from '../rules/compile.js';
import { RuleLoadError, readYaml } from '../rules/data.js';
import { isSafePattern } from '../rules/safety.js';
import { foldAccents } from '../language/normalise.js';
import { LANGS, perLang } from '../types.js';
import { loadLexicon, type EmotionCategory, type KindLexicon, type Polarity } from './load.js';

/** Polarity of the usual emotion names of word lists; other names are "mixed". */
const POLARITY: Record<string, Polarity> = {
  anger: 'negative',
  fear: 'negative',
  sadness: 'negative',
  disgust: 'negative',
  negative: 'negative',
  colere: 'negative',
  peur: 'negative',
  tristesse: 'negative',
  degout: 'negative',
  negatif: 'negative',
  joy: 'positive',
  trust: 'positive',
  anticipation: 'positive',
  positive: 'positive',
  joie: 'positive',
  confiance: 'positive',
  positif: 'positive',
  surprise: 'mixed',
};

/** Words per compiled pattern: long alternations stay fast to compile and to run. */
const WORDS_PER_PATTERN = 500;

/** A word list (TSV or CSV): `word, emotion[, 0|1]` per line; `#` comments and a header line are skipped. */
export function readWordList(file: string, text: string): KindLexicon {
  const byCategory = new Map<string, Set<string>>();
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(line.includes('\t') ? '\t' : /[,;]/).map((c) => c.trim());
    const [word, category, association] = cells;
    if (!word || !category) throw new RuleLoadError(`line ${n + 1}: expected "word<TAB>emotion" (or "word,emotion"), got ${JSON.stringify(line.slice(0, 80))}`, file);
    if (n === 0 && /^(?:emotion|category|emotions|categorie|catégorie|sentiment)$/i.test(category)) continue;
    if (association !== undefined && association !== '' && !/^[01](?:\.0+)?$/.test(association)) throw new RuleLoadError(`line ${n + 1}: the third column must be 0 or 1, got ${JSON.stringify(association)}`, file);
    if (association !== undefined && Number(association) === 0) continue;
    const name = category.toLowerCase();
    const words = byCategory.get(name) ?? new Set<string>();
    words.add(word.toLowerCase());
    byCategory.set(name, words);
  }
  if (byCategory.size === 0) throw new RuleLoadError('no word with an emotion', file);
  const categories: EmotionCategory[] = [...byCategory].map(([name, words]) => {
    const sorted = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const patterns: RegExp[] = [];
    for (let i = 0; i < sorted.length; i += WORDS_PER_PATTERN) {
      const source = `(?<![\\p{L}\\p{N}])(?:${sorted.slice(i, i + WORDS_PER_PATTERN).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`;
      patterns.push(compilePattern(source, {}, `${file}: ${name}`));
    }
    // A word list names no language: its words are looked for in both.
    return { name, polarity: POLARITY[foldAccents(name)] ?? 'mixed', patterns: perLang(() => patterns), examples: perLang((): string[] => []) };
  });
  const none = perLang((): RegExp[] => []);
  return { kind: 'emotion', confidence: 0.6, description: { en: `words of ${file}`, fr: `mots de ${file}` }, patterns: none, weights: perLang((): number[] => []), unless: none, categories, classes: [], examples: {}, file };
}

/** Every pattern source of a YAML lexicon (languages, classes, categories), to check that none can run away on a long line. */
function patternSources(raw: Record<string, unknown>): string[] {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const out: string[] = [];
  for (const lang of LANGS) {
    const entry = record(record(raw.languages)[lang]);
    out.push(...strings(entry.patterns), ...strings(entry.unless));
  }
  for (const cls of Object.values(record(raw.classes))) for (const lang of LANGS) out.push(...strings(record(record(cls)[lang]).patterns));
  for (const category of Object.values(record(raw.categories))) for (const lang of LANGS) out.push(...strings(record(category)[lang]));
  return out;
}

/** A user lexicon file, by its extension: .yaml/.yml (the shipped format) or a word list (.tsv, .csv, .txt). */
export function readUserLexicon(file: string): KindLexicon {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') {
    const raw = readYaml(file);
    for (const source of patternSources(raw)) {
      if (!isSafePattern(source)) throw new RuleLoadError(`pattern ${JSON.stringify(source.slice(0, 80))} could take exponential time (nested or overlapping repetition)`, file);
    }
    try {
      return loadLexicon(file);
    } catch (error) {
      if (error instanceof PatternError) throw new RuleLoadError(error.message, file);
      throw error;
    }
  }
  if (ext === '.tsv' || ext === '.csv' || ext === '.txt') return readWordList(file, readFileSync(file, 'utf8'));
  throw new RuleLoadError('a lexicon is a .yaml/.yml file (the format of rules/extract/) or a word list (.tsv, .csv, .txt: word and emotion per line)', file);
}

/** The shipped lexicons with the user's added to those of the same kind (patterns, unless, classes, categories). */
export function mergeLexicons(base: KindLexicon[], extra: KindLexicon[]): KindLexicon[] {
  return base.map((lexicon) => {
    const more = extra.filter((e) => e.kind === lexicon.kind);
    if (more.length === 0) return lexicon;
    const patterns = perLang((lang) => [...lexicon.patterns[lang], ...more.flatMap((m) => m.patterns[lang])]);
    const weights = perLang((lang) => [...lexicon.weights[lang], ...more.flatMap((m) => m.weights[lang])]);
    const unless = perLang((lang) => [...lexicon.unless[lang], ...more.flatMap((m) => m.unless[lang])]);
    const categories = [...lexicon.categories];
    for (const category of more.flatMap((m) => m.categories)) {
      const same = categories.findIndex((c) => c.name === category.name);
      if (same < 0) categories.push(category);
      else {
        const known = categories[same] as EmotionCategory;
        categories[same] = { ...known, patterns: perLang((lang) => [...known.patterns[lang], ...category.patterns[lang]]) };
      }
    }
    return { ...lexicon, patterns, weights, unless, categories, classes: [...lexicon.classes, ...more.flatMap((m) => m.classes)] };
  });
}
