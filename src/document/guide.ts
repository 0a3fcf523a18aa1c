import { detectLanguage, parseLang } from '../language/detect.js';
import { foldForMatching, normaliseForMatching, normaliseNewlines } from '../language/normalise.js';
import { findQuestions } from './questions.js';
import type { RuleSet } from '../rules/types.js';
import type { Guide, GuideFormat, Lang, Section } from '../types.js';
import { readFrontMatter } from './front-matter.js';
import { parseMarkdownGuide } from './guide-markdown.js';
import { parseTextGuide } from './guide-text.js';
import { parseYamlGuide } from './guide-yaml.js';
import { LineIndex } from './positions.js';

export interface GuideOptions {
  /** Forced language; undefined or 'auto' means front matter `lang`, else detection. */
  lang?: Lang | 'auto';
  /** Language when the file does not declare one (from the configuration), instead of detection. */
  fallbackLang?: Lang | 'auto';
  /** Format; by default from the file extension. */
  format?: GuideFormat;
  /** Called every few megabytes of a huge markdown guide (the CLI collects garbage there). */
  afterChunks?: () => void;
}

export function formatFromPath(path: string): GuideFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.txt') || lower.endsWith('.text')) return 'text';
  return 'markdown';
}

/** Parse a decoded guide into sections, items and questions with exact positions. */
export function parseGuide(path: string, rawText: string, rules: RuleSet, options: GuideOptions = {}): Guide {
  const text = normaliseNewlines(rawText);
  const format = options.format ?? formatFromPath(path);
  const forced = options.lang && options.lang !== 'auto' ? options.lang : undefined;
  const fallback = options.fallbackLang && options.fallbackLang !== 'auto' ? options.fallbackLang : undefined;
  const index = new LineIndex(text);

  if (format === 'yaml') {
    const guess = forced ?? fallback ?? detectLanguage(text);
    let { sections, meta } = parseYamlGuide(text, rules.packs[guess], index);
    const declared = forced ?? parseLang(meta.lang) ?? guess;
    if (declared !== guess) ({ sections, meta } = parseYamlGuide(text, rules.packs[declared], index));
    return { path, format, lang: declared, meta, sections, source: text };
  }

  const front = readFrontMatter(text);
  const lang = forced ?? parseLang(front.data.lang) ?? fallback ?? detectLanguage(front.body);
  const pack = rules.packs[lang];
  const sections: Section[] = format === 'text' ? parseTextGuide(front.body, pack, index) : parseMarkdownGuide(front.body, pack, index, options.afterChunks);
  return { path, format, lang, meta: front.data, sections, source: text };
}

/**
 * A one-item guide from a single question text (a questions list entry, or a question asked in a
 * transcript). When no sentence looks like a question, the whole text is taken as one.
 */
export function guideFromQuestion(text: string, lang: Lang, rules: RuleSet, path = '<question>'): Guide {
  const source = normaliseNewlines(text).replace(/\n/g, ' ');
  const index = new LineIndex(source);
  const pack = rules.packs[lang];
  let questions = findQuestions(source, 0, source.length, pack, index, { allowBare: true });
  if (questions.length === 0) {
    const start = source.length - source.trimStart().length;
    const end = source.trimEnd().length;
    if (end > start) {
      const normalised = normaliseForMatching(source.slice(start, end));
      const folded = foldForMatching(normalised);
      questions = [{ text: source.slice(start, end), normalised, folded, span: index.span(start, end), interrogative: false, prompt: pack.prompts.some((r) => r.test(folded)) }];
    }
  }
  const item = { text: source, span: index.span(0, source.length), questions, probes: [], themes: [] };
  return { path, format: 'text', lang, meta: {}, sections: [{ title: '', items: [item] }], source };
}
