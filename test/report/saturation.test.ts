/** Saturation (Guest, Namey & Chen 2020) on a constructed corpus, against a hand computation; and the panel. */
import { describe, expect, it } from 'vitest';
import { panel, saturation, type SaturationEntry } from '../../src/report/saturation.js';
import { cli } from '../helpers/in-process.js';
import { tempFolder } from '../helpers/temp-folder.js';

/** Interview i (1…10, in date order) has these codes. The base (1–4) holds c1…c20. */
const CODES: string[][] = [
  ['c1', 'c2', 'c3', 'c4', 'c5'],
  ['c6', 'c7', 'c8', 'c9', 'c10'],
  ['c11', 'c12', 'c13', 'c14', 'c15'],
  ['c16', 'c17', 'c18', 'c19', 'c20'],
  ['c21', 'c22'],
  ['c23'],
  ['c1'],
  ['c24'],
  ['c2'],
  ['c3'],
];
// By hand, base 4, runs of 2, ratio = codes new in the run / 20:
//   run 5–6: c21 c22 c23 → 3/20 = 0.15
//   run 6–7: c23         → 0.05   (≤ 5 %: saturation at 5+2)
//   run 7–8: c24         → 0.05
//   run 8–9: c24         → 0.05
//   run 9–10: nothing    → 0      (0 %: saturation at 8+2)
const HAND = [
  { from: 5, to: 6, newCodes: 3, ratio: 0.15 },
  { from: 6, to: 7, newCodes: 1, ratio: 0.05 },
  { from: 7, to: 8, newCodes: 1, ratio: 0.05 },
  { from: 8, to: 9, newCodes: 1, ratio: 0.05 },
  { from: 9, to: 10, newCodes: 0, ratio: 0 },
];

/** File names run against the dates, so that only the front matter gives the order. */
const entries = (codes: string[][]): SaturationEntry[] =>
  codes.map((c, i) => ({ path: `n${String(codes.length - i).padStart(2, '0')}.md`, date: `2026-01-${String(i + 1).padStart(2, '0')}`, tagCodes: c, themeCodes: [] }));

describe('saturation', () => {
  it('matches the hand computation, in date order', () => {
    const result = saturation(entries(CODES));
    expect(result).toMatchObject({ codes: 'tags', order: 'date', base: 4, run: 2, baseCodes: 20, table: HAND });
    expect(result.thresholds).toEqual([
      { threshold: 0.05, reachedAt: 5, label: '5+2' },
      { threshold: 0, reachedAt: 8, label: '8+2' },
    ]);
  });
  it('says "not reached" when the corpus ends first, and why when it is too small', () => {
    const never = CODES.map((c, i) => (i === 9 ? ['c25'] : c));
    expect(saturation(entries(never)).thresholds[1]).toEqual({ threshold: 0, reachedAt: null, label: 'not reached' });
    const small = saturation(entries(CODES.slice(0, 5)));
    expect(small.thresholds.map((t) => t.label)).toEqual(['not reached', 'not reached']);
    expect(small.note).toMatch(/5 interviews: saturation needs at least 6/);
  });
  it('takes the base, run and threshold given', () => {
    const r = saturation(entries(CODES), { base: 4, run: 3, threshold: 0.1 });
    expect(r.table[0]).toEqual({ from: 5, to: 7, newCodes: 3, ratio: 0.15 });
    expect(r.thresholds[0]).toEqual({ threshold: 0.1, reachedAt: 5, label: '5+3' });
  });
  it('uses themes as codes when most interviews have no tags, and path order without dates', () => {
    const r = saturation([1, 2, 3, 4, 5, 6].map((i) => ({ path: `p${i}.md`, tagCodes: i === 1 ? ['x'] : [], themeCodes: [`problem:t${i % 3}`] })));
    expect(r).toMatchObject({ codes: 'themes', order: 'path', baseCodes: 3 });
  });
});

describe('panel', () => {
  it('counts participants and segments, and warns when thin or one-sided', () => {
    const p = panel([
      { path: 'a.md', participant: 'Ana', segment: 'SMB', tagCodes: [], themeCodes: [] },
      { path: 'b.md', participant: 'Ben', segment: 'SMB', tagCodes: [], themeCodes: [] },
      { path: 'c.md', participant: 'Ana', segment: 'freelancer', tagCodes: [], themeCodes: [] },
    ]);
    expect(p.participants).toBe(2);
    expect(p.segments).toEqual([
      { segment: 'SMB', interviews: 2, share: 0.6667 },
      { segment: 'freelancer', interviews: 1, share: 0.3333 },
    ]);
    expect(p.warnings.join('\n')).toMatch(/3 interviews.*fifteen[\s\S]*"SMB" holds 67 %/);
  });
});

describe('analyze reports the panel and saturation (CLI)', () => {
  it('from the front matter and the tags of the notes, with the options given', async () => {
    const files: Record<string, string> = {};
    CODES.forEach((codes, i) => {
      files[`n${String(10 - i).padStart(2, '0')}.md`] = `---\ndate: 2026-01-${String(i + 1).padStart(2, '0')}\nsegment: ${i < 6 ? 'SMB' : 'freelancer'}\n---\nA: We spoke about it. ${codes.map((c) => `#emotion/${c}`).join(' ')}\n`;
    });
    const dir = tempFolder(files);
    const report = JSON.parse((await cli(['analyze', '.'], dir)).stdout) as { summary: { panel: { warnings: string[] }; saturation: { thresholds: unknown[]; table: unknown[] } } };
    expect(report.summary.saturation.thresholds).toEqual([
      { threshold: 0.05, reachedAt: 5, label: '5+2' },
      { threshold: 0, reachedAt: 8, label: '8+2' },
    ]);
    expect(report.summary.saturation.table).toEqual(HAND);
    expect(report.summary.panel.warnings.join(' ')).toMatch(/"SMB" holds 60 %/);
    const options = JSON.parse((await cli(['analyze', '.', '--saturation-run', '3', '--saturation-threshold', '0.1'], dir)).stdout) as typeof report;
    expect(options.summary.saturation.thresholds[0]).toEqual({ threshold: 0.1, reachedAt: 5, label: '5+3' });
    const bad = await cli(['analyze', '.', '--saturation-base', '0'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--saturation-base/);
  });
});
