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

/** Every item of the guide with its section title, depth-first (main items, then their probes). */
export function* walkItems(guide: Guide): Generator<{ item: GuideItem; section: string; isProbe: boolean }> {
  for (const section of guide.sections) {
    const stack: Array<{ item: GuideItem; isProbe: boolean }> = section.items.map((item) => ({ item, isProbe: false })).reverse();
    while (stack.length > 0) {
      const next = stack.pop() as { item: GuideItem; isProbe: boolean };
      yield { ...next, section: section.title };
      for (let i = next.item.probes.length - 1; i >= 0; i--) stack.push({ item: next.item.probes[i] as GuideItem, isProbe: true });
    }
  }
}

export function anyMatch(patterns: RegExp[], text: string): boolean {
  return patterns.some((regex) => regex.test(text));
}

export function mergeSpans(a: Span, b: Span): Span {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn, offset: a.offset, endOffset: b.endOffset };
}
