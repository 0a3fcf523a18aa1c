/**
 * Recurring themes across interviews: extracts of one kind that share a content word (accents and case
 * folded, plural -s/-x dropped), ranked by how many interviews mention them.
 */
import { join } from 'node:path';
import { foldAccents, foldForMatching, stripInvisible } from '../language/normalise.js';
import { asStrings, readYaml } from '../rules/data.js';
import { RULES_DIR } from '../rules/load.js';
import { LANGS, type Lang } from '../types.js';
import type { Extract, ExtractKind, InterviewResult } from './types.js';

export interface ThemeQuote {
  path: string;
  line: number;
  text: string;
}

export interface Theme {
  kind: ExtractKind;
  keyword: string;
  interviews: number;
  extracts: number;
  quotes: ThemeQuote[];
}

let stopwords: Record<Lang, Set<string>> | undefined;
/** The stop words of rules/notes/keywords.yaml, folded like the text. */
export function loadStopwords(): Record<Lang, Set<string>> {
  if (stopwords) return stopwords;
  const file = join(RULES_DIR, 'notes', 'keywords.yaml');
  const raw = readYaml(file);
  const out = {} as Record<Lang, Set<string>>;
  for (const lang of LANGS) out[lang] = new Set(asStrings(raw[lang], lang, file).map((w) => foldAccents(w.toLowerCase())));
  stopwords = out;
  return out;
}

const BRACKETED = /\[[A-Z0-9-]+\]/g;
const ELIDED_LETTERS = new Set('ldjmnstc');
const isLetter = (code: number): boolean => code >= 97 && code <= 122;

/** "don't", "they're", "aujourd'hui": function words and contractions, never a theme (a possessive "team's" is). */
function isContraction(word: string): boolean {
  const at = word.indexOf("'");
  return at >= 0 && !(at === word.length - 2 && word.endsWith("'s"));
}

/** The word without a final 's, s or x (plural and possessive), for words over four letters. */
function stemOf(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("'s")) return word.slice(0, -2);
  return word.endsWith('s') || word.endsWith('x') ? word.slice(0, -1) : word;
}

/**
 * Content words of an extract, as stems, each with the surface form first seen. Words are runs of
 * a–z, apostrophes and hyphens starting with a letter, read off the folded text (lower case, no
 * accents, same length as the original), without an elided article (l', d', qu'…).
 */
