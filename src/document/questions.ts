import type { LanguagePack } from '../rules/types.js';
import { foldForMatching, normaliseForMatching } from '../language/normalise.js';
import { splitSentences } from '../language/sentences.js';
import type { Question } from '../types.js';
import type { LineIndex } from './positions.js';
import { prefilter } from '../rules/prefilter.js';

export interface FindOptions {
  /** Accept a sentence that starts like a question but has no "?" (list items, YAML, text lines). */
  allowBare: boolean;
  /** Accept every sentence (answers offered by the interviewer are read out whatever their form). */
  acceptAll?: boolean;
}

const LEADING_LABEL = /^[^:?\n]{1,40}:\s+(?=\p{Lu})/u;
/** List markers, numbers, checkboxes, emoji, and an opening quotation mark ("…?", « … ? »): what opens the question, not its words. */
const LEADING_MARKER = /^(?:[-+•·▪►–]\s+|\(?\d{1,3}[.)]\s+|[A-Za-z][.)]\s+|Q\d{0,3}\s*[:.)-]\s*|\[[ xX]\]\s+|[\p{Extended_Pictographic}\uFE0F\u200D]+\s*|["“„«]\s*)+/u;
const INTERROGATIVE_END = /\?[\s"')\]»*_]*$/u;

/** Whether one of the patterns matches: one merged test (built once per list) instead of one per pattern. */
function anyOf(patterns: RegExp[], text: string): boolean {
  const merged = prefilter(patterns);
  return merged ? merged.test(text) : patterns.some((regex) => regex.test(text));
}

/** Find the questions and prompts in source[start, end). Offsets and spans refer to `source`. */
export function findQuestions(source: string, start: number, end: number, pack: LanguagePack, index: LineIndex, options: FindOptions): Question[] {
  const normalised = normaliseForMatching(source.slice(start, end));
  const questions: Question[] = [];
  for (const range of splitSentences(normalised)) {
    let s = range.start;
    let sentence = normalised.slice(range.start, range.end);
    const marker = LEADING_MARKER.exec(sentence);
    if (marker) {
      s += marker[0].length;
      sentence = sentence.slice(marker[0].length);
    }
    const label = LEADING_LABEL.exec(sentence);
    if (label && !INTERROGATIVE_END.test(label[0])) {
      s += label[0].length;
      sentence = sentence.slice(label[0].length);
    }
    const trimmed = sentence.trimStart();
    s += sentence.length - trimmed.length;
    sentence = trimmed;
    if (sentence.length === 0) continue;
    const interrogative = INTERROGATIVE_END.test(sentence);
    const folded = foldForMatching(sentence);
    const prompt = anyOf(pack.prompts, folded);
    const bare = !interrogative && !prompt && options.allowBare && anyOf(pack.questionStarts, folded);
    if (!interrogative && !prompt && !bare && !options.acceptAll) continue;
    const absStart = start + s;
    const absEnd = start + range.end;
    questions.push({
      text: source.slice(absStart, absEnd),
      normalised: sentence,
      folded,
      span: index.span(absStart, absEnd),
      interrogative,
      prompt,
    });
  }
  return questions;
}
