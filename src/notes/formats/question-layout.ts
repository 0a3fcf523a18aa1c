/**
 * Format unit: questions set in the layout — question headings, lines wholly in bold or italics that ask,
 * short form questions each followed by their answer, lists of planned questions. They are the
 * interviewer's; the text under them is the answer.
 */
import type { ScannedLine } from '../scanned-line.js';

/** A question, or a prompt that asks for a story ("Tell us about yourself.", "Racontez-moi…"). */
const PROMPT_START = /^(?:\d{1,3}[.)]\s*)?(?:tell (?:me|us)|walk (?:me|us) through|describe|explain|share|talk (?:to )?(?:me|us) about|(?:we|i)(?:'d| would) love to (?:hear|learn|know)|(?:can|could) you (?:tell|describe|share|walk)|please (?:tell|describe|share)|racontez|raconte|décrivez|décris|parlez|parle|expliquez|explique|dites|dis-nous|présentez|présente|pourriez-vous (?:nous |me )?(?:raconter|décrire|expliquer))\b/iu;
export function isAsked(text: string): boolean {
  const t = text.trim().replace(/[*_]+/g, '');
  return /\?\s*$/u.test(t) || /\?\s+\S/u.test(t) && t.length < 300 || PROMPT_START.test(t);
}

/** A question followed by a bare yes or no ("… ? non", "Hypothèse : Non"). */
const BARE_ANSWER = /^.{3,}?[?:]\s*[*_]*(?:oui|non|yes|no|pas vraiment|not really|jamais|never|aucun|aucune|none)[*_]*\s*[.!]?\s*$/iu;
/** Ends with its question mark (a parenthesis after it allowed). */
const ENDS_ASKING = /\?\s*(?:\([^)]*\)?\s*)?[*_]*\s*$/u;
/** A form's question is short; a long line ending with a question reports someone's wondering. */
const FORM_QUESTION_MAX = 160;

/**
 * Questions set in lines of their own: a form's questions, each followed by its answer; questions
 * answered by a bare yes or no; and a list of two or more questions and nothing else (the questions
 * planned for the interview, copied into the notes). A single question among reported statements stays
 * where it is.
 */
export function markQuestionLists(lines: ScannedLine[], body: string): void {
  // A form: questions each followed by their answer on the next line ("* Est-ce que tu travailles en
  // remote ?" / "oui 1 à 2 fois par semaine"), two or more times.
  const endsAsking = (l: ScannedLine): boolean => !l.label && !l.voiceMarked && !l.quoted && !l.observation && ENDS_ASKING.test(body.slice(l.start, l.end));
  const answers = (l: ScannedLine | undefined): boolean => l !== undefined && !l.label && !l.listItem && !l.voiceMarked && !l.quoted && !l.observation && (l.end - l.start > FORM_QUESTION_MAX || !endsAsking(l));
  const answered = lines.filter((l, k) => l.end - l.start <= FORM_QUESTION_MAX && endsAsking(l) && answers(lines[k + 1]));
  if (answered.length >= 2) for (const l of answered) l.asked = true;
  // "Question ? oui", "Hypothèse : Non": a bare yes or no carries nothing to mine; the line is the
  // interviewer's question or hypothesis, answered.
  for (const l of lines) {
    // Form lines are short: a long line never is one (and the pattern is not run on megabytes).
    if (l.label || l.quoted || l.voiceMarked || l.end - l.start > 300) continue;
    if (BARE_ANSWER.test(body.slice(l.start, l.end))) {
      l.asked = true;
      l.planned = true;
    }
  }
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] as ScannedLine;
    if (!first.listItem || first.label) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (lines[j] as ScannedLine).listItem && !(lines[j] as ScannedLine).label && (lines[j] as ScannedLine).block === first.block) j++;
    const run = lines.slice(i, j);
    // Each ends with its question mark (a parenthesis after it allowed): "question ? answer" lines of a
    // form are answers, not planned questions.
    const asking = run.filter((l) => ENDS_ASKING.test(body.slice(l.start, l.end))).length;
    if (run.length >= 2 && asking >= run.length * 0.75) {
      for (const l of run) {
        l.asked = true;
        l.planned = true;
      }
    }
    i = Math.max(j, i + 1);
  }
}

