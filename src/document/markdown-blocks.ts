/**
 * A fast reader for the markdown most guides are written in: ATX headings, paragraphs, bullet and
 * numbered lists (nested), blockquotes, HTML comments and thematic breaks. It builds the same block
 * tree, with the same offsets, as the CommonMark parser (mdast-util-from-markdown) for those files, in
 * a fraction of the time — and gives up (returns undefined) on anything outside that subset (fenced or
 * indented code, HTML blocks, setext headings, lazy continuation lines, link definitions, tabs…), where
 * the full parser takes over. A property test checks that both give the same guide wherever this one
 * answers.
 */

/** The mdast subset the guide walker reads. */
export interface BlockNode {
  type: 'root' | 'heading' | 'paragraph' | 'list' | 'listItem' | 'blockquote' | 'html' | 'thematicBreak' | 'text';
  children?: BlockNode[];
  position?: { start: { offset: number }; end: { offset: number } };
}

/** One line of a container's content: where it starts (after the container's markers) and ends (before "\n"). */
interface Line {
  start: number;
  end: number;
}

class Unsupported extends Error {}

const ATX = /^(#{1,6})(?=[ ]|$)/;
const LIST_MARKER = /^([-*+]|(\d{1,9})([.)]))( {1,4})(?=\S)/;
const THEMATIC = /^([-*_])(?:[ ]*\1){2,}[ ]*$/;
const SETEXT = /^(?:=+|-+)[ ]*$/;
const FENCE = /^(?:`{3,}|~{3,})/;
const DEFINITION = /^\[[^\]]+\]:/;

function node(type: BlockNode['type'], start: number, end: number, children?: BlockNode[]): BlockNode {
  return children ? { type, children, position: { start: { offset: start }, end: { offset: end } } } : { type, position: { start: { offset: start }, end: { offset: end } } };
}

/** The block tree of `text`, or undefined when it uses markdown outside the subset read here. */
export function readSimpleBlocks(text: string): BlockNode | undefined {
  if (text.includes('\t') || text.includes('\r') || text.includes('\0')) return undefined;
  const lines: Line[] = [];
  let offset = 0;
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start: offset, end });
    if (nl < 0) break;
    offset = nl + 1;
  }
  try {
    return node('root', 0, text.length, blocks(text, lines));
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function indentOf(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && text.charCodeAt(i) === 32) i++;
  return i - line.start;
}

function isBlank(text: string, line: Line): boolean {
  return indentOf(text, line) === line.end - line.start;
}

/** What a non-blank line (indent under 4) starts, if it starts a block other than a paragraph line. */
function blockStart(t: string): 'heading' | 'quote' | 'list' | 'comment' | 'break' | 'unsupported' | undefined {
  const c = t[0];
  if (c === '#' && ATX.test(t)) return 'heading';
  if (c === '>') return 'quote';
  if ((c === '-' || c === '*' || c === '_') && THEMATIC.test(t)) return 'break';
  if (c === '-' || c === '*' || c === '+' || (c !== undefined && c >= '0' && c <= '9')) {
    if (LIST_MARKER.test(t)) return 'list';
    // An empty item or a marker followed by 5+ spaces or a tab: read by the full parser.
    if (/^(?:[-*+]|\d{1,9}[.)])(?:[ ]*$|[ ]{5})/.test(t)) return 'unsupported';
  }
  if (c === '<') return t.startsWith('<!--') ? 'comment' : 'unsupported';
  if ((c === '`' || c === '~') && FENCE.test(t)) return 'unsupported';
  if (c === '[' && DEFINITION.test(t)) return 'unsupported';
  return undefined;
}

function blocks(text: string, lines: Line[]): BlockNode[] {
  const out: BlockNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (isBlank(text, line)) {
      i++;
      continue;
    }
    const indent = indentOf(text, line);
    if (indent >= 4) throw new Unsupported(); // indented code
    const at = line.start + indent;
    const t = text.slice(at, line.end);
    const kind = blockStart(t);
    if (kind === 'unsupported') throw new Unsupported();
    if (kind === 'heading') {
      out.push(heading(text, line, at));
      i++;
      continue;
    }
    if (kind === 'break') {
      out.push(node('thematicBreak', at, line.end));
      i++;
      continue;
    }
    if (kind === 'comment') {
      // An HTML comment block: to the line that holds "-->" (the full parser's HTML block of kind 2).
      let j = i;
      while (j < lines.length && !text.slice(j === i ? at + 4 : (lines[j] as Line).start, (lines[j] as Line).end).includes('-->')) j++;
      if (j >= lines.length) throw new Unsupported();
      out.push(node('html', at, (lines[j] as Line).end));
      i = j + 1;
      continue;
    }
    if (kind === 'quote') {
      i = quote(text, lines, i, out);
      continue;
    }
    if (kind === 'list') {
      i = list(text, lines, i, out);
      continue;
    }
    i = paragraph(text, lines, i, out);
  }
  return out;
}

