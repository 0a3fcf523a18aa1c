/**
 * From utterances to extracts: explicit #tags first (confidence 1), then the kind lexicons of
 * rules/extract/ on the interviewee's untagged sentences.
 */
import { foldForMatching, foldNormalised, hasInvisible, normaliseForMatching } from '../language/normalise.js';
import { splitSentences } from '../language/sentences.js';
import type { LineIndex } from '../document/positions.js';
import type { Lang, Span } from '../types.js';
import type { KindLexicon, NotesRules, Polarity } from './load.js';
import { prefilter } from '../rules/prefilter.js';
import { PatternIndex } from '../rules/literal-scanner.js';
import { labelKey, utteranceText } from './transcript.js';
import type { Extract, ExtractKind, Utterance } from './types.js';

const TAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}][\p{L}\p{N}_-]*(?:\/[\p{L}\p{N}_-]+)*)/gu;
/** Tags at the very end, after terminal punctuation or a line break (group 2), and what precedes them up to that point (group 1). */
const TRAILING_TAGS = /^([\s\S]*?(?:[.!?…»"”)\]*_]|\n|^))\s*((?:#[\p{L}][\p{L}\p{N}_/-]*[\s,;]*)+)$/u;

export interface TagMeaning {
  kind: ExtractKind;
  emotion?: string;
}

/** What a tag means in the codebook: `#besoin` → need, `#emotion/frustration` → emotion (frustration), `#frustration` → emotion. */
export function tagMeaning(tag: string, rules: NotesRules): TagMeaning | undefined {
  const parts = tag.split('/').map(labelKey);
  const head = parts[0] ?? '';
  const whole = rules.codebook.get(parts.join('/'));
  const kind = whole ?? rules.codebook.get(head) ?? (rules.emotionCategories.has(head) ? 'emotion' : undefined);
  if (!kind) return undefined;
  if (kind !== 'emotion') return { kind };
  const category = rules.emotionCategories.has(head) ? head : parts[1];
  return category ? { kind, emotion: category } : { kind };
}

export function findTags(text: string): Array<{ tag: string; start: number; end: number }> {
  return [...text.matchAll(TAG)].map((m) => ({ tag: m[1] as string, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Blank out (same length) every match of the patterns: what `unless` excludes is not matched afterwards. */
function blank(text: string, matcher: LexiconMatcher): string {
  let out = text;
  for (const regex of matcher.unlessGlobal) out = out.replace(regex, (m) => ' '.repeat(m.length));
  return out;
}

/**
 * Compiled once per lexicon and language: the places of the lexicon's patterns in the language's
 * PatternIndex, and global forms of the `unless` patterns for blanking.
 */
interface LexiconMatcher {
  /** The patterns (of all categories, for a lexicon with categories). */
  all: RegExp[];
  unlessGlobal: RegExp[];
  /** Index ids of `all`, of each category's patterns, of the unless patterns. */
  ids: number[];
  categoryIds: number[][];
  unlessIds: number[];
}

/**
 * All the lexicons of one language behind one literal scan: a sentence is scanned once, and only the
 * patterns whose required literals it contains are run (most sentences contain none of a kind's).
 */
interface LanguageMatcher {
  index: PatternIndex;
  lexicons: LexiconMatcher[];
}

const languageMatchers = new WeakMap<KindLexicon[], Partial<Record<Lang, LanguageMatcher>>>();

function languageMatcherFor(lexicons: KindLexicon[], lang: Lang): LanguageMatcher {
  const byLang = languageMatchers.get(lexicons) ?? {};
  let matcher = byLang[lang];
  if (!matcher) {
    const patterns: RegExp[] = [];
    const place = (list: RegExp[]): number[] => list.map((regex) => patterns.push(regex) - 1);
    const perLexicon = lexicons.map((lexicon): LexiconMatcher => {
      const categoryIds = lexicon.categories.map((c) => place(c.patterns[lang]));
      const all = lexicon.categories.length > 0 ? lexicon.categories.flatMap((c) => c.patterns[lang]) : lexicon.patterns[lang];
      return {
        all,
        unlessGlobal: lexicon.unless[lang].map((r) => new RegExp(r.source, `${r.flags.replace(/[gd]/g, '')}g`)),
        ids: lexicon.categories.length > 0 ? categoryIds.flat() : place(lexicon.patterns[lang]),
        categoryIds,
        unlessIds: place(lexicon.unless[lang]),
      };
    });
    matcher = { index: new PatternIndex(patterns), lexicons: perLexicon };
    byLang[lang] = matcher;
    languageMatchers.set(lexicons, byLang);
  }
  return matcher;
}

export interface AutoHit {
  kind: ExtractKind;
  confidence: number;
  emotion?: string;
  polarity?: Polarity;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The target of a markdown link, a bare address. */
const LINK_TARGET = /\]\([^)\s]*\)|\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/gu;

/** Run every kind lexicon on one sentence. */
export function classifySentence(sentence: string, lang: Lang, lexicons: KindLexicon[]): AutoHit[] {
  return classifyFolded(foldForMatching(sentence), lang, lexicons);
}

/**
 * classifySentence on a sentence already folded for matching. Patterns whose literals the sentence
 * lacks cannot match it and are not run; where an `unless` blanked part of the sentence (which could
 * make room for a match), the lexicon falls back to running all its patterns on the blanked text.
 */
function classifyFolded(sentence: string, lang: Lang, lexicons: KindLexicon[]): AutoHit[] {
  // A link's address is nobody's words ("…/barriers-to-reporting.docx"): blanked, same length.
  const text = sentence.includes('://') || sentence.includes('](') || sentence.includes('www.') ? sentence.replace(LINK_TARGET, (m) => ' '.repeat(m.length)) : sentence;
  const hits: AutoHit[] = [];
  const { index, lexicons: matchers } = languageMatcherFor(lexicons, lang);
  index.mark(text);
  for (const [l, lexicon] of lexicons.entries()) {
    const matcher = matchers[l] as LexiconMatcher;
    if (!index.hasAny(matcher.ids)) continue;
    const open = index.hasAny(matcher.unlessIds) ? blank(text, matcher) : text;
    const blanked = open !== text;
    // Blanking could make room for a match that the scan of the text did not foresee: there, the merged
    // patterns decide (prefilters, compiled on first use).
    const any = blanked ? prefilter(matcher.all) : undefined;
    if (any && !any.test(text)) continue;
    if (lexicon.categories.length > 0) {
      let best: { name: string; polarity: Polarity; count: number } | undefined;
      for (const [i, category] of lexicon.categories.entries()) {
        if (blanked ? prefilter(category.patterns[lang])?.test(open) === false : !index.hasAny(matcher.categoryIds[i] as number[])) continue;
        const count = blanked ? countMatching(category.patterns[lang], open) : countCandidates(category.patterns[lang], matcher.categoryIds[i] as number[], index, open);
        if (count > 0 && (!best || count > best.count)) best = { name: category.name, polarity: category.polarity, count };
      }
      if (best) hits.push({ kind: lexicon.kind, confidence: round(Math.min(0.95, lexicon.confidence + 0.1 * (best.count - 1))), emotion: best.name, polarity: best.polarity });
      continue;
    }
    // The strongest cue sets the confidence; each further cue adds 0.1 (up to 0.95).
    const weights = lexicon.weights[lang];
    let count = 0;
    let strongest = 0;
    const patterns = lexicon.patterns[lang];
    for (let i = 0; i < patterns.length; i++) {
      if (!blanked && !index.has(matcher.ids[i] as number)) continue;
      if (!(patterns[i] as RegExp).test(open)) continue;
      count++;
      strongest = Math.max(strongest, weights[i] ?? lexicon.confidence);
    }
    if (count > 0) hits.push({ kind: lexicon.kind, confidence: round(Math.min(0.95, strongest + 0.1 * (count - 1))) });
  }
  return hits;
}

function countMatching(patterns: RegExp[], text: string): number {
  let count = 0;
  for (const r of patterns) if (r.test(text)) count++;
  return count;
}

/** countMatching over the patterns the index marked as candidates (ids: their places in the index). */
function countCandidates(patterns: RegExp[], ids: number[], index: PatternIndex, text: string): number {
  let count = 0;
  for (let i = 0; i < patterns.length; i++) if (index.has(ids[i] as number) && (patterns[i] as RegExp).test(text)) count++;
  return count;
}

/**
 * In notes, a line break followed by a capital or a marker starts a new statement even without a full
 * stop ("…moins préoccupé⏎Dans 50 ans…"); wrapped prose continues in lower case.
 */
function splitAtLineStarts(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = start;
  const breaks = /\n(?=[\p{Lu}\p{Extended_Pictographic}"«“(\[#])/gu;
  breaks.lastIndex = start;
  for (let m = breaks.exec(text); m && m.index < end; m = breaks.exec(text)) {
    if (text.slice(from, m.index).trim()) out.push({ start: from, end: m.index });
    from = m.index + 1;
  }
  if (text.slice(from, end).trim()) out.push({ start: from, end });
  return out;
}

/** A tagged emotion gets its category and polarity from the tag (#emotion/anger) or else from the lexicon. */
function withEmotion(meaning: TagMeaning, text: string, lang: Lang, rules: NotesRules): TagMeaning & { polarity?: Polarity } {
  if (meaning.kind !== 'emotion') return meaning;
  const lexicon = rules.lexicons.find((l) => l.kind === 'emotion');
  const known = lexicon?.categories.find((c) => labelKey(c.name) === meaning.emotion);
  if (known) return { ...meaning, emotion: known.name, polarity: known.polarity };
  if (meaning.emotion || !lexicon) return meaning;
  const hit = classifySentence(text, lang, rules.lexicons).find((h) => h.kind === 'emotion');
  return hit?.emotion ? { ...meaning, emotion: hit.emotion, ...(hit.polarity ? { polarity: hit.polarity } : {}) } : meaning;
}

/** Whitespace that cleaning would change: anything but a space, or two spaces in a row. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

function cleanText(text: string): string {
  const untagged = text.includes('#') ? text.replace(TAG, ' ') : text;
  return (UNEVEN_SPACE.test(untagged) ? untagged.replace(/\s+/g, ' ') : untagged).trim();
}

const HAS_CONTENT = /[\p{L}\p{N}]/u;

interface Piece {
  start: number;
  end: number;
  text: string;
  /** Position and cleaned text, computed once for a sentence extracted as several kinds. */
  resolved?: { span: Span; text: string };
}

interface ExtractFields {
  kind: ExtractKind;
  source: Extract['source'];
  confidence: number;
  emotion?: string | undefined;
  polarity?: Polarity | undefined;
  tags?: string[];
}

/** Extracts of one utterance. `index` maps source offsets to lines and columns. */
export function extractFromUtterance(source: string, utterance: Utterance, lang: Lang, rules: NotesRules, index: LineIndex): Extract[] {
  if (utterance.role === 'interviewer') return [];
  const { text, toSource } = utteranceText(source, utterance);
  // Tags after the last sentence (or on their own line) stand alone: they apply to the whole utterance.
  const hasHash = text.includes('#');
  const trailing = hasHash ? TRAILING_TAGS.exec(text) : null;
  const bodyEnd = trailing ? trailing.index + (trailing[1]?.length ?? 0) : text.length;
  const unitTags = trailing ? findTags(trailing[2] ?? '').map((t) => t.tag) : [];
  const body = text.slice(0, bodyEnd);
  const normalised = normaliseForMatching(body);
  // Folded once for the whole utterance (same length, so a sentence's slice is the sentence folded),
  // unless invisible characters are there to be dropped, which shifts offsets.
  const folded = hasInvisible(body) ? undefined : foldNormalised(normalised);
  const content: Piece[] = [];
  for (const range of splitSentences(normalised)) {
    for (const r of splitAtLineStarts(normalised, range.start, range.end)) {
      const piece = text.slice(r.start, r.end);
      if (HAS_CONTENT.test(hasHash ? piece.replace(TAG, '') : piece)) content.push({ start: r.start, end: r.end, text: piece });
    }
  }
  const out: Extract[] = [];
  const make = (piece: Piece, fields: ExtractFields): void => {
    piece.resolved ??= { span: index.span(toSource(piece.start), toSource(piece.end - 1) + 1), text: cleanText(piece.text) };
    const { span } = piece.resolved;
    // Built field by field, in the report's key order (the JSON output depends on it).
    const extract: Extract = {
      kind: fields.kind,
      text: piece.resolved.text,
      line: span.line,
      column: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      speaker: utterance.speaker,
      source: fields.source,
      confidence: fields.confidence,
    };
    if (fields.emotion) extract.emotion = fields.emotion;
    if (fields.polarity) extract.polarity = fields.polarity;
    if (fields.tags) extract.tags = fields.tags;
    out.push(extract);
  };
  const tagged = (piece: Piece, tag: string): void => {
    const meaning = tagMeaning(tag, rules);
    if (!meaning) return;
    const { kind, emotion, polarity } = withEmotion(meaning, piece.text, lang, rules);
    make(piece, { kind, emotion, polarity, source: 'tag', confidence: 1, tags: [tag] });
  };

  if (unitTags.length > 0 && content.length > 0) {
    const first = content[0] as Piece;
    const last = content[content.length - 1] as Piece;
    const whole: Piece = { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
    for (const tag of unitTags) tagged(whole, tag);
    return out;
  }
  for (const sentence of content) {
    const tags = hasHash ? findTags(sentence.text) : [];
    if (tags.length > 0) {
      for (const { tag } of tags) tagged(sentence, tag);
      continue;
    }
    if (utterance.role !== 'interviewee') continue;
    const hits = folded === undefined ? classifySentence(sentence.text, lang, rules.lexicons) : classifyFolded(folded.slice(sentence.start, sentence.end), lang, rules.lexicons);
    for (const hit of hits) make(sentence, { kind: hit.kind, emotion: hit.emotion, polarity: hit.polarity, source: 'auto', confidence: hit.confidence });
  }
  return out;
}

/** Tags found anywhere in the utterances, known to the codebook or not (for the summary). */
export function allTags(source: string, utterances: Utterance[]): string[] {
  return utterances.flatMap((u) => findTags(utteranceText(source, u).text).map((t) => t.tag));
}
