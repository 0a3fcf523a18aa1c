/** analyze --format csv: RFC 4180 rows that a CSV library reads back to the report's extracts. */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, CSV_COLUMNS } from '../../src/report/format-analyze-csv.js';
import { cli } from '../helpers/in-process.js';
import { tempFolder } from '../helpers/temp-folder.js';

interface Extract {
  kind: string;
  emotion?: string;
  confidence: number;
  speaker: string | null;
  line: number;
  text: string;
}
interface Report {
  interviews: Array<{ path: string; meta: Record<string, unknown>; extracts: Extract[] }>;
}

describe('analyze --format csv', () => {
  it('reads back, with a CSV library, to the same extracts as the JSON report (fixtures/notes)', async () => {
    const json = JSON.parse((await cli(['analyze', 'fixtures/notes'])).stdout) as Report;
    const csv = (await cli(['analyze', 'fixtures/notes', '--format', 'csv'])).stdout;
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parse(csv, { columns: true, relax_column_count: false }) as Array<Record<string, string>>;
    const want = json.interviews.flatMap((i) =>
      i.extracts.map((e) => ({
        file: i.path,
        participant: String(i.meta.participant ?? ''),
        segment: String(i.meta.segment ?? ''),
        kind: e.kind,
        emotion: e.emotion ?? '',
        confidence: String(e.confidence),
        speaker: e.speaker ?? '',
        line: String(e.line),
        quote: e.text,
      })),
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows).toEqual(want);
  });

  it('quotes what needs quoting, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r', ';', "'", '=') }), { minLength: 1, maxLength: 5 }), (fields) => {
        const line = `${fields.map(csvField).join(',')}\r\n`;
        const [row] = parse(line, { relax_quotes: false }) as string[][];
        expect(row).toEqual(fields);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a note with commas, quotes and line breaks in one field', async () => {
    const dir = tempFolder({ 'n.md': '---\nparticipant: "Ana, \\"the boss\\""\n---\nA: It takes ages, "really", to\n   re-enter every order by hand.\n' });
    const rows = parse((await cli(['analyze', 'n.md', '--format', 'csv'], dir)).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ file: 'n.md', participant: 'Ana, "the boss"', kind: 'problem' });
    expect(rows[0]?.quote).toContain('"really"');
  });
});
