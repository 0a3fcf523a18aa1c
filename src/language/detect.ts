import type { Lang } from '../types.js';

/**
 * English-or-French detection by counting function words and French diacritics: 139/139 on short
 * questions and 600/600 on paragraphs in research/nlp.md §2d, at no cost and with no dependency.
 */
const EN_WORDS = new Set(
  'the and you your what how why when where who which do does did is are was were have has had would could should will can of to in for with about this that it me my we our they their tell describe walk through'.split(' '),
);
const FR_WORDS = new Set(
  "le la les un une des du de et vous votre vos que qui quoi quel quelle quels quelles comment pourquoi quand où est sont avez êtes pouvez ce cette ces pour avec dans sur pas ne je nous on il elle au aux moi racontez parlez décrivez d l qu c j n s".split(' '),
);

export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let en = 0;
  let fr = 0;
  for (const match of sample.toLowerCase().matchAll(/[\p{L}]+/gu)) {
    const word = match[0];
    if (EN_WORDS.has(word)) en++;
    if (FR_WORDS.has(word)) fr++;
  }
  fr += (sample.match(/[éèêàùçôîœâ]/giu)?.length ?? 0) * 0.5;
  if (en === fr) return fallback;
  return fr > en ? 'fr' : 'en';
}

export function parseLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_') || v === 'english' || v === 'anglais') return 'en';
  if (v === 'fr' || v.startsWith('fr-') || v.startsWith('fr_') || v === 'french' || v === 'français' || v === 'francais') return 'fr';
  return undefined;
}
