import { foldAccents } from '../../language/normalise.js';
import { compilePattern, fillTemplate } from '../compile.js';
import type { Lang, Span } from '../../types.js';
import type { Rule } from '../types.js';
import { anyMatch, walkItems, type Check } from './context.js';

interface ThemeLang {
  name: string;
  suggestion: string;
  cues: RegExp[];
}

const compiled = new WeakMap<Rule, Map<string, Partial<Record<Lang, ThemeLang>>>>();

function themesOf(rule: Rule, classesFor: (lang: Lang) => Record<string, string>): Map<string, Partial<Record<Lang, ThemeLang>>> {
  const known = compiled.get(rule);
  if (known) return known;
  const out = new Map<string, Partial<Record<Lang, ThemeLang>>>();
  const raw = (rule.data.themes ?? {}) as Record<string, Record<string, { name?: string; suggestion?: string; cues?: string[] }>>;
  for (const [theme, byLang] of Object.entries(raw)) {
    const entry: Partial<Record<Lang, ThemeLang>> = {};
    for (const [lang, def] of Object.entries(byLang)) {
      entry[lang as Lang] = {
        name: def.name ?? theme,
        suggestion: def.suggestion ?? '',
        cues: (def.cues ?? []).map((c, i) => compilePattern(c, classesFor(lang as Lang), `themes.${theme}.${lang}.cues[${i}]`)),
      };
    }
    out.set(theme, entry);
  }
  compiled.set(rule, out);
  return out;
}

/** `type: themes` rules (theme-coverage): one finding per theme that no question covers. */
export const themesCheck: Check = (ctx) => {
  const themes = themesOf(ctx.rule, () => ctx.pack.classes);
  const wanted = Array.isArray(ctx.options.themes) ? (ctx.options.themes as string[]) : [...themes.keys()];
  const minQuestions = typeof ctx.options.minQuestions === 'number' ? ctx.options.minQuestions : 3;
  const questions: string[] = [];
  const explicit = new Set<string>();
  let anchor: { span: Span; text: string } | undefined;
  for (const { item } of walkItems(ctx.guide)) {
    for (const theme of item.themes) explicit.add(foldAccents(theme));
    for (const q of item.questions) {
      questions.push(q.folded);
      anchor ??= { span: q.span, text: q.text };
    }
  }
  if (!anchor || questions.length < minQuestions) return;
  const firstSection = ctx.guide.sections.find((s) => s.span);
  const at = firstSection?.span && firstSection.span.offset < anchor.span.offset ? { span: firstSection.span, text: ctx.guide.source.slice(firstSection.span.offset, firstSection.span.endOffset) } : anchor;
  for (const theme of wanted) {
    const def = themes.get(theme)?.[ctx.guide.lang];
    if (!def) continue;
    const names = [theme, ...Object.values(themes.get(theme) ?? {}).map((d) => d?.name ?? '')].map((n) => foldAccents(n));
    if (names.some((n) => explicit.has(n))) continue;
    if (questions.some((q) => anyMatch(def.cues, q))) continue;
    const data = { theme: def.name, themeSuggestion: def.suggestion };
    ctx.report({ span: at.span, text: at.text, message: fillTemplate(ctx.lang.message, data), suggestion: fillTemplate(ctx.lang.suggestion ?? '', data) });
  }
};
