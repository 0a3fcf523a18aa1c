/** The notes reader on arbitrary mixtures of line shapes: never throws, every non-blank line gets one valid role, formats are named. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontMatterError } from '../../src/document/front-matter.js';
import { parseInterview } from '../../src/notes/interview.js';
import { lineRoles } from '../../src/notes/line-roles.js';
import { loadNotesRules } from '../../src/notes/load.js';

const rules = loadNotesRules();
const SHAPES = [
  '**Marie :** On perd du temps.',
  'Q: Why?',
  'A: Because.',
  'Dana Cruz  0:09',
  '**Emma** [1:16]',
  '1',
  '00:00:01,000 --> 00:00:04,000',
  '— Et alors ? — Bah rien.',
  '## What do you do on Mondays?',
  '# Notes',
  '> "I hate it" — P3',
  '> Date: 3 May',
  '- Runs the shop alone',
  '  - nested detail',
  '- **DCFS**: a glossary entry',
  '1. __How did you start?__',
  '👀 She scrolls',
  '💬 "Too slow"',
  '<div>',
  '[silence]',
  '---',
  '',
  '   ',
  '```',
  '<!-- comment',
  '-->',
  'Question : Et après ?',
  'Réponse : rien',
  'Priorité : 1/3',
  'My thoughts: unclear',
  ':',
  '**:**',
  '*',
  '— ',
  'WEBVTT',
  '<v Sam>Hello?',
];

describe('the notes reader on any mixture of line shapes', () => {
  it('never throws, gives every non-blank line one valid role, and names its formats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SHAPES), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        let interview;
        try {
          interview = parseInterview('x.md', text, rules);
        } catch (error) {
          // Broken front matter is a located file error, by design; anything else is a bug.
          expect(error).toBeInstanceOf(FrontMatterError);
          return;
        }
        const roles = lineRoles(interview);
        const nonBlank = text.replace(/\r\n?/g, '\n').split('\n').flatMap((l, i) => (l.trim() ? [i + 1] : []));
        expect(roles.map((r) => r.line)).toEqual(nonBlank);
        for (const r of roles) expect(['interviewer', 'interviewee', 'notetaker', 'meta']).toContain(r.role);
        expect(interview.formats.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the notes reader on megabyte lines of every shape', () => {
  const filler = 'et alors je note tout dans un cahier (parfois) ? oui : non, c’est pénible ** __ — ';
  it.each(['# ', '## ', '#', '**', '__', '> ', '- ', '1. ', '<div>', '[', '(', '👀 ', '— ', 'Q: ', '**Marie :** ', '1\n00:00:01,000 --> 00:00:02,000\n'])('a 1 MB line opened by %j is read without error', (opening) => {
    const text = opening + filler.repeat(Math.ceil(1_000_000 / filler.length));
    const interview = parseInterview('x.md', text, rules);
    expect(lineRoles(interview).length).toBeGreaterThan(0);
  });
});