function heading(text: string, line: Line, at: number): BlockNode {
  const hashes = (ATX.exec(text.slice(at, line.end)) as RegExpExecArray)[1] as string;
  let start = at + hashes.length;
  let end = line.end;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  // A closing sequence of #s, preceded by a space (or alone), is not content.
  let k = end;
  while (k > start && text.charCodeAt(k - 1) === 35) k--;
  if (k < end && (k === start || text.charCodeAt(k - 1) === 32)) {
    end = k;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
  }
  if (text.slice(start, end).includes('\\') || /[*_`<[&!]/.test(text.slice(start, end))) {
    // Inline markup in a heading changes where the parser's first and last inline nodes start and end.
    throw new Unsupported();
  }
  return node('heading', at, line.end, end > start ? [node('text', start, end)] : []);
}

function paragraph(text: string, lines: Line[], i: number, out: BlockNode[]): number {
  const first = lines[i] as Line;
  const start = first.start + indentOf(text, first);
  if (text.slice(start, first.end).startsWith('[') && DEFINITION.test(text.slice(start, first.end))) throw new Unsupported();
  let j = i + 1;
  for (; j < lines.length; j++) {
    const line = lines[j] as Line;
    if (isBlank(text, line)) break;
    const indent = indentOf(text, line);
    if (indent >= 4) continue; // a continuation line, whatever its indentation
    const t = text.slice(line.start + indent, line.end);
    if (SETEXT.test(t)) throw new Unsupported();
    const kind = blockStart(t);
    if (kind === 'unsupported' || kind === 'comment') throw new Unsupported();
    if (kind === 'list') {
      // Only a bullet or a numbered item starting at 1 interrupts a paragraph.
      const m = LIST_MARKER.exec(t) as RegExpExecArray;
      if (m[2] !== undefined && m[2] !== '1') throw new Unsupported();
      break;
    }
    if (kind !== undefined) break;
  }
  const last = lines[j - 1] as Line;
  out.push(node('paragraph', start, last.end, []));
  return j;
}

function quote(text: string, lines: Line[], i: number, out: BlockNode[]): number {
  const inner: Line[] = [];
  const first = lines[i] as Line;
  const start = first.start + indentOf(text, first);
  let j = i;
  for (; j < lines.length; j++) {
    const line = lines[j] as Line;
    const indent = indentOf(text, line);
    const at = line.start + indent;
    if (indent >= 4 || text.charCodeAt(at) !== 62 /* > */) break;
    const content = text.charCodeAt(at + 1) === 32 ? at + 2 : at + 1;
    inner.push({ start: Math.min(content, line.end), end: line.end });
  }
  // A following line that would continue the quote's paragraph lazily: read by the full parser.
  const next = lines[j];
  if (next && !isBlank(text, next)) {
    const lastInner = inner[inner.length - 1] as Line;
    if (!isBlank(text, lastInner)) {
      const t = text.slice(next.start + indentOf(text, next), next.end);
      const kind = blockStart(t);
      if (kind === undefined || kind === 'list') throw new Unsupported();
    }
  }
  const last = lines[j - 1] as Line;
  out.push(node('blockquote', start, last.end, blocks(text, inner)));
  return j;
}

function markerOf(t: string): { key: string; width: number; ordinal?: string } | undefined {
  const m = LIST_MARKER.exec(t);
  if (!m) return undefined;
  const bullet = m[2] === undefined;
  return { key: bullet ? (m[1] as string) : (m[3] as string), width: (m[1] as string).length + (m[4] as string).length, ...(bullet ? {} : { ordinal: m[2] as string }) };
}

function list(text: string, lines: Line[], i: number, out: BlockNode[]): number {
  const items: BlockNode[] = [];
  const firstLine = lines[i] as Line;
  const listStart = firstLine.start + indentOf(text, firstLine);
  const key = (markerOf(text.slice(listStart, firstLine.end)) as { key: string }).key;
  let j = i;
  let listEnd = firstLine.end;
  while (j < lines.length) {
    const line = lines[j] as Line;
    const indent = indentOf(text, line);
    if (indent >= 4) break;
    const at = line.start + indent;
    const marker = markerOf(text.slice(at, line.end));
    if (!marker || marker.key !== key) break;
    const contentIndent = indent + marker.width;
    const inner: Line[] = [{ start: at + marker.width, end: line.end }];
    let k = j + 1;
    let lastNonBlank = j;
    for (; k < lines.length; k++) {
      const next = lines[k] as Line;
      if (isBlank(text, next)) {
        inner.push({ start: Math.min(next.start + contentIndent, next.end), end: next.end });
        continue;
      }
      const nextIndent = indentOf(text, next);
      if (nextIndent >= contentIndent) {
        inner.push({ start: next.start + contentIndent, end: next.end });
        lastNonBlank = k;
        continue;
      }
      // Less indented: a lazy continuation of the item's paragraph is for the full parser; anything
      // else ends the item.
      if (k === lastNonBlank + 1) {
        const t = text.slice(next.start + nextIndent, next.end);
        const kind = blockStart(t);
        if (kind === undefined || kind === 'unsupported' || kind === 'comment') throw new Unsupported();
      }
      break;
    }
    // Trailing blank lines belong to what follows, not to the item.
    const kept = inner.slice(0, lastNonBlank - j + 1);
    const itemEnd = (lines[lastNonBlank] as Line).end;
    items.push(node('listItem', at, itemEnd, blocks(text, kept)));
    listEnd = itemEnd;
    j = lastNonBlank + 1;
    // Blank lines between items keep the list going when the next item has the same marker.
    let b = j;
    while (b < lines.length && isBlank(text, lines[b] as Line)) b++;
    const after = lines[b];
    if (!after) {
      j = b;
      break;
    }
    const afterIndent = indentOf(text, after);
    const afterMarker = afterIndent < 4 ? markerOf(text.slice(after.start + afterIndent, after.end)) : undefined;
    if (!afterMarker || afterMarker.key !== key) break;
    j = b;
  }
  out.push(node('list', listStart, listEnd, items));
  return j;
}
