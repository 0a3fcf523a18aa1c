import type { Finding, Guide, GuideItem, Severity, Span } from '../../types.js';
import type { LanguagePack, Rule, RuleLanguage } from '../types.js';

export interface CheckContext {
  guide: Guide;
  rule: Rule;
  lang: RuleLanguage;
  pack: LanguagePack;
  severity: Severity;
  options: Record<string, unknown>;
  report: (finding: Omit<Finding, 'ruleId' | 'severity' | 'line' | 'column' | 'endLine' | 'endColumn'> & { span: Span }) => void;
}

export type Check = (ctx: CheckContext) => void;

export interface WalkedItem {
  item: GuideItem;
  section: string;
  isProbe: boolean;
}

const walked = new WeakMap<Guide, WalkedItem[]>();

/** Every item of the guide with its section title, depth-first (main items, then their probes); listed once per guide. */
export function walkItems(guide: Guide): WalkedItem[] {
  let out = walked.get(guide);
  if (out) return out;
  out = [];
  const visit = (item: GuideItem, section: string, isProbe: boolean): void => {
    (out as WalkedItem[]).push({ item, section, isProbe });
    for (const probe of item.probes) visit(probe, section, true);
  };
  for (const section of guide.sections) for (const item of section.items) visit(item, section.title, false);
  walked.set(guide, out);
  return out;
}

export function anyMatch(patterns: RegExp[], text: string): boolean {
  return patterns.some((regex) => regex.test(text));
}

export function mergeSpans(a: Span, b: Span): Span {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn, offset: a.offset, endOffset: b.endOffset };
}
