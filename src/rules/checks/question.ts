import { foldForMatching, stripInvisible } from '../../language/normalise.js';
import { fillTemplate } from '../compile.js';
import type { GuideItem, Question } from '../../types.js';
import { anyMatch, mergeSpans, walkItems, type Check, type CheckContext } from './context.js';
import { PatternIndex } from '../literal-scanner.js';
import type { RuleLanguage } from '../types.js';

/** Follow-ups ("Why?", "If so, …") and closing alternatives ("Or …?") do not count as separate questions. */
export function mainQuestions(item: GuideItem, ctx: Pick<CheckContext, 'pack'>): Question[] {
  // Parenthetical asides "(service rendu ?)" and scene-setting lead-ins ("Think about your team…") are not asks of their own.
  const questions = item.questions.filter((q, i, all) => !q.normalised.startsWith('(') && !(i < all.length - 1 && !q.interrogative && anyMatch(ctx.pack.leadIns, q.folded)));
  if (questions.slice(1).some((q) => anyMatch(ctx.pack.alternatives, q.folded))) return questions.slice(0, 1);
  return questions.filter((q, i) => i === 0 || !anyMatch(ctx.pack.followUps, q.folded));
}

/** Named groups as written in the original text (the match ran on the folded text, which has the same length). */
function originalGroups(match: RegExpExecArray, text: string): Record<string, string | undefined> {
  const original = stripInvisible(text);
  const out: Record<string, string | undefined> = {};
  for (const [name, range] of Object.entries(match.indices?.groups ?? {})) out[name] = range ? original.slice(range[0], range[1]) : undefined;
  return out;
}

/**
 * The patterns a rule runs on single questions, behind one literal scan: a question is scanned once, and
 * only the entries whose required literals it contains are run (and compiled: a one-guide run never
 * compiles most of them).
 */
interface QuestionIndex {
  index: PatternIndex;
  /** Place of each match entry in the index (-1: not a question entry). */
  idOf: number[];
}
const questionIndexes = new WeakMap<RuleLanguage, QuestionIndex>();

/** The rule's index, marked with this question. */
function candidatesFor(lang: RuleLanguage, folded: string): QuestionIndex {
  let built = questionIndexes.get(lang);
  if (!built) {
    const patterns: RegExp[] = [];
    const idOf = lang.match.map((m) => (m.target === 'question' ? patterns.push(m.regex) - 1 : -1));
    built = { index: new PatternIndex(patterns), idOf };
    questionIndexes.set(lang, built);
  }
  built.index.mark(folded);
  return built;
}

function checkQuestion(ctx: CheckContext, item: GuideItem, question: Question): boolean {
  if (ctx.rule.skip.includes('prompts') && question.prompt) return false;
  const candidates = candidatesFor(ctx.lang, question.folded);
  for (const [k, entry] of ctx.lang.match.entries()) {
    if (entry.target === 'question' && !candidates.index.has(candidates.idOf[k] as number)) continue;
    // Answers read out by the interviewer are judged only by the entries written for them.
    if ((entry.target === 'offered') !== (item.offered === true)) continue;
    const wholeItem = entry.target !== 'question';
    const original = wholeItem ? (item.questions.length > 0 && question === item.questions[item.questions.length - 1] ? item.text : undefined) : question.text;
    if (original === undefined) continue;
    const match = entry.regex.exec(wholeItem ? foldForMatching(original) : question.folded);
    if (!match) continue;
    if (anyMatch(ctx.lang.unless, question.folded)) return false;
    const data: Record<string, string | undefined> = { text: question.text, ...originalGroups(match, original) };
    const template = entry.suggestion && (!entry.when || entry.when.test(question.folded)) ? entry.suggestion : ctx.lang.suggestion;
    ctx.report({
      span: wholeItem ? item.span : question.span,
      text: wholeItem ? item.text : question.text,
      message: fillTemplate(entry.message ?? ctx.lang.message, data),
      suggestion: template ? fillTemplate(template, data) : undefined,
    });
    return true;
  }
  return false;
}

/** `type: question` rules: patterns on each question (and optionally several questions in one item). */
export const questionCheck: Check = (ctx) => {
  for (const { item } of walkItems(ctx.guide)) {
    let flagged = false;
    for (const question of item.questions) flagged = checkQuestion(ctx, item, question) || flagged;
    if (!ctx.rule.compound || flagged || item.offered) continue;
    const main = mainQuestions(item, ctx);
    if (main.length < 2) continue;
    const first = main[0] as typeof main[number];
    const last = main[main.length - 1] as typeof main[number];
    const message = typeof ctx.lang.extra.compoundMessage === 'string' ? ctx.lang.extra.compoundMessage : ctx.lang.message;
    ctx.report({
      span: mergeSpans(first.span, last.span),
      text: ctx.guide.source.slice(first.span.offset, last.span.endOffset),
      message,
      suggestion: ctx.lang.suggestion,
    });
  }
};