export function keywords(text: string, lang: Lang): Map<string, string> {
  const stop = loadStopwords()[lang];
  const out = new Map<string, string>();
  const unbracketed = text.includes('[') ? text.replace(BRACKETED, (m) => ' '.repeat(m.length)) : text;
  const original = stripInvisible(unbracketed);
  const folded = foldForMatching(original);
  for (let i = 0; i < folded.length; ) {
    if (!isLetter(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    for (let code = folded.charCodeAt(end); isLetter(code) || code === 39 || code === 45; code = folded.charCodeAt(++end));
    let start = i;
    if (folded.charCodeAt(i + 1) === 39 && ELIDED_LETTERS.has(folded[i] as string)) start = i + 2;
    else if (folded.startsWith("qu'", i)) start = i + 3;
    i = end;
    const word = folded.slice(start, end);
    if (word.length < 4 || stop.has(word) || isContraction(word)) continue;
    const stem = stemOf(word);
    if (stop.has(stem) || out.has(stem)) continue;
    out.set(stem, original.slice(start, start + word.length).toLowerCase());
  }
  return out;
}

const MAX_THEMES_PER_KIND = 10;
const MAX_QUOTES = 3;

interface Group {
  kind: ExtractKind;
  stem: string;
  surfaces: Map<string, number>;
  interviews: number;
  lastPath: string;
  extracts: number;
  quotes: ThemeQuote[];
}

/** What one interview adds to the themes: its (kind, stem) groups, computed where the interview was analysed. */
export interface ThemesPart {
  path: string;
  groups: Array<{ kind: ExtractKind; stem: string; surfaces: Array<[string, number]>; extracts: number; quotes: ThemeQuote[] }>;
}

interface PartGroup {
  kind: ExtractKind;
  stem: string;
  surfaceCounts: Map<string, { count: number }>;
  extracts: number;
  quotes: ThemeQuote[];
}

/** The themes part of one interview: content words of its extracts, by kind, with the first quotes. */
export function themesPart(result: InterviewResult): ThemesPart {
  const groups = new Map<ExtractKind, Map<string, PartGroup>>();
  // Per extract text (notes repeat themselves, and a sentence extracted as several kinds is one string):
  // its content words, read once, and its groups and surface counters, found once per kind.
  const byText = new Map<string, { stems: Map<string, string>; targets: Partial<Record<ExtractKind, Array<{ group: PartGroup; surface: { count: number } }>>> }>();
  for (const extract of result.extracts) {
    let known = byText.get(extract.text);
    if (!known) {
      known = { stems: keywords(extract.text, result.lang), targets: {} };
      byText.set(extract.text, known);
    }
    let targets = known.targets[extract.kind];
    if (!targets) {
      targets = [];
      for (const [stem, surface] of known.stems) {
        let byStem = groups.get(extract.kind);
        if (!byStem) {
          byStem = new Map();
          groups.set(extract.kind, byStem);
        }
        let group = byStem.get(stem);
        if (!group) {
          group = { kind: extract.kind, stem, surfaceCounts: new Map(), extracts: 0, quotes: [] };
          byStem.set(stem, group);
        }
        let counter = group.surfaceCounts.get(surface);
        if (!counter) {
          counter = { count: 0 };
          group.surfaceCounts.set(surface, counter);
        }
        targets.push({ group, surface: counter });
      }
      known.targets[extract.kind] = targets;
    }
    for (const { group, surface } of targets) {
      surface.count++;
      group.extracts++;
      if (group.quotes.length < MAX_QUOTES) group.quotes.push({ path: result.path, line: extract.line, text: extract.text });
    }
  }
  const out: ThemesPart = { path: result.path, groups: [] };
  for (const byStem of groups.values()) {
    for (const { kind, stem, surfaceCounts, extracts, quotes } of byStem.values()) {
      out.groups.push({ kind, stem, surfaces: [...surfaceCounts].map(([surface, { count }]) => [surface, count]), extracts, quotes });
    }
  }
  return out;
}

/**
 * Up to MAX_QUOTES quotes, from two interviews at least when there are two: an interview's first quote
 * takes the place of the last quote of an interview already quoted more than once.
 */
function addQuotes(kept: ThemeQuote[], more: ThemeQuote[]): void {
  for (const [i, quote] of more.entries()) {
    if (kept.length < MAX_QUOTES) {
      kept.push(quote);
      continue;
    }
    if (i > 0 || kept.some((q) => q.path === quote.path) || new Set(kept.map((q) => q.path)).size >= 2) return;
    for (let at = kept.length - 1; at > 0; at--) {
      if (kept.findIndex((other) => other.path === (kept[at] as ThemeQuote).path) !== at) {
        kept[at] = quote;
        break;
      }
    }
    return;
  }
}

/**
 * Themes built one interview at a time, in path order: memory grows with the vocabulary, not with the
 * corpus (a few counters and at most three quotes per kind and word).
 */
export class ThemesBuilder {
  /** Groups by kind, then by stem. */
  private readonly groups = new Map<ExtractKind, Map<string, Group>>();
  private interviewCount = 0;

  add(result: InterviewResult): void {
    this.addPart(themesPart(result));
  }

  addPart(part: ThemesPart): void {
    this.interviewCount++;
    for (const { kind, stem, surfaces, extracts, quotes } of part.groups) {
      let byStem = this.groups.get(kind);
      if (!byStem) {
        byStem = new Map();
        this.groups.set(kind, byStem);
      }
      let group = byStem.get(stem);
      if (!group) {
        group = { kind, stem, surfaces: new Map(), interviews: 0, lastPath: '', extracts: 0, quotes: [] };
        byStem.set(stem, group);
      }
      for (const [surface, count] of surfaces) group.surfaces.set(surface, (group.surfaces.get(surface) ?? 0) + count);
      if (group.lastPath !== part.path) {
        group.interviews++;
        group.lastPath = part.path;
      }
      group.extracts += extracts;
      addQuotes(group.quotes, quotes);
    }
  }

  finish(): Theme[] {
    const minInterviews = this.interviewCount > 1 ? 2 : 1;
    const themes: Theme[] = [...this.groups.values()]
      .flatMap((byStem) => [...byStem.values()])
      .filter((g) => g.interviews >= minInterviews && g.extracts >= 2)
      .map((g) => ({
        kind: g.kind,
        keyword: [...g.surfaces].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? g.stem,
        interviews: g.interviews,
        extracts: g.extracts,
        quotes: g.quotes,
      }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || b.interviews - a.interviews || b.extracts - a.extracts || a.keyword.localeCompare(b.keyword));
    const perKind = new Map<string, number>();
    return themes.filter((t) => {
      const n = (perKind.get(t.kind) ?? 0) + 1;
      perKind.set(t.kind, n);
      return n <= MAX_THEMES_PER_KIND;
    });
  }
}
