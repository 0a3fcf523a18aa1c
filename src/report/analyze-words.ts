/** Headings of the human-readable analyze reports, in the language of the interviews. */
import type { ExtractKind } from '../notes/types.js';
import type { Lang } from '../types.js';
import type { AnalyzeReport } from './analyze-report.js';

export interface AnalyzeWords {
  title: string;
  kinds: Record<ExtractKind, string>;
  themes: string;
  interviews: string;
  interviewsCount: (n: number) => string;
  extractsCount: (n: number) => string;
  mentionedIn: (n: number) => string;
  card: string;
  talkRatio: string;
  interviewerIssues: string;
  none: string;
  fileErrors: string;
}

export const ANALYZE_WORDS: Record<Lang, AnalyzeWords> = {
  en: {
    title: 'Interview analysis',
    kinds: { need: 'Needs', problem: 'Problems and difficulties', emotion: 'Emotions', context: 'Context', alternative: 'Alternatives', criterion: 'Choice criteria', improvement: 'Improvements' },
    themes: 'Recurring themes',
    interviews: 'Interviews',
    interviewsCount: (n) => `${n} interview${n === 1 ? '' : 's'}`,
    extractsCount: (n) => `${n} extract${n === 1 ? '' : 's'}`,
    mentionedIn: (n) => `mentioned in ${n} interview${n === 1 ? '' : 's'}`,
    card: 'Customer model',
    talkRatio: 'Interviewer talk ratio',
    interviewerIssues: 'Questions to rework',
    none: 'none found',
    fileErrors: 'Files that could not be analysed',
  },
  fr: {
    title: 'Analyse des entretiens',
    kinds: { need: 'Besoins', problem: 'Problèmes et difficultés', emotion: 'Émotions', context: 'Contexte', alternative: 'Alternatives', criterion: 'Critères de choix', improvement: 'Améliorations' },
    themes: 'Thèmes récurrents',
    interviews: 'Entretiens',
    interviewsCount: (n) => `${n} entretien${n === 1 ? '' : 's'}`,
    extractsCount: (n) => `${n} extrait${n === 1 ? '' : 's'}`,
    mentionedIn: (n) => `cité dans ${n} entretien${n === 1 ? '' : 's'}`,
    card: 'Modèle client',
    talkRatio: "Temps de parole de l'intervieweur",
    interviewerIssues: 'Questions à retravailler',
    none: 'rien trouvé',
    fileErrors: "Fichiers qui n'ont pas pu être analysés",
  },
};

/** French when every interview is in French, English otherwise. */
export function reportLang(report: AnalyzeReport): Lang {
  return report.interviews.length > 0 && report.interviews.every((i) => i.lang === 'fr') ? 'fr' : 'en';
}
