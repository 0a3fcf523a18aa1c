/** One interview file, end to end: front matter and language, speakers, extracts, interviewer behaviour. */
import { compareCodeUnits } from '../compare.js';
import { readFrontMatter } from '../document/front-matter.js';
import { LineIndex } from '../document/positions.js';
import { findQuestions } from '../document/questions.js';
import { detectLanguage, parseLang } from '../language/detect.js';
import { normaliseNewlines } from '../language/normalise.js';
import { lintGuide, type LintSettings } from '../rules/engine.js';
import type { RuleSet } from '../rules/types.js';
import type { Finding, GuideItem, Lang } from '../types.js';
import { extractFromUtterance } from './extract.js';
import type { NotesRules } from './load.js';
import { countWords, readTranscript } from './transcript.js';
import type { Extract, Interview, InterviewResult } from './types.js';

export interface InterviewOptions {
  lang?: Lang | 'auto';
  /** Language when the file does not declare one (from the configuration), instead of detection. */
  fallbackLang?: Lang | 'auto';
}

export function parseInterview(path: string, rawText: string, rules: NotesRules, options: InterviewOptions = {}): Interview {
  const source = normaliseNewlines(rawText);
  const front = readFrontMatter(source);
  const forced = options.lang && options.lang !== 'auto' ? options.lang : undefined;
  const fallback = options.fallbackLang && options.fallbackLang !== 'auto' ? options.fallbackLang : undefined;
  const lang = forced ?? parseLang(front.data.lang) ?? fallback ?? detectLanguage(front.body);
  const { utterances, speakers, formats } = readTranscript(front.body, rules.structure, front.data);
  const interview: Interview = { path, lang, meta: front.data, source, utterances, speakers, formats };
  if (front.unclosed) {
    interview.notices = [
      lang === 'fr'
        ? "L'en-tête (front matter) ouvert à la ligne 1 par « --- » n'est jamais fermé : le fichier est lu comme du texte, sans métadonnées."
        : 'The front matter opened on line 1 by "---" is never closed: the file is read as text, without metadata.',
    ];
  }
  return interview;
}

/** The guide's question rules, run on the questions the interviewer actually asked. */
function interviewerIssues(interview: Interview, ruleSet: RuleSet, index: LineIndex, settings: LintSettings): Finding[] {
  const pack = ruleSet.packs[interview.lang];
  const items: GuideItem[] = interview.utterances
    .filter((u) => u.role === 'interviewer')
    .flatMap((u) => u.segments)
    .map((seg) => ({
      text: interview.source.slice(seg.start, seg.end),
      span: index.span(seg.start, seg.end),
      questions: findQuestions(interview.source, seg.start, seg.end, pack, index, { allowBare: false }),
      probes: [],
      themes: [],
    }))
    .filter((item) => item.questions.length > 0);
  // Every item with a question goes through the rules, whose own prefilters skip most patterns.
  const guide = { path: interview.path, format: 'text' as const, lang: interview.lang, meta: interview.meta, sections: [{ title: '', items }], source: interview.source };
  return lintGuide(guide, questionRulesOf(ruleSet), settings);
}

const questionRuleSets = new WeakMap<RuleSet, RuleSet>();
/** The question rules of a rule set, filtered once for the rule set's lifetime. */
function questionRulesOf(ruleSet: RuleSet): RuleSet {
  let questionRules = questionRuleSets.get(ruleSet);
  if (!questionRules) {
    questionRules = { ...ruleSet, rules: ruleSet.rules.filter((r) => r.type === 'question') };
    questionRuleSets.set(ruleSet, questionRules);
  }
  return questionRules;
}

/** The same tag twice on a sentence (or a tag repeated on a turn) gives one extract with both tags. */
function dedupe(extracts: Extract[]): Extract[] {
  // Only tags can repeat an extract: automatic ones come one per kind and sentence.
  if (!extracts.some((e) => e.source === 'tag')) return extracts;
  const byKey = new Map<string, Extract>();
  for (const e of extracts) {
    const key = `${e.kind}|${e.source}|${e.line}|${e.column}|${e.endLine}|${e.endColumn}|${e.emotion ?? ''}`;
    const seen = byKey.get(key);
    if (seen && e.tags) seen.tags = [...new Set([...(seen.tags ?? []), ...e.tags])].sort();
    else if (!seen) byKey.set(key, e);
  }
  return [...byKey.values()];
}

export function compareExtracts(a: Extract, b: Extract): number {
  return a.line - b.line || a.column - b.column || compareCodeUnits(a.kind, b.kind) || compareCodeUnits(a.source, b.source) || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

export function analyseInterview(interview: Interview, rules: NotesRules, ruleSet: RuleSet, settings: LintSettings = {}): InterviewResult {
  const index = new LineIndex(interview.source);
  const extracts = dedupe(interview.utterances.flatMap((u) => extractFromUtterance(interview.source, u, interview.lang, rules, index))).sort(compareExtracts);
  const words = { interviewer: 0, interviewee: 0 };
  for (const u of interview.utterances) {
    if (u.role === 'narrator') continue;
    words[u.role] += u.words ?? u.segments.reduce((n, seg) => n + countWords(interview.source.slice(seg.start, seg.end)), 0);
  }
  const total = words.interviewer + words.interviewee;
  return {
    path: interview.path,
    lang: interview.lang,
    meta: interview.meta,
    speakers: interview.speakers,
    talkRatio: words.interviewer > 0 && total > 0 ? Math.round((words.interviewer / total) * 100) / 100 : null,
    extracts,
    interviewerIssues: interviewerIssues(interview, ruleSet, index, settings),
  };
}
