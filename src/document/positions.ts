import type { Span } from '../types.js';

/** Maps 0-based offsets of a text to 1-based line and column (columns count UTF-16 code units). */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column (the inverse of position). */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }

  span(offset: number, endOffset: number): Span {
    const start = this.position(offset);
    const end = this.position(endOffset);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset, endOffset };
  }
}
