/**
 * The people a note names before its first turn: "30 min with Amy Macalguim (foster parent)",
 * « Entretien avec Marie, responsable RH », "Participant: Jane Doe", « Intervieweur : Bastien Nicoud ».
 * Turns labelled with such a name, its first word or its initials ("AM:") are that person's.
 */
import type { ScannedLine } from './scanned-line.js';
import type { NotesStructure } from './structure.js';
import { labelKey } from './words.js';

export interface NamedPeople {
  interviewers: string[];
  participants: string[];
  /** The introduction's lines that name someone ("45 min with Dana Whitfield"): a description of the session. */
  naming: Set<ScannedLine>;
}

/** How far into the note an introduction can reach. */
const INTRO_LINES = 12;
/** A name after "with" / "avec": a capitalised word and up to two more, up to a delimiter. */
const WITH_NAME = /\b(?:with|avec)\s+(\p{Lu}[\p{L}'’-]*(?:\s+(?!and\b|et\b)[\p{L}'’-]+){0,2})(?=\s*(?:[(),;.|:\u2013\u2014-]|\s(?:and|et)\s|$))/gu;
/** A name is at most four words of letters. */
const NAME_VALUE = /^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,3}$/u;

/** People named by the note's introduction and its fields, by side. */
export function namedPeople(lines: ScannedLine[], body: string, structure: NotesStructure): NamedPeople {
  const people: NamedPeople = { interviewers: [], participants: [], naming: new Set() };
  const firstTurn = lines.findIndex((l) => l.label !== undefined && !l.field);
  const intro = lines.slice(0, Math.min(INTRO_LINES, firstTurn < 0 ? INTRO_LINES : Math.max(firstTurn, 1)));
  for (const line of intro) {
    const text = body.slice(line.label ? line.start : line.beforeLabel, line.end).trim();
    if (line.label && !line.question) {
      // "Participant : Jane Doe", "- *Intervieweur* : Bastien Nicoud": a role field naming a person.
      const key = labelKey(line.label);
      const side = structure.interviewerLabels.has(key) ? people.interviewers : structure.intervieweeLabels.has(key) || structure.personFields?.has(key) ? people.participants : undefined;
      if (side && NAME_VALUE.test(text)) side.push(text);
      continue;
    }
    for (const match of text.matchAll(WITH_NAME)) {
      people.participants.push((match[1] as string).trim());
      people.naming.add(line);
    }
  }
  return people;
}

/** The initials of a name ("Amy Macalguim" → "am", "Case worker" → "cw"), or "" for a one-word name. */
export function initialsOf(name: string): string {
  const words = labelKey(name).split(/[^\p{L}]+/u).filter(Boolean);
  return words.length >= 2 && words.length <= 4 ? words.map((w) => w[0]).join('') : '';
}
