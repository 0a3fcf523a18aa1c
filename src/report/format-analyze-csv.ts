/**
 * `analyze --format csv`: one row per extract — file, participant, segment, kind, emotion, confidence,
 * speaker, line, quote — as RFC 4180 says (CRLF line ends; a field with a comma, quote or line break is
 * quoted, its quotes doubled), UTF-8 without a byte-order mark, a header row first. Spreadsheet tools
 * and CSV libraries read it back to the same values.
 */
import type { AnalyzeReport } from './analyze-report.js';

export const CSV_COLUMNS = ['file', 'participant', 'segment', 'kind', 'emotion', 'confidence', 'speaker', 'line', 'quote'] as const;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function metaText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function formatAnalyzeCsv(report: AnalyzeReport): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const interview of report.interviews) {
    const meta = interview.meta;
    const participant = metaText(Object.hasOwn(meta, 'participant') ? meta.participant : undefined);
    const segment = metaText(Object.hasOwn(meta, 'segment') ? meta.segment : undefined);
    for (const e of interview.extracts) {
      rows.push([interview.path, participant, segment, e.kind, e.emotion ?? '', String(e.confidence), e.speaker ?? '', String(e.line), e.text].map(csvField).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
