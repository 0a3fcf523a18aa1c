import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../src/document/guide.js';
import { LineIndex } from '../src/document/positions.js';
import { normaliseNewlines } from '../src/language/normalise.js';
import { analyseInterview, parseInterview } from '../src/notes/interview.js';
import { loadNotesRules } from '../src/notes/load.js';
import { lintGuide } from '../src/rules/engine.js';
import { defaultRuleSet } from '../src/rules/load.js';

const rules = defaultRuleSet();
const notesRules = loadNotesRules();

/** Offset of a 1-based line and column in a text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** Markdown-ish documents: interview words, markup, speakers, tags, Unicode of every kind. */
const piece = fc.oneof(
  fc.constantFrom('- ', '  - ', '# ', '## ', '> ', '1. ', '**', '_', '`', '\n', '\n\n', '\r\n', '\r', '---\n', '<!-- x -->', '```\n', '| a | b |\n'),
  fc.constantFrom('Q: ', 'A: ', 'R : ', '**Marie :** ', 'Interviewer: ', '#need ', '#problème ', '#emotion/frustration ', '(_note_) '),
  fc.constantFrom('Do you like it?', "Don't you think so?", 'Would you pay?', 'Tell me about it.', 'Pourquoi ?', 'Avez-vous un tableur ?', "J'aimerais savoir.", 'On perd un temps fou.', 'No problem.', 'I wish it worked.', '« Vue » ?'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('\u200b', '\u202e', '\u00a0?', '\ufeff', 'é', '’', '🤔 ', '😲'),
);
const question = fc.constantFrom('\n- Do you like it?', '\n- Would you buy it?', '\n- Avez-vous un tableur ?', "\n- Don't you agree?", '\nQ: Is it fast?');
const document = fc.array(fc.oneof({ arbitrary: piece, weight: 4 }, { arbitrary: question, weight: 1 }), { maxLength: 40 }).map((parts) => parts.join(''));
const frontMatter = fc.oneof(
  { arbitrary: fc.constant(''), weight: 4 },
  { arbitrary: fc.constantFrom('---\nlang: fr\n---\n', '---\nlang: en\nparticipant: Marie\n---\n'), weight: 4 },
  { arbitrary: fc.constant('---\n: [\n---\n'), weight: 1 },
);
const fileName = fc.oneof({ arbitrary: fc.constant('g.md'), weight: 6 }, { arbitrary: fc.constant('g.txt'), weight: 3 }, { arbitrary: fc.constant('g.yaml'), weight: 1 });

describe('properties on arbitrary documents', () => {
  it('LineIndex.offset is the inverse of LineIndex.position', () => {
    fc.assert(
      fc.property(document, fc.nat(), (text, n) => {
        const index = new LineIndex(text);
        const offset = n % (text.length + 1);
        const { line, column } = index.position(offset);
        expect(index.offset(line, column)).toBe(offset);
        expect(offsetOf(text, line, column)).toBe(offset);
      }),
      { numRuns: 300 },
    );
  });

  it('lint never throws (except located format errors), positions lie inside the text and point at the reported text, output is stable', () => {
    let checked = 0;
    fc.assert(
      fc.property(frontMatter, document, fileName, (front, body, name) => {
        const text = front + body;
        let findings;
        try {
          findings = lintGuide(parseGuide(name, text, rules), rules);
        } catch (error) {
          // Only the documented, located errors may come out: broken front matter or YAML.
          expect((error as Error).constructor.name).toMatch(/FrontMatterError|GuideFormatError|MarkdownLimitError/);
          return;
        }
        const source = normaliseNewlines(text);
        const lines = source.split('\n');
        for (const f of findings) {
          checked++;
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeLessThanOrEqual(lines.length);
          expect(f.column).toBeGreaterThanOrEqual(1);
          const start = offsetOf(source, f.line, f.column);
          const end = offsetOf(source, f.endLine, f.endColumn);
          expect(end).toBeGreaterThanOrEqual(start);
          if (f.text) expect(source.slice(start, end)).toBe(f.text);
        }
        expect(lintGuide(parseGuide(name, text, rules), rules)).toEqual(findings);
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(100); // not vacuous (several hundred findings per 400 runs)
  });

  it('analyze never throws, extracts lie inside the text and quote it, output is stable', () => {
    let checked = 0;
    fc.assert(
      fc.property(frontMatter, document, (front, body) => {
        const text = front + body;
        let result;
        try {
          result = analyseInterview(parseInterview('n.md', text, notesRules), notesRules, rules);
        } catch (error) {
          expect((error as Error).constructor.name).toBe('FrontMatterError');
          return;
        }
        const source = normaliseNewlines(text);
        const index = new LineIndex(source);
        expect(index).toBeDefined();
        for (const e of result.extracts) {
          checked++;
          const start = offsetOf(source, e.line, e.column);
          const end = offsetOf(source, e.endLine, e.endColumn);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(source.length);
          // The extract text is the source span without tags and with spaces collapsed.
          const words = (s: string) => s.replace(/#[\p{L}][\p{L}\p{N}_/-]*/gu, ' ').replace(/\s+/g, ' ').trim();
          expect(words(source.slice(start, end))).toContain(words(e.text));
        }
        for (const f of result.interviewerIssues) expect(source.slice(offsetOf(source, f.line, f.column), offsetOf(source, f.endLine, f.endColumn))).toBe(f.text);
        expect(analyseInterview(parseInterview('n.md', text, notesRules), notesRules, rules)).toEqual(result);
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(30); // not vacuous (about 100 extracts per 400 runs)
  });
});
