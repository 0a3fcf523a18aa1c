/** analyze --lexicon (a user's lexicon: YAML or a word list) and --min-confidence. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/in-process.js';
import { tempFolder } from '../helpers/temp-folder.js';

interface Extract {
  kind: string;
  line: number;
  confidence: number;
  emotion?: string;
  polarity?: string;
  source: string;
}
const extractsOf = (stdout: string): Extract[] => (JSON.parse(stdout) as { interviews: Array<{ extracts: Extract[] }> }).interviews.flatMap((i) => i.extracts);

describe('analyze --lexicon', () => {
  const note = 'A: The whole afternoon felt grim.\nA: We keep a ledger.\n';
  it('adds the emotions of a word list (TSV with an association column, header skipped), in both languages', async () => {
    const dir = tempFolder({ 'n.md': note, 'words.tsv': 'word\temotion\tassociation\ngrim\tsadness\t1\nledger\tsadness\t0\n' });
    const before = extractsOf((await cli(['analyze', 'n.md'], dir)).stdout);
    expect(before.filter((e) => e.kind === 'emotion')).toEqual([]);
    const r = await cli(['analyze', 'n.md', '--lexicon', 'words.tsv'], dir);
    expect(r.code).toBe(0);
    const emotions = extractsOf(r.stdout).filter((e) => e.kind === 'emotion');
    expect(emotions).toMatchObject([{ line: 1, emotion: 'sadness', polarity: 'negative', source: 'auto' }]);
  });
  it('reads a CSV word list and a YAML lexicon in the shipped format (a new class)', async () => {
    const yaml = [
      'kind: alternative',
      'confidence: 0.6',
      'classes:',
      '  ledger:',
      '    description: Paper records kept by hand.',
      '    en:',
      '      patterns: ["\\\\bledgers?\\\\b"]',
      '      match: ["We keep a ledger."]',
      '      noMatch: ["We keep calm."]',
      '',
    ].join('\n');
    const dir = tempFolder({ 'n.md': note, 'mine.yaml': yaml, 'words.csv': 'grim,gloom\n' });
    const r = await cli(['analyze', 'n.md', '--lexicon', 'mine.yaml', '--lexicon', 'words.csv'], dir);
    expect(r.code).toBe(0);
    const got = extractsOf(r.stdout);
    expect(got.find((e) => e.kind === 'alternative')).toMatchObject({ line: 2, confidence: 0.6 });
    expect(got.find((e) => e.kind === 'emotion')).toMatchObject({ line: 1, emotion: 'gloom', polarity: 'mixed' });
  });
  it('refuses, with exit 2 and the file named, a missing file, a bad word list, an unsafe pattern, an unknown format', async () => {
    const dir = tempFolder({
      'n.md': note,
      'bad.tsv': 'grim\n',
      'unsafe.yaml': 'kind: need\nlanguages:\n  en:\n    patterns: ["(a+)+b"]\n',
      'words.json': '{}',
    });
    for (const [file, message] of [
      ['missing.tsv', /cannot read lexicon missing\.tsv: no such file/],
      ['bad.tsv', /invalid lexicon: .*bad\.tsv.*line 1/],
      ['unsafe.yaml', /invalid lexicon: .*unsafe\.yaml.*exponential/],
      ['words.json', /invalid lexicon: .*words\.json/],
    ] as const) {
      const r = await cli(['analyze', 'n.md', '--lexicon', file], dir);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(message);
      expect(r.stdout, file).toBe('');
    }
  });
});

describe('analyze --min-confidence', () => {
  const note = 'A: It takes ages and it is confusing and slow.\nA: Sometimes it is slow.\nA: We need a shared list. #need\n';
  it('leaves out extracts below the floor; tags (confidence 1) always stay', async () => {
    const dir = tempFolder({ 'n.md': note });
    const all = extractsOf((await cli(['analyze', 'n.md'], dir)).stdout);
    const strong = all.find((e) => e.kind === 'problem' && e.line === 1);
    const weak = all.find((e) => e.kind === 'problem' && e.line === 2);
    expect(strong && weak && strong.confidence > weak.confidence).toBe(true);
    const floor = ((strong?.confidence ?? 0) + (weak?.confidence ?? 0)) / 2;
    const kept = extractsOf((await cli(['analyze', 'n.md', '--min-confidence', String(floor)], dir)).stdout);
    expect(kept.every((e) => e.confidence >= floor)).toBe(true);
    expect(kept.some((e) => e.kind === 'problem' && e.line === 1)).toBe(true);
    expect(kept.some((e) => e.line === 2)).toBe(false);
    expect(kept.find((e) => e.source === 'tag')).toMatchObject({ kind: 'need', confidence: 1 });
    expect(extractsOf((await cli(['analyze', 'n.md', '--min-confidence', '1'], dir)).stdout).map((e) => e.source)).toEqual(['tag']);
  });
  it.each(['-0.1', '1.5', 'high', ''])('refuses %j with a usage error', async (value) => {
    const r = await cli(['analyze', 'n.md', '--min-confidence', value], tempFolder({ 'n.md': note }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--min-confidence.*expected a number from 0 to 1/);
  });
});
