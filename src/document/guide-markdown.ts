import { fromMarkdown } from 'mdast-util-from-markdown';
import type { LanguagePack } from '../rules/types.js';
import type { GuideItem, Section } from '../types.js';
import type { LineIndex } from './positions.js';
import { findQuestions } from './questions.js';
import { foldForMatching } from '../language/normalise.js';
import { readSimpleBlocks } from './markdown-blocks.js';

/** The subset of mdast we walk (kept local so the parser stays the only dependency). */
interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

interface Walker {
  source: string;
  pack: LanguagePack;
  index: LineIndex;
  /** Offset of the chunk being walked in the source (the parser sees one chunk at a time). */
  base: number;
}

function range(w: Walker, node: MdNode): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start + w.base, end + w.base];
}

function makeItem(w: Walker, node: MdNode, allowBare: boolean, offered = false): GuideItem | undefined {
  // For headings, skip the "#" markers: take the span of the inline content.
  const children = node.type === 'heading' ? node.children ?? [] : [node];
  const first = children[0];
  const last = children[children.length - 1];
  if (!first || !last) return undefined;
  const r1 = range(w, first);
  const r2 = range(w, last);
  if (!r1 || !r2) return undefined;
  const [start, end] = [r1[0], r2[1]];
  return {
    text: w.source.slice(start, end),
    span: w.index.span(start, end),
    questions: findQuestions(w.source, start, end, w.pack, w.index, { allowBare, acceptAll: offered }),
    probes: [],
    themes: [],
    ...(offered ? { offered } : {}),
  };
}

/**
 * Items of a list item: its first paragraph is the item; the rest (paragraphs, nested lists) are its probes.
 * When the item ends on a question stem that its nested list completes ("For example, does your team:"),
 * the nested entries are answers the interviewer offers.
 */
function listItemToItems(w: Walker, node: MdNode, offered = false): GuideItem[] {
  const children = node.children ?? [];
  const head = children[0]?.type === 'paragraph' ? makeItem(w, children[0], true, offered) : undefined;
  const offersAnswers = head !== undefined && w.pack.offeredAnswerCues.some((cue) => cue.test(foldForMatching(head.text).trimEnd()));
  const rest: GuideItem[] = [];
  for (const child of head ? children.slice(1) : children) {
    rest.push(...(offersAnswers && child.type === 'list' ? (child.children ?? []).flatMap((entry) => listItemToItems(w, entry, true)) : blockToItems(w, child, true)));
  }
  if (!head) return rest;
  if (head.questions.length === 0) {
    // "Themes:" or an instruction with questions nested under it: the nested items stand on their own.
    return [head, ...rest];
  }
  head.probes = rest;
  return [head];
}

function blockToItems(w: Walker, node: MdNode, inList: boolean): GuideItem[] {
  switch (node.type) {
    case 'paragraph': {
      const item = makeItem(w, node, inList);
      return item ? [item] : [];
    }
    case 'list':
      return (node.children ?? []).flatMap((child) => listItemToItems(w, child));
    case 'blockquote':
      return (node.children ?? []).flatMap((child) => blockToItems(w, child, inList));
    default:
      return []; // code, html comments, tables, thematic breaks, definitions
  }
}

/** Deeper than this (indentation columns or blockquote markers), a file is not a guide but an attack on the parser. */
const MAX_INDENT = 256;
const MAX_QUOTE_DEPTH = 64;
/** The parser holds a lot of memory per byte: big guides are parsed in chunks of about this size. */
const CHUNK_SIZE = 64 * 1024;

export class MarkdownLimitError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Cut the text into chunks that parse on their own: only before a line that starts a top-level block
 * (a heading, a top-level list item, or unindented text after a blank line), never inside a fenced code
 * block or an HTML comment. Also refuses absurd nesting before the parser sees it.
 */
export function markdownChunks(text: string): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  let chunkStart = 0;
  let offset = 0;
  let fence: string | undefined;
  let inComment = false;
  let previousBlank = true;
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    const lineStart = offset;
    offset += line.length + 1;
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    const quotes = /^(?:\s*>)*/.exec(line)?.[0].replace(/[^>]/g, '').length ?? 0;
    if (indent > MAX_INDENT || quotes > MAX_QUOTE_DEPTH) throw new MarkdownLimitError('nested too deeply to read safely (indentation or quote depth), skipped', lineNumber);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length) fence = undefined;
      previousBlank = false;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      previousBlank = false;
      continue;
    }
    const topLevelStart = /^(?:#{1,6}(?:\s|$)|[-*+]\s|\d{1,9}[.)]\s)/.test(line) || (previousBlank && /^[^\s>|]/.test(line));
    if (topLevelStart && lineStart - chunkStart >= CHUNK_SIZE) {
      chunks.push({ start: chunkStart, end: lineStart });
      chunkStart = lineStart;
    }
    if (fenceMatch) fence = fenceMatch[1];
    else if (line.includes('<!--') && !line.slice(line.indexOf('<!--')).includes('-->')) inComment = true;
    previousBlank = line.trim() === '';
  }
  chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

/** Parse a markdown guide: sections from headings, items from paragraphs, list items, blockquotes. */
/** Source parsed between two calls of `afterChunks` (a full garbage collection on huge guides). */
const COLLECT_EVERY = 512 * 1024;

/**
 * `reader`: `auto` reads simple markdown with the fast block reader and the rest with the CommonMark
 * parser; `full` always uses the parser (the reference the tests compare the fast reader with).
 */
export function parseMarkdownGuide(body: string, pack: LanguagePack, index: LineIndex, afterChunks?: () => void, reader: 'auto' | 'full' = 'auto'): Section[] {
  const sections: Section[] = [{ title: '', items: [] }];
  let sinceCollect = 0;
  for (const chunk of markdownChunks(body)) {
    sinceCollect += chunk.end - chunk.start;
    if (afterChunks && sinceCollect >= COLLECT_EVERY) {
      // The parser's garbage grows the heap far past what is alive (630 MB for a 20 MB guide); a full
      // collection now and then keeps it near what the guide holds.
      sinceCollect = 0;
      afterChunks();
    }
    const text = body.slice(chunk.start, chunk.end);
    const tree = ((reader === 'auto' ? readSimpleBlocks(text) : undefined) ?? fromMarkdown(text)) as unknown as MdNode;
    const w: Walker = { source: body, pack, index, base: chunk.start };
    for (const node of tree.children ?? []) {
      if (node.type === 'heading') {
        const item = makeItem(w, node, false);
        const section: Section = { title: item?.text.trim() ?? '', span: item?.span, items: [] };
        if (item && item.questions.length > 0) section.items.push(item);
        sections.push(section);
        continue;
      }
      (sections[sections.length - 1] as Section).items.push(...blockToItems(w, node, false));
    }
  }
  return sections.filter((s, i) => i > 0 || s.items.length > 0);
}
