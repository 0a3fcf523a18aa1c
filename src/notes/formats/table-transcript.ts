/**
 * Format unit: a transcript exported as a markdown table (Notion, Airtable, Dovetail…): a header row
 * names a speaker column and a text column ("| Speaker | Text |", "| Intervenant | Propos |"); each
 * row is then a turn. Tables without such columns stay structure.
 */

const SPEAKER_COLUMN = /^(?:speaker|speakers|intervenant|intervenante|intervenants|locuteur|locutrice|who|qui|name|nom|personne|person|participant)$/iu;
const TEXT_COLUMN = /^(?:text|texte|content|contenu|transcript|transcription|verbatim|verbatims|propos|quote|citation|said|what was said|ce qui est dit|utterance|message)$/iu;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/u;

export interface TableColumns {
  speaker: number;
  text: number;
}

/** The cells of a table row, with their offsets in the row (a `\|` does not end a cell). */
export function tableCells(row: string): Array<{ start: number; end: number; text: string }> {
  const cells: Array<{ start: number; end: number; text: string }> = [];
  let i = row.indexOf('|');
  if (i === -1) return cells;
  let start = i + 1;
  for (i = start; i <= row.length; i++) {
    if (i === row.length || (row[i] === '|' && row[i - 1] !== '\\')) {
      if (i === row.length && row.slice(start).trim() === '') break;
      const raw = row.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      cells.push({ start: start + lead, end: start + lead + text.length, text });
      start = i + 1;
    }
  }
  return cells;
}

/** The speaker and text columns of a header row followed by a separator row, if it names both. */
export function transcriptColumns(header: string, next: string | undefined): TableColumns | undefined {
  if (next === undefined || !SEPARATOR.test(next)) return undefined;
  const names = tableCells(header).map((c) => c.text.replace(/[*_`]/g, '').trim());
  const speaker = names.findIndex((n) => SPEAKER_COLUMN.test(n));
  const text = names.findIndex((n) => TEXT_COLUMN.test(n));
  return speaker >= 0 && text >= 0 && speaker !== text ? { speaker, text } : undefined;
}

export function isSeparatorRow(row: string): boolean {
  return SEPARATOR.test(row);
}
