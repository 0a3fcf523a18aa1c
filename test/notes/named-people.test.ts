import { describe, expect, it } from 'vitest';
import { parseInterview } from '../../src/notes/interview.js';
import { lineRoles } from '../../src/notes/line-roles.js';
import { loadNotesRules } from '../../src/notes/load.js';
import { initialsOf } from '../../src/notes/named-people.js';
import { isMetaLabel, nameMatches } from '../../src/notes/speaker-roles.js';

const rules = loadNotesRules();
const roles = (text: string): string[] => lineRoles(parseInterview('n.md', text, rules)).map((r) => `${r.line} ${r.role}${r.speaker ? ` ${r.speaker}` : ''}`);

describe('initials and names', () => {
  it.each([
    ['Amy Macalguim', 'am'],
    ['Case worker', 'cw'],
    ['Jean-Pierre Dubois', 'jpd'],
    ['Élodie Ändersen', 'ea'],
    ['Amy', ''],
  ])('initialsOf(%s) = %s', (name, want) => expect(initialsOf(name)).toBe(want));

  it('matches a label in capitals to the initials of a name, not a word in lower case', () => {
    expect(nameMatches('AM', ['Amy Macalguim'])).toBe(true);
    expect(nameMatches('A.M.', ['Amy Macalguim'])).toBe(true);
    expect(nameMatches('am', ['Amy Macalguim'])).toBe(false);
    expect(nameMatches('AB', ['Amy Macalguim'])).toBe(false);
    expect(nameMatches('Amy', ['Amy Macalguim'])).toBe(true);
  });
});

describe('metadata labels', () => {
  it.each([
    ['Date', 2, true],
    ["Date de l'entretien", 3, true],
    ['Time of the interview', 2, true],
    ['Intervieweur', 2, true],
    ['Participante', 2, true],
    ['Attendees', 12, true],
    ['Interviewer', 14, false],
    ['Timeline', 2, false],
    ['Dana', 2, false],
  ] as const)('%s with %i words of value: %s', (label, words, want) => expect(isMetaLabel(label, words, rules.structure)).toBe(want));
});

describe('people named before the turns', () => {
  it('gives initials labels to the participant named by "with", the other labels to the team', () => {
    const text = '45 min with Dana Whitfield (warehouse lead).\n\nKT: Showing the pick list\nDW: Is the order number at the top?\nKT: It moved\nDW: Then I would lose it.\nJR: How do you handle a missing item?\nDW: I radio the office.\n';
    expect(roles(text)).toEqual(['1 meta', '3 interviewer KT', '4 interviewee DW', '5 interviewer KT', '6 interviewee DW', '7 interviewer JR', '8 interviewee DW']);
  });
  it('reads « avec » and a participant field in French', () => {
    const text = '- Personne interviewée : Sophie Marchand\n- Date : 3 juin\n\nPG : Comment se passe la clôture ?\nSM : Mal, on recopie tout.\nPG : Et ensuite ?\nSM : J’envoie le fichier.\n';
    expect(roles(text)).toEqual(['1 meta', '2 meta', '4 interviewer PG', '5 interviewee SM', '6 interviewer PG', '7 interviewee SM']);
    const avec = 'Entretien avec Marc Olivier, comptable.\n\nLB : Racontez-moi la dernière clôture.\nMO : Trois jours de saisie.\nLB : Pourquoi ?\nMO : Le logiciel ne lit pas les relevés.\n';
    expect(roles(avec).slice(1)).toEqual(['3 interviewer LB', '4 interviewee MO', '5 interviewer LB', '6 interviewee MO']);
  });
  it('does not take a lower-case phrase after "with" for a name, nor a name named after the turns start', () => {
    const text = 'Q: How do you work with the team?\nA: We talk with Jane Doe every day.\nQ: Why?\nA: She runs the depot.\n';
    expect(roles(text)).toEqual(['1 interviewer Q', '2 interviewee A', '3 interviewer Q', '4 interviewee A']);
  });
});
