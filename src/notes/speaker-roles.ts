/** Which labels of a note are speakers, and which side each is on (interviewer or interviewee). */
import { compareCodeUnits } from '../compare.js';
import type { ScannedLine } from './scanned-line.js';
import type { NotesStructure } from './structure.js';
import { labelKey, tokenCount } from './words.js';
import { initialsOf, namedPeople, type NamedPeople } from './named-people.js';
import type { Role } from './types.js';

export function namesFrom(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/**
 * A name matches a label when they are equal, the label is the name's first word ("C" for
 * "C. (Christine)"), or the label is its initials in capitals ("AM" or "A.M." for "Amy Macalguim").
 */
export function nameMatches(label: string, names: string[]): boolean {
  const key = labelKey(label);
  const initials = INITIALS.test(label.trim()) ? key.replace(/\./g, '') : '';
  return names.some((name) => {
    const full = labelKey(name);
    const first = full.split(/[^\p{L}\p{N}]+/u)[0] ?? '';
    return full === key || first === key || (initials !== '' && initialsOf(name) === initials);
  });
}

/** A person's initials as a label: "SC", "A.M.". */
const INITIALS = /^(?:\p{Lu}\.?){2,3}$/u;

/** "Question :" / "Réponse :": fields alone, the two sides of a dialogue together. */
const QUESTION_LABELS = ['question', 'questions'];
const ANSWER_LABELS = ['reponse', 'answer', 'response', 'reponses', 'answers'];

/** Decide which labels are speakers and which side each is on. */
export function resolveSpeakers(lines: ScannedLine[], body: string, structure: NotesStructure, meta: Record<string, unknown>, questionLayout: boolean, introduced: NamedPeople = namedPeople(lines, body, structure)): Map<string, { name: string; role: Role }> {
  const counts = new Map<string, { name: string; count: number; questions: number; bold: boolean; header: boolean; words: number; spoken: number; listOnly: boolean }>();
  // No label at all (most notes): nobody to name, nothing to count.
  if (!lines.some((l) => l.label !== undefined)) return new Map();
  // Each label's turns: how many, how many words (the label's line and the unlabelled lines after it),
  // how many of them ask a question.
  let owner: { words: number; questions: number } | undefined;
  const fields = new Set<string>();
  let turnAsked = false;
  for (const line of lines) {
    const words = line.end > line.start ? tokenCount(body, line.start, line.end) : 0;
    if (!line.label) {
      if (owner) {
        owner.words += words;
        if (line.question && !turnAsked) {
          owner.questions++;
          turnAsked = true;
        }
      }
      continue;
    }
    const key = labelKey(line.label);
    if (line.field) fields.add(key);
    const entry = counts.get(key) ?? { name: line.label, count: 0, questions: 0, bold: false, header: false, words: 0, spoken: 0, listOnly: true };
    entry.count++;
    entry.bold ||= line.bold;
    entry.header ||= line.header === true;
    entry.listOnly &&= line.listItem;
    entry.words += words;
    if (words >= 3) entry.spoken++;
    turnAsked = line.question;
    if (line.question) entry.questions++;
    counts.set(key, entry);
    owner = entry;
  }
  // The people the front matter names, then those the introduction names ("Interview with Amy Macalguim").
  const interviewers = namesFrom(meta.interviewer).concat(namesFrom(meta.interviewers), introduced.interviewers);
  const participants = namesFrom(meta.participant).concat(namesFrom(meta.participants), namesFrom(meta.interviewee), introduced.participants);
  const speakers = new Map<string, { name: string; role: Role }>();
  const unknown: Array<{ key: string; name: string; ratio: number; words: number }> = [];
  const terse: typeof unknown = [];
  const recurring = [...counts].some(([key, e]) => e.count >= 2 && !structure.notSpeakers.has(key) && !fields.has(key) && nameLike(e.name));
  // A list whose items are labelled once each ("- *Date* : 12 mai", "- *Intervieweur* : B. N.") is a
  // list of fields, even where a label is a role word.
  const labelledPerBlock = new Map<number, number>();
  for (const line of lines) if (line.label && line.listItem) labelledPerBlock.set(line.block, (labelledPerBlock.get(line.block) ?? 0) + 1);
  for (const line of lines) {
    if (!line.label || !line.listItem || (labelledPerBlock.get(line.block) ?? 0) < 3) continue;
    const key = labelKey(line.label);
    if (counts.get(key)?.count === 1 && tokenCount(body, line.start, line.end) <= 6) fields.add(key);
  }
  // "Question :" and "Réponse :" are fields on their own, but turns when they alternate.
  const answerKey = ANSWER_LABELS.find((k) => counts.has(k));
  const questionKey = QUESTION_LABELS.find((k) => counts.has(k));
  if (answerKey && questionKey) {
    speakers.set(questionKey, { name: counts.get(questionKey)?.name ?? questionKey, role: 'interviewer' });
    speakers.set(answerKey, { name: namesFrom(meta.participant)[0] ?? counts.get(answerKey)?.name ?? answerKey, role: 'interviewee' });
  }
  let participantNamed = false;
  for (const [key, entry] of counts) {
    if (speakers.has(key) || structure.notSpeakers.has(key) || fields.has(key)) continue;
    let role: Role | undefined;
    if (nameMatches(entry.name, interviewers)) role = 'interviewer';
    else if (nameMatches(entry.name, participants)) {
      role = 'interviewee';
      participantNamed = true;
    }
    else role = labelSide(key, structure);
    // A generic label ("R", "Participant", "Q") takes the name the front matter gives that side.
    const named = role === 'interviewer' ? interviewers : role === 'interviewee' ? participants : [];
    const generic = structure.interviewerLabels.has(key) || structure.intervieweeLabels.has(key);
    const name = generic && named.length === 1 && (named[0] as string).length <= 40 ? (named[0] as string) : entry.name;
    if (role) speakers.set(key, { name, role });
    // An unknown label is a speaker when it behaves like one: it opens turns again and again, or it is
    // set apart (bold, an export's speaker line) and says something after it — not a field ("**Lieu :** Paris").
    else if (!nameLike(entry.name)) continue;
    // Said once in a list item ("- **DCFS**: Department of…"): a glossary or a field, not a voice.
    else if (entry.count < 2 && entry.listOnly && !entry.header) continue;
    else if (entry.count >= 2 || entry.header || (entry.bold && entry.spoken > 0)) unknown.push({ key, name: entry.name, ratio: entry.questions / entry.count, words: entry.words });
    // Bold, or initials ("SC: Is all of it mediated?"): a voice heard once among others.
    else if ((entry.bold || INITIALS.test(entry.name)) && (entry.bold ? entry.words > 0 : entry.spoken > 0)) terse.push({ key, name: entry.name, ratio: entry.questions / entry.count, words: entry.words });
  }
  // A bold label said once with a word or two ("**Dana:** Because.") is a turn when other voices
  // alternate with it; alone in a file it is a field ("**Clémentine:** H").
  if (recurring || speakers.size > 0) unknown.push(...terse);
  // One plain label alone in list items, with no other voice, is a list's lead-in ("- Un exemple : …").
  const only = unknown.length === 1 && speakers.size === 0 ? counts.get((unknown[0] as { key: string }).key) : undefined;
  if (only && !only.bold && !only.header && only.listOnly) unknown.length = 0;
  const hasInterviewer = [...speakers.values()].some((s) => s.role === 'interviewer');
  if (participantNamed && !hasInterviewer && !questionLayout) {
    // The people interviewed are named (front matter, introduction): the other voices are the team's.
    for (const u of unknown) speakers.set(u.key, { name: u.name, role: 'interviewer' });
    return speakers;
  }
  if (hasInterviewer || questionLayout || unknown.length === 0) {
    // The interviewer is known (a label, the front matter), or asks in the layout itself (question
    // headings, bold or numbered question lines): every other voice is someone interviewed.
    for (const u of unknown) speakers.set(u.key, { name: u.name, role: 'interviewee' });
    return speakers;
  }
  // A panel: several guests each give one long answer, the hosts take many short turns around them.
  const monologues = unknown.filter((u) => counts.get(u.key)?.count === 1 && u.words >= 150);
  if (monologues.length >= 3 && speakers.size === 0) {
    for (const u of unknown) speakers.set(u.key, { name: u.name, role: counts.get(u.key)?.count === 1 ? 'interviewee' : 'interviewer' });
    return speakers;
  }
  // Unknown names: the one who talks the most is interviewed; the others who ask questions interview
  // (a co-host who mostly answers is interviewed too). A single voice is the interviewee.
  const byWords = [...unknown].sort((a, b) => b.words - a.words || compareCodeUnits(a.key, b.key));
  const main = speakers.size === 0 ? byWords[0] : undefined;
  const maxRatio = unknown.reduce((max, u) => (u !== main && u.ratio > max ? u.ratio : max), 0);
  for (const u of unknown) {
    const asks = u !== main && u.ratio > 0 && (u.ratio >= 0.2 || u.ratio >= maxRatio * 0.5);
    speakers.set(u.key, { name: u.name, role: asks && unknown.length + speakers.size > 1 ? 'interviewer' : 'interviewee' });
  }
  return speakers;
}

/** Words that may stand lower-case inside a person's name. */
export const NAME_PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'el', 'al', 'bin', 'ben', 'ter', 'y', 'e']);

