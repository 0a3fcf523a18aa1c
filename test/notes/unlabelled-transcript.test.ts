import { describe, expect, it } from 'vitest';
import { unitAsks } from '../../src/notes/formats/unlabelled-transcript.js';
import { parseInterview } from '../../src/notes/interview.js';
import { lineRoles } from '../../src/notes/line-roles.js';
import { loadNotesRules } from '../../src/notes/load.js';

describe('unitAsks: which units of an unlabelled transcript are the interviewer’s', () => {
  it.each([
    ['Est-ce que tu utilises aussi des outils IA par exemple', true],
    ['Et puis, sinon, qu’est-ce que j’utilise ?', false],
    ['Donc ça, c’est toi qui as déterminé cette limite.', true],
    ['Tu as connaissance des choses.', true],
    ['Tu vois, moi je note tout dans un cahier.', false],
    ['Quand je perds un devis, tu vois, ça me coûte une journée.', false],
    ['Comment tu fais aujourd’hui ?', true],
    ['Do you keep a list somewhere', true],
    ['I keep everything in a notebook.', false],
    ['Tell me about the last time that happened.', true],
    ['Why did I do that? Because the export was broken.', false],
  ])('%s → %s', (unit, want) => expect(unitAsks(unit)).toBe(want));
});

describe('subtitle cues without question marks', () => {
  it('gives a question split over cues, addressed to the other person, to the interviewer', () => {
    const srt = ['1', '00:00:01,000 --> 00:00:03,000', 'est-ce que tu utilises aussi', '', '2', '00:00:03,000 --> 00:00:05,000', 'des outils en ligne.', '', '3', '00:00:05,000 --> 00:00:08,000', 'Oui, je prends un tableur partagé.', '', '4', '00:00:08,000 --> 00:00:10,000', 'Donc c’est toi qui tiens le fichier.', '', '5', '00:00:10,000 --> 00:00:12,000', 'Oui, et je le mets à jour le soir.', ''].join('\n');
    const roles = lineRoles(parseInterview('x.srt.md', srt, loadNotesRules())).filter((r) => r.role !== 'meta');
    expect(roles.map((r) => [r.line, r.role])).toEqual([
      [3, 'interviewer'],
      [7, 'interviewer'],
      [11, 'interviewee'],
      [15, 'interviewer'],
      [19, 'interviewee'],
    ]);
  });
});
