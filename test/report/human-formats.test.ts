/** The stylish summary and the markdown digest show quotes, the group-by breakdowns, the panel and saturation. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/in-process.js';

describe('human-readable analyze formats', () => {
  it('stylish: quotes under the top theme of each kind, breakdowns by field, panel, saturation, warnings', async () => {
    const out = (await cli(['analyze', 'fixtures/notes', '--format', 'stylish', '--group-by', 'segment'])).stdout;
    expect(out).toMatch(/^ {2}Alternatives: spreadsheet \(2\)[^\n]*\n {4}“[^”\n]+” — fixtures\/notes\/[^:]+:\d+$/mu);
    expect(out).toMatch(/^ {2}By segment:\n {4}\(none\): /mu);
    expect(out).toMatch(/^ {4}SMB: Needs 1 · /mu);
    expect(out).toMatch(/^ {2}5 participants; segments: /mu);
    expect(out).toMatch(/^ {2}Saturation \(codes: tags, base 4, runs of 2\): not reached/mu);
    expect(out).toMatch(/^ {2}warning {2}Only 5 interviews/mu);
  });
  it('markdown: a table per group-by field and the panel section', async () => {
    const out = (await cli(['analyze', 'fixtures/notes', '--format', 'markdown', '--group-by', 'segment'])).stdout;
    expect(out).toContain('## Panel and saturation');
    expect(out).toMatch(/^## By segment\n\n\| segment \| Needs \|/mu);
    expect(out).toMatch(/^\| SMB \| 1 \| 3 \| 2 \|/mu);
  });
});
