/** Headings of the human-readable analyze reports, in the language of the interviews. */
import type { ExtractKind } from '../notes/types.js';
import type { Lang } from '../types.js';
import type { AnalyzeReport } from './analyze-report.js';
import { MAX_SEGMENT_SHARE, MIN_PANEL, type PanelResult, type SaturationResult } from './saturation.js';

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
  panel: string;
  /** "By segment" */
  byField: (field: string) => string;
  /** "5 participants; segments: SMB 2 (40 %), …" */
  panelLine: (panel: PanelResult) => string;
  /** The panel's warnings, from its numbers. */
  panelWarnings: (panel: PanelResult, interviews: number) => string[];
  /** "5+2 at ≤ 5 % new information; 8+2 at 0 % (codes: tags, base 4, runs of 2)" */
  saturationLine: (saturation: SaturationResult, interviews: number) => string;
}

const percent = (x: number): string => `${Math.round(x * 100)} %`;

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
    panel: 'Panel and saturation',
    byField: (field) => `By ${field}`,
    panelLine: (p) => `${p.participants} participant${p.participants === 1 ? '' : 's'}${p.segments.length > 0 ? `; segments: ${p.segments.map((s) => `${s.segment} ${s.interviews} (${percent(s.share)})`).join(', ')}` : ''}`,
    panelWarnings: (p, n) => [
      ...(n < MIN_PANEL ? [`Only ${n} interview${n === 1 ? '' : 's'}: the method asks for about fifteen very different people.`] : []),
      ...(p.segments[0] && p.segments[0].share > MAX_SEGMENT_SHARE ? [`Segment "${p.segments[0].segment}" holds ${percent(p.segments[0].share)} of the interviews: the panel is not diverse.`] : []),
    ],
    saturationLine: (s, n) =>
      `Saturation (codes: ${s.codes === 'tags' ? 'tags' : 'theme words'}, base ${s.base}, runs of ${s.run}): ${s.thresholds.map((t) => `${t.reachedAt === null ? 'not reached' : t.label} at ${t.threshold === 0 ? 'no' : `≤ ${percent(t.threshold)}`} new information`).join('; ')}${n < s.base + s.run ? ` (${n} interview${n === 1 ? '' : 's'}: it takes at least ${s.base + s.run})` : s.note ? ` (${s.note})` : ''}`,
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
    panel: 'Panel et saturation',
    byField: (field) => `Par ${field}`,
    panelLine: (p) => `${p.participants} participant${p.participants === 1 ? '' : 's'}${p.segments.length > 0 ? ` ; segments : ${p.segments.map((s) => `${s.segment} ${s.interviews} (${percent(s.share)})`).join(', ')}` : ''}`,
    panelWarnings: (p, n) => [
      ...(n < MIN_PANEL ? [`Seulement ${n} entretien${n === 1 ? '' : 's'} : la méthode demande une quinzaine de personnes très différentes.`] : []),
      ...(p.segments[0] && p.segments[0].share > MAX_SEGMENT_SHARE ? [`Le segment « ${p.segments[0].segment} » fait ${percent(p.segments[0].share)} des entretiens : le panel manque de diversité.`] : []),
    ],
    saturationLine: (s, n) =>
      `Saturation (codes : ${s.codes === 'tags' ? 'tags' : 'mots des thèmes'}, base ${s.base}, séries de ${s.run}) : ${s.thresholds.map((t) => `${t.reachedAt === null ? 'non atteinte' : t.label} pour ${t.threshold === 0 ? 'aucune' : `≤ ${percent(t.threshold)} d'`} information nouvelle`).join(' ; ')}${n < s.base + s.run ? ` (${n} entretien${n === 1 ? '' : 's'} : il en faut au moins ${s.base + s.run})` : s.baseCodes === 0 ? ' (les entretiens de la base sont sans code)' : ''}`,
  },
};

/** French when every interview is in French, English otherwise. */
export function reportLang(report: AnalyzeReport): Lang {
  return report.interviews.length > 0 && report.interviews.every((i) => i.lang === 'fr') ? 'fr' : 'en';
}
