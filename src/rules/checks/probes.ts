import { fillTemplate } from '../compile.js';
import type { GuideItem, Question } from '../../types.js';
import { anyMatch, walkItems, type Check, type CheckContext } from './context.js';

function hasWhy(ctx: CheckContext, questions: Question[]): boolean {
  return questions.some((q) => anyMatch(ctx.pack.why, q.folded));
}

/** Follow-up questions under an item; answers the interviewer offers are not follow-ups. */
function allProbeQuestions(item: GuideItem): Question[] {
  return item.probes.filter((p) => !p.offered).flatMap((p) => [...p.questions, ...allProbeQuestions(p)]);
}

function isSubstantive(ctx: CheckContext, question: Question): boolean {
  const lists = ctx.lang.compiledLists;
  return anyMatch(lists.substantive ?? [], question.folded) && !anyMatch(lists.exempt ?? [], question.folded);
}

/** `type: probes` rules (missing-why): substantive questions need a why-probe, per question or per section. */
export const probesCheck: Check = (ctx) => {
  const scope = ctx.options.scope === 'question' ? 'question' : 'section';
  for (const section of ctx.guide.sections) {
    let substantive = 0;
    let sectionHasWhy = false;
    for (const { item } of walkItems({ ...ctx.guide, sections: [section] })) if (hasWhy(ctx, item.questions)) sectionHasWhy = true;
    for (const item of section.items) {
      const main = item.questions[0];
      if (!main || !isSubstantive(ctx, main)) continue;
      substantive++;
      const probes = allProbeQuestions(item);
      const covered = hasWhy(ctx, item.questions) || hasWhy(ctx, probes);
      if (covered) continue;
      if (scope === 'question' || probes.length > 0) {
        ctx.report({ span: main.span, text: main.text, message: ctx.lang.message, suggestion: ctx.lang.suggestion });
      }
    }
    if (scope === 'section' && substantive > 0 && !sectionHasWhy) {
      const first = section.items.find((i) => i.questions.length > 0);
      const span = section.span ?? first?.span;
      if (!span) continue;
      const template = typeof ctx.lang.extra.sectionMessage === 'string' ? ctx.lang.extra.sectionMessage : ctx.lang.message;
      ctx.report({
        span,
        text: ctx.guide.source.slice(span.offset, span.endOffset),
        message: fillTemplate(template, { section: section.title || '—' }),
        suggestion: ctx.lang.suggestion,
      });
    }
  }
};