/**
 * A label that could be someone's name or role: every word capitalised (or a name particle), or one
 * word ("moi", "user"). "Un exemple", "Discussion avec les élèves" are lead-ins, not people.
 */
export function nameLike(label: string): boolean {
  const words = label.split(/\s+/u).filter(Boolean);
  if (words.length <= 1) return true;
  return words.every((w, i) => i === 0 || NAME_PARTICLES.has(w.toLowerCase()) || /^[\p{Lu}\p{N}]/u.test(w) || /^[dl][’']\p{Lu}/u.test(w));
}

/** The side a role label names ("Q", "Interviewer" → interviewer; "P3", "Participante" → interviewee), by its key. */
function labelSide(key: string, structure: NotesStructure): Role | undefined {
  if (structure.interviewerLabels.has(key) || structure.interviewerPatterns.some((r) => r.test(key))) return 'interviewer';
  if (structure.intervieweeLabels.has(key) || structure.intervieweePatterns.some((r) => r.test(key))) return 'interviewee';
  return undefined;
}

/** A label that names a side, not a person ("Q", "Interviewer", "P3", "Enquêteur"): nothing to redact. */
export function isRoleLabel(label: string, structure: NotesStructure): boolean {
  const key = labelKey(label);
  return labelSide(key, structure) !== undefined || QUESTION_LABELS.includes(key) || ANSWER_LABELS.includes(key);
}

/** "date de l'entretien", "time of the interview": a metadata field and what it is of. */
const FIELD_OF = /^(.+?) (?:of|de|du|des|d'|d’)(?: |$|(?<=['’]))/u;

/**
 * A label (not a speaker's) whose line is the note's metadata: a field ("Date :", "Date de
 * l'entretien :", "Attendees:"), or a role naming a person ("Interviewer: Jane Doe", "Participante :
 * Sophie Marchand") — with a value of a few words, not a turn.
 */
export function isMetaLabel(label: string, valueWords: number, structure: NotesStructure): boolean {
  const key = labelKey(label);
  if (structure.metaFields.has(key)) return true;
  const head = FIELD_OF.exec(key)?.[1];
  if (head !== undefined && structure.metaFields.has(head)) return true;
  return (valueWords <= 15 && structure.personFields?.has(key) === true) || (valueWords <= 5 && isRoleLabel(label, structure));
}
