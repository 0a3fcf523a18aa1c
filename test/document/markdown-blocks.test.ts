/**
 * The fast block reader gives the same guide as the CommonMark parser wherever it answers: on every
 * markdown guide we have, and on generated markdown (headings, paragraphs, nested lists, quotes,
 * comments, breaks, odd spacing). Where it does not answer (code, HTML, setext headings, lazy lines…),
 * the parser reads the file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdownGuide } from '../../src/document/guide-markdown.js';
import { readSimpleBlocks } from '../../src/document/markdown-blocks.js';
import { LineIndex } from '../../src/document/positions.js';
import { defaultRuleSet } from '../../src/rules/load.js';

const ROOT = resolve(import.meta.dirname, '../..');
const packs = defaultRuleSet().packs;
const read = (text: string, reader: 'auto' | 'full') => parseMarkdownGuide(text, packs.en, new LineIndex(text), undefined, reader);

const DIRS = ['fixtures/guides', 'fixtures/guides-expected', '../shared/eval/dev/guides', '../shared/eval/dev2/guides'].map((d) => resolve(ROOT, d));
const guides = DIRS.filter(existsSync).flatMap((d) => readdirSync(d).filter((n) => n.endsWith('.md')).map((n) => join(d, n)));

describe('the fast block reader', () => {
  it('reads most of our guides itself, and every one the same as the parser', () => {
    let fast = 0;
    for (const file of guides) {
      // Front matter is blanked (same length) before the reader sees the body, as parseGuide does.
      const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, (m) => m.replace(/[^\n]/g, ' '));
      if (readSimpleBlocks(text)) fast++;
      expect(read(text, 'auto'), file).toEqual(read(text, 'full'));
    }
    expect(guides.length).toBeGreaterThan(5);
    expect(fast / guides.length).toBeGreaterThan(0.6);
  });

  it.each([
    ['fenced code', '# T\n\n```\n- not a question?\n```\n'],
    ['indented code', 'Intro\n\n    code?\n'],
    ['setext heading', 'Title\n=====\n\n- Why?\n'],
    ['lazy continuation', '- What do you do\nwhen it fails?\n'],
    ['HTML block', '<div>\nWhat?\n</div>\n'],
    ['a tab', '-\tWhat?\n'],
    ['an empty item', '-\n  What?\n'],
    ['a link definition', '[a]: https://example.org\n'],
  ])('leaves %s to the parser', (_, text) => expect(readSimpleBlocks(text)).toBeUndefined());

  it.each([
    ['with inline markup and stray markers', ['1.', '-', '#', '>', '*', '**bold**', '_x_', '`c`', '<!-- c -->', '\\-', '[a](b)'], 0.1],
    ['in plain words (a good part read by the fast reader)', [], 0.25],
  ])('gives the same guide as the parser on generated markdown %s', (_, extra, fastShare) => {
    let fast = 0;
    let runs = 0;
    const word = fc.constantFrom('How', 'do', 'you', 'plan', 'the', 'week', 'Why', 'What', 'happened', 'Tell', 'me', 'about', 'it', 'Quel', 'est', 'votre', 'rôle', 'and', ...(extra as string[]));
    const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom('?', '.', '', ' ?', '  ')).map(([w, end]) => w.join(' ') + end);
    const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '      ');
    const line = fc.oneof(
      sentence,
      sentence.map((s) => `# ${s}`),
      sentence.map((s) => `## ${s} ##`),
      fc.tuple(indent, fc.constantFrom('- ', '* ', '+ ', '1. ', '2. ', '10) ', '-  '), sentence).map(([i, m, s]) => i + m + s),
      fc.tuple(indent, fc.constantFrom('> ', '>', '> > ', '> - '), sentence).map(([i, m, s]) => i + m + s),
      fc.tuple(indent, sentence).map(([i, s]) => i + s),
      fc.constantFrom('', '', '---', '***', '<!-- note -->', '<!--', '-->', '   ', '1.', '-'),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 14 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        runs++;
        if (readSimpleBlocks(text)) fast++;
        expect(read(text, 'auto')).toEqual(read(text, 'full'));
      }),
      { numRuns: 4000 },
    );
    expect(fast / runs).toBeGreaterThan(fastShare as number);
  });
});
