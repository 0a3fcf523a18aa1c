import YAML, { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { LanguagePack } from '../rules/types.js';
import type { GuideItem, Section } from '../types.js';
import type { LineIndex } from './positions.js';
import { findQuestions } from './questions.js';

export class GuideFormatError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

interface Ctx {
  source: string;
  pack: LanguagePack;
  index: LineIndex;
}

function get(map: YAMLMap, key: string): unknown {
  return map.get(key, true);
}

function scalarItem(ctx: Ctx, node: unknown, themes: string[]): GuideItem | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const value = node.value;
  const [rangeStart, rangeEnd] = node.range;
  const raw = ctx.source.slice(rangeStart, rangeEnd);
  const at = raw.indexOf(value);
  if (at !== -1) {
    const start = rangeStart + at;
    const end = start + value.length;
    return { text: value, span: ctx.index.span(start, end), questions: findQuestions(ctx.source, start, end, ctx.pack, ctx.index, { allowBare: true }), probes: [], themes };
  }
  // Block or escaped scalar: find questions in the value, then place them at the scalar's start.
  const span = ctx.index.span(rangeStart, rangeEnd);
  const questions = findQuestions(value, 0, value.length, ctx.pack, ctx.index, { allowBare: true }).map((q) => ({ ...q, span }));
  return { text: value, span, questions, probes: [], themes };
}

function themesOf(map: YAMLMap): string[] {
  const theme = map.get('theme');
  const list = map.get('themes', true);
  const out: string[] = [];
  if (typeof theme === 'string') out.push(theme);
  if (isSeq(list)) for (const t of list.items) if (isScalar(t) && typeof t.value === 'string') out.push(t.value);
  return out;
}

function questionItem(ctx: Ctx, node: unknown): GuideItem | undefined {
  if (isScalar(node)) return scalarItem(ctx, node, []);
  if (!isMap(node)) return undefined;
  const item = scalarItem(ctx, get(node, 'text') ?? get(node, 'question'), themesOf(node));
  if (!item) return undefined;
  const probes = get(node, 'probes') ?? get(node, 'followUps') ?? get(node, 'follow_ups');
  if (isSeq(probes)) item.probes = probes.items.map((p) => questionItem(ctx, p)).filter((p): p is GuideItem => p !== undefined);
  return item;
}

function questionList(ctx: Ctx, node: unknown): GuideItem[] {
  if (!isSeq(node)) return [];
  return node.items.map((q) => questionItem(ctx, q)).filter((q): q is GuideItem => q !== undefined);
}

function position(ctx: Ctx, node: YamlNode | undefined): { line?: number; column?: number } {
  if (!node?.range) return {};
  const p = ctx.index.position(node.range[0]);
  return { line: p.line, column: p.column };
}

/** YAML guides: `sections: [{title, questions: [{text, probes}]}]` or a flat `questions:` list. */
export function parseYamlGuide(body: string, pack: LanguagePack, index: LineIndex): { sections: Section[]; meta: Record<string, unknown> } {
  const ctx: Ctx = { source: body, pack, index };
  const doc = YAML.parseDocument(body, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const detail = /call stack/i.test(error.message) ? 'nested too deeply to read safely' : error.message.split('\n')[0];
    throw new GuideFormatError(`invalid YAML: ${detail}`, error.linePos?.[0]?.line, error.linePos?.[0]?.col);
  }
  const root = doc.contents;
  if (!isMap(root)) throw new GuideFormatError('a YAML guide must be a mapping with "sections" or "questions"', ...Object.values(position(ctx, root ?? undefined)));
  const sections: Section[] = [];
  const flat = get(root, 'questions');
  if (flat !== undefined) sections.push({ title: '', items: questionList(ctx, flat) });
  const sectionsNode = get(root, 'sections');
  if (isSeq(sectionsNode)) {
    for (const s of sectionsNode.items) {
      if (!isMap(s)) continue;
      const titleNode = get(s, 'title') ?? get(s, 'name');
      const title = isScalar(titleNode) ? String(titleNode.value) : '';
      const span = isScalar(titleNode) && titleNode.range ? index.span(titleNode.range[0], titleNode.range[1]) : undefined;
      sections.push({ title, span, items: questionList(ctx, get(s, 'questions')) });
    }
  } else if (sectionsNode !== undefined) {
    throw new GuideFormatError('"sections" must be a list', ...Object.values(position(ctx, sectionsNode as YamlNode)));
  }
  if (flat === undefined && sectionsNode === undefined) throw new GuideFormatError('a YAML guide needs a "sections" or a "questions" list', 1, 1);
  const meta: Record<string, unknown> = {};
  const js = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  for (const [key, value] of Object.entries(js)) if (key !== 'sections' && key !== 'questions') meta[key] = value;
  return { sections, meta };
}
