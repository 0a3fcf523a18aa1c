import type { LanguagePack } from '../rules/types.js';
import type { GuideItem, Section } from '../types.js';
import type { LineIndex } from './positions.js';
import { findQuestions } from './questions.js';

/** Plain-text guides: one question per line; indented lines are probes of the line above; other lines are titles. */
export function parseTextGuide(body: string, pack: LanguagePack, index: LineIndex): Section[] {
  const sections: Section[] = [{ title: '', items: [] }];
  let lastMain: GuideItem | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const content = line.trim();
    if (content === '') continue;
    const indent = line.length - line.trimStart().length;
    const contentStart = start + indent;
    const contentEnd = start + line.trimEnd().length;
    const questions = findQuestions(body, contentStart, contentEnd, pack, index, { allowBare: true });
    const item: GuideItem = { text: body.slice(contentStart, contentEnd), span: index.span(contentStart, contentEnd), questions, probes: [], themes: [] };
    if (questions.length === 0) {
      if (indent === 0 && (/^#+\s/.test(content) || /:$/.test(content) || content.length < 60)) {
        sections.push({ title: content.replace(/^#+\s*/, '').replace(/:$/, ''), span: item.span, items: [] });
        lastMain = undefined;
      }
      continue;
    }
    if (indent > 0 && lastMain) lastMain.probes.push(item);
    else {
      (sections[sections.length - 1] as Section).items.push(item);
      lastMain = item;
    }
  }
  return sections.filter((s, i) => i > 0 || s.items.length > 0);
}
