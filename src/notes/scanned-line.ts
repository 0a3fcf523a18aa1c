/** One line of a note as the reader scanned it: where its words are, and what the layout says about it. */
export interface ScannedLine {
  /** Content range in the source (after quote, list and label markers). */
  start: number;
  /** Where the content starts when the label turns out not to be a speaker ("Date : 12 mars" is all content). */
  beforeLabel: number;
  end: number;
  block: number;
  listItem: boolean;
  /** A row of a transcript table (speaker and text columns). */
  table?: boolean;
  /** The line is wholly a quotation (a verbatim), possibly with an attribution. */
  verbatim?: boolean;
  /** Columns before the list marker (or the text), for nesting. */
  indent?: number;
  quoted: boolean;
  label?: string;
  /** The label is set in bold ("**Dana:**") or is an export's speaker line: a speaker even if it speaks once. */
  bold: boolean;
  /** An export's speaker line ("Dana Cruz  0:09" alone, the words below). */
  header?: boolean;
  /** The whole line is in bold or italics ("1. __How did you start?__"). */
  emphasised?: boolean;
  /** The interviewer's question set in the layout: a question heading, a bold or emphasised question line. */
  asked?: boolean;
  /** One of a list of questions planned for the interview. */
  planned?: boolean;
  /** The label is one of several fields on the line: never a speaker. */
  field?: boolean;
  observation: boolean;
  voiceMarked: boolean;
  researcher: boolean;
  /** How many headings come before the line (a turn does not run on past a heading). */
  section?: number;
  question: boolean;
}
