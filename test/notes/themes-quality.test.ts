/** Recurring themes name topics: never a stop word, contraction or filler, always quoted from two interviews. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldAccents } from '../../src/language/normalise.js';
import { loadStopwords } from '../../src/notes/themes.js';
import { cli } from '../helpers/in-process.js';
import { tempFolder } from '../helpers/temp-folder.js';

const ROOT = resolve(import.meta.dirname, '../..');
const WILD = resolve(ROOT, '../shared/eval/wild/notes');
/** Words people saw as themes in earlier versions: fillers, contractions, cue words. */
const NEVER = ["don't", "can't", 'mean', 'gonna', 'basically', 'right', 'like', 'love', 'enfin', 'appelle', 'puis', 'pourrait', 'faudrait', 'problème', 'problem', 'question', 'questions', 'actuellement', 'different'];

interface Theme {
  kind: string;
  keyword: string;
  interviews: number;
  quotes: Array<{ path: string }>;
}

function check(themes: Theme[]): void {
  const stop = loadStopwords();
  for (const t of themes) {
    const folded = foldAccents(t.keyword.toLowerCase());
    expect(NEVER, t.keyword).not.toContain(t.keyword);
    expect(stop.en.has(folded) || stop.fr.has(folded), `${t.keyword} is a stop word`).toBe(false);
    expect(/'(?!s$)/.test(t.keyword), `${t.keyword} is a contraction`).toBe(false);
    expect(t.interviews, t.keyword).toBeGreaterThanOrEqual(2);
    expect(new Set(t.quotes.map((q) => q.path)).size, `${t.kind}/${t.keyword} quotes two interviews`).toBeGreaterThanOrEqual(2);
  }
}

describe('themes', () => {
  it('quote two interviews even when the first one says it three times', async () => {
    const dir = tempFolder({
      'a.md': 'A: The invoice export is slow.\nA: The invoice is wrong again, slow.\nA: Every invoice is slow to print.\n',
      'b.md': 'A: The invoice takes ages and it is slow.\n',
    });
    const report = JSON.parse((await cli(['analyze', '.'], dir)).stdout) as { summary: { themes: Theme[] } };
    const invoice = report.summary.themes.find((t) => t.kind === 'problem' && t.keyword === 'invoice');
    expect(invoice?.quotes.map((q) => q.path)).toEqual(['a.md', 'a.md', 'b.md']);
    check(report.summary.themes);
  });
  it('skip contractions and fillers (English and French)', async () => {
    const dir = tempFolder({
      'a.md': "A: I don't know, basically the scheduling is really hard for us.\n",
      'b.md': "A: We can't, I mean the scheduling is just hard, you know.\n",
      'c.md': 'R : Enfin, du coup, le planning est compliqué pour nous.\n',
      'd.md': 'R : Enfin bon, le planning est vraiment pénible, voilà.\n',
    });
    const report = JSON.parse((await cli(['analyze', '.'], dir)).stdout) as { summary: { themes: Theme[] } };
    expect(report.summary.themes.map((t) => t.keyword).sort()).toEqual(['planning', 'scheduling']);
    check(report.summary.themes);
  });
  it.skipIf(!existsSync(WILD))('on the real notes of ../shared/eval/wild/notes', async () => {
    const report = JSON.parse((await cli(['analyze', WILD])).stdout) as { summary: { themes: Theme[] } };
    expect(report.summary.themes.length).toBeGreaterThan(20);
    check(report.summary.themes);
  });
});
