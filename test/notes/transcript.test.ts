import { describe, expect, it } from 'vitest';
import { parseInterview } from '../../src/notes/interview.js';
import { loadNotesRules } from '../../src/notes/load.js';
import { utteranceText } from '../../src/notes/transcript.js';
import type { Role } from '../../src/notes/types.js';

const rules = loadNotesRules();

/** [role, speaker, text] of every utterance. */
function turns(text: string): Array<[Role, string | null, string]> {
  const interview = parseInterview('n.md', text, rules);
  return interview.utterances.map((u) => [u.role, u.speaker, utteranceText(interview.source, u).text]);
}

describe('speaker formats', () => {
  it('reads Q:/A: turns (English)', () => {
    expect(turns('Q: How do you plan the week?\nA: On a whiteboard.\n')).toEqual([
      ['interviewer', 'Q', 'How do you plan the week?'],
      ['interviewee', 'A', 'On a whiteboard.'],
    ]);
  });
  it('reads Q :/R : turns with a French space before the colon', () => {
    expect(turns('Q : Comment organisez-vous la semaine ?\n\nR : Sur un tableau blanc.\n')).toEqual([
      ['interviewer', 'Q', 'Comment organisez-vous la semaine ?'],
      ['interviewee', 'R', 'Sur un tableau blanc.'],
    ]);
  });
  it('reads Interviewer:/Participant: and Enquêteur :/Interviewé : labels', () => {
    expect(turns('Interviewer: Why?\nParticipant: Because it is slow.\n').map((t) => t[0])).toEqual(['interviewer', 'interviewee']);
    expect(turns('Enquêteur : Pourquoi ?\nInterviewé : Parce que c’est lent.\n').map((t) => t[0])).toEqual(['interviewer', 'interviewee']);
    expect(turns('Intervieweur : Pourquoi ?\nInterviewée : Parce que.\n').map((t) => t[0])).toEqual(['interviewer', 'interviewee']);
  });
  it('reads **Name:** and **Name :** labels, sides given by the front matter', () => {
    const text = '---\ninterviewer: Léa\nparticipant: Marie\n---\n**Léa :** Racontez-moi.\n\n**Marie :** On perd du temps.\n';
    expect(turns(text)).toEqual([
      ['interviewer', 'Léa', 'Racontez-moi.'],
      ['interviewee', 'Marie', 'On perd du temps.'],
    ]);
    expect(turns('---\ninterviewer: Sam\n---\n**Sam:** Why?\n\n**Dana**: Because.\n').map((t) => t.slice(0, 2))).toEqual([
      ['interviewer', 'Sam'],
      ['interviewee', 'Dana'],
    ]);
  });
  it('reads numbered labels (P1:, Participant 2:, Int1:) by their side', () => {
    expect(turns('Int1: Why?\nP1: Because it is slow.\nParticipant 2: Same here.\n').map((t) => [t[0], t[1]])).toEqual([
      ['interviewer', 'Int1'],
      ['interviewee', 'P1'],
      ['interviewee', 'Participant 2'],
    ]);
  });
  it('names generic labels after the front matter', () => {
    expect(turns('---\nparticipant: Marc\ninterviewer: Léa\n---\nQ : Pourquoi ?\nR : Parce que.\n').map((t) => t[1])).toEqual(['Léa', 'Marc']);
  });
  it('tells unknown names apart by who asks the questions, numbered turns included', () => {
    const text = '1 M : vous étiez assise là ?\n2 C : oui\n3 M : et ensuite ?\n4 C : j’ai lu le texte\n\nCommentaire de la chercheuse sur ce passage.\n';
    expect(turns(text)).toEqual([
      ['interviewer', 'M', 'vous étiez assise là ?'],
      ['interviewee', 'C', 'oui'],
      ['interviewer', 'M', 'et ensuite ?'],
      ['interviewee', 'C', 'j’ai lu le texte'],
      ['narrator', null, 'Commentaire de la chercheuse sur ce passage.'],
    ]);
  });
  it('keeps a paragraph after a turn with its speaker when turns are paragraphs', () => {
    const text = 'Interviewer: What happened?\n\nParticipant: We lost the file.\n\nAnd then we had to start again.\n';
    expect(turns(text).map((t) => t[0])).toEqual(['interviewer', 'interviewee', 'interviewee']);
  });
  it('does not take one-off labels such as "Date :" or "Note:" for speakers', () => {
    expect(turns('Date : 12 mars\nNote: rainy day\nWe use Excel.\n').every((t) => t[0] === 'interviewee')).toBe(true);
  });
  it('treats notes without speakers as the interviewee’s words', () => {
    expect(turns('---\nparticipant: Priya\n---\n- Works alone.\n- Uses a spreadsheet.\n')).toEqual([
      ['interviewee', 'Priya', 'Works alone.'],
      ['interviewee', 'Priya', 'Uses a spreadsheet.'],
    ]);
  });
  it('reads only the quotes when a note quotes its participants in blockquotes', () => {
    const text = 'Users found it hard overall.\n\n> I never know which quote is open.\n\nSynthesis continues.\n';
    expect(turns(text)).toEqual([
      ['narrator', null, 'Users found it hard overall.'],
      ['interviewee', null, 'I never know which quote is open.'],
      ['narrator', null, 'Synthesis continues.'],
    ]);
  });
  it('leaves out summary sections, HTML comments, code and bracketed observations', () => {
    const text = '<!-- source -->\n## Synthèse\n\nIls veulent un tableau.\n\n## Entretien\n\n(_elle fait défiler la page_)\n\n```\ncode\n```\nJe cherche le total.\n';
    expect(turns(text)).toEqual([
      ['narrator', null, 'Ils veulent un tableau.'],
      ['narrator', null, '(_elle fait défiler la page_)'],
      ['interviewee', null, 'Je cherche le total.'],
    ]);
  });
  it('reads turns with timestamps, as transcription tools export them', () => {
    expect(turns('[00:01:05] Interviewer: How do you plan?\n[00:01:09] Participant: On paper.\n')).toEqual([
      ['interviewer', 'Interviewer', 'How do you plan?'],
      ['interviewee', 'Participant', 'On paper.'],
    ]);
    expect(turns('Enquêteur (00:02:10) : Pourquoi ?\nInterviewé (00:02:12) : Parce que c’est lent.\n').map((t) => [t[0], t[2]])).toEqual([
      ['interviewer', 'Pourquoi ?'],
      ['interviewee', 'Parce que c’est lent.'],
    ]);
    expect(turns('00:03:01 - Q: Why?\n00:03:04 - A: Because.\n').map((t) => t[0])).toEqual(['interviewer', 'interviewee']);
    // Otter / Zoom exports: the speaker and time on a line of their own, the words below.
    const otter = '---\ninterviewer: Sam Lee\n---\nSam Lee  0:03\nHow do you plan the week?\n\nDana Cruz  0:09\nOn a whiteboard.\nIt takes ages.\n';
    expect(turns(otter)).toEqual([
      ['interviewer', 'Sam Lee', 'How do you plan the week?'],
      ['interviewee', 'Dana Cruz', 'On a whiteboard.\nIt takes ages.'],
    ]);
  });
  it('keeps positions of a CRLF file equal to those of its LF twin', () => {
    const lf = parseInterview('a.md', 'Q: Why?\nA: Because it is slow.\n', rules);
    const crlf = parseInterview('b.md', 'Q: Why?\r\nA: Because it is slow.\r\n', rules);
    expect(crlf.utterances).toEqual(lf.utterances);
  });
});
