/**
 * A deterministic benchmark corpus: interview notes (about 6 KB each, half English, half French, with
 * front matter and speaker turns) and guides, generated from a seed so every run measures the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = {
  names: ['Dana', 'Priya', 'Tom', 'Alex', 'Sam', 'Jordan', 'Maya', 'Chris'],
  segments: ['SMB', 'freelancer', 'enterprise', 'public sector'],
  questions: [
    'Tell me about the last time you sent an invoice.',
    'How do you keep track of your clients today?',
    'Walk me through your Monday morning.',
    'Why is that important to you?',
    'Do you like the new dashboard?',
    'Would you pay for a tool that did this?',
    "What happened next?",
    "Don't you think the export is too slow?",
  ],
  answers: [
    'We use a spreadsheet for everything and I copy the numbers by hand every Friday.',
    'It takes ages to re-enter every order, and I often make mistakes.',
    'I wish I could see all the open quotes in one place.',
    'Honestly it drives me mad when the file is locked by someone else.',
    'What matters most to me is that it works on my phone.',
    'No problem with the price, as long as it saves me time.',
    'I run a small team of four people and we share one inbox.',
    'It would be great if the tool sent a reminder after a week.',
    'I was worried we would lose the client after that mistake.',
    'We tried another app last year but it was too expensive.',
    'Usually I do the accounts on Sunday evening at home.',
    'The export button is hard to find and the labels are confusing.',
  ],
};

const FR = {
  names: ['Marie', 'Marc', 'Léa', 'Hugo', 'Chloé', 'Karim', 'Inès', 'Paul'],
  segments: ['PME', 'indépendant', 'grand compte', 'association'],
  questions: [
    'Racontez-moi la dernière fois que vous avez envoyé une facture.',
    'Comment suivez-vous vos clients aujourd’hui ?',
    'Pourquoi est-ce important pour vous ?',
    'Avez-vous déjà utilisé un tableur pour ça ?',
    'Utiliseriez-vous une application pour commander ?',
    'Que s’est-il passé ensuite ?',
    'Vous trouvez ça pénible, n’est-ce pas ?',
  ],
  answers: [
    'On passe par un tableur partagé et je recopie tout à la main le vendredi.',
    'On perd un temps fou à ressaisir les commandes, et je me trompe souvent.',
    "J'aimerais voir toutes les commandes de la semaine d'un coup d'œil.",
    'Franchement, ça m’agace quand le fichier est bloqué par quelqu’un d’autre.',
    'Le plus important pour moi, c’est que ça marche sur mon téléphone.',
    'Pas de souci pour le prix, ça ne me dérange pas de payer un abonnement.',
    'Je gère une petite équipe de quatre personnes à Lyon.',
    'Ce serait bien de recevoir un rappel au bout d’une semaine.',
    "J'ai eu peur de perdre le client après cette erreur.",
    'On a essayé une autre application l’an dernier, mais c’était trop cher.',
    'D’habitude je fais la comptabilité le dimanche soir.',
    'Le bouton d’export est difficile à trouver et les libellés sont confus.',
  ],
};

/**
 * Sentences with no cue and open follow-up questions, for the `typical` mix: in real notes most of what
 * people say is neither a need nor a problem (the dev notes have about 3.6 extracts per KB; the dense
 * mix, where every sentence is one, about 13).
 */
const NEUTRAL = {
  en: {
    answers: [
      'Yes, that was last Tuesday.',
      'We have about thirty regular clients.',
      'Then I open the laptop and go through the list.',
      'My colleague handles the deliveries on Thursdays.',
      'It depends on the week, really.',
      'The orders come in by the end of the morning.',
      'Right, so after lunch I print the delivery notes.',
      'That was back in March.',
      'We started the business four years ago.',
      'Mostly restaurants and a couple of shops.',
      'Some of them call, some of them text.',
      'Yeah.',
    ],
    questions: ['Tell me more about that.', 'What did you do then?', 'How did that go?', 'Walk me through what happened.'],
  },
  fr: {
    answers: [
      'Oui, c’était mardi dernier.',
      'On a une trentaine de clients réguliers.',
      'Ensuite j’ouvre l’ordinateur et je regarde la liste.',
      'Mon collègue s’occupe des livraisons le jeudi.',
      'Ça dépend des semaines.',
      'Les commandes arrivent en fin de matinée.',
      'Après le déjeuner, j’imprime les bons de livraison.',
      'C’était en mars.',
      'On a lancé l’activité il y a quatre ans.',
      'Surtout des restaurants et quelques boutiques.',
      'Certains appellent, d’autres envoient un message.',
      'Oui.',
    ],
    questions: ['Racontez-moi ce qui s’est passé.', 'Qu’avez-vous fait ensuite ?', 'Comment ça s’est passé ?', 'Et après ?'],
  },
};

/** dense: every sentence carries a cue (a worst case); typical: about one in eight, which gives the density of the dev notes. */
export type CorpusMix = 'dense' | 'typical';
const CUE_SHARE: Record<CorpusMix, number> = { dense: 1, typical: 0.12 };

function pick<T>(rnd: () => number, list: T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

export function noteText(rnd: () => number, lang: 'en' | 'fr', targetBytes: number, mix: CorpusMix = 'dense'): string {
  const words = lang === 'en' ? EN : FR;
  const neutral = NEUTRAL[lang];
  const share = CUE_SHARE[mix];
  const answer = (): string => (share === 1 || rnd() < share ? pick(rnd, words.answers) : pick(rnd, neutral.answers));
  const question = (): string => (share === 1 || rnd() < share ? pick(rnd, words.questions) : pick(rnd, neutral.questions));
  const participant = pick(rnd, words.names);
  const interviewer = pick(rnd, words.names.filter((n) => n !== participant));
  const parts = [`---\nparticipant: ${participant}\ninterviewer: ${interviewer}\nsegment: ${pick(rnd, words.segments)}\nlang: ${lang}\n---\n\n# ${lang === 'en' ? 'Interview' : 'Entretien'} — ${participant}\n`];
  let size = parts[0]?.length ?? 0;
  while (size < targetBytes) {
    const q = `\n**${interviewer}:** ${question()}\n`;
    const n = 1 + Math.floor(rnd() * 3);
    const a = `\n**${participant}:** ${Array.from({ length: n }, answer).join(' ')}${rnd() < 0.1 ? (lang === 'en' ? ' #pain' : ' #problème') : ''}\n`;
    parts.push(q, a);
    size += Buffer.byteLength(q) + Buffer.byteLength(a);
  }
  return parts.join('');
}

export function guideText(rnd: () => number, lang: 'en' | 'fr'): string {
  const words = lang === 'en' ? EN : FR;
  const lines = [`---\nlang: ${lang}\n---\n# ${lang === 'en' ? 'Guide' : 'Guide d’entretien'}\n`];
  for (let section = 0; section < 4; section++) {
    lines.push(`\n## ${lang === 'en' ? 'Section' : 'Partie'} ${section + 1}\n`);
    for (let i = 0; i < 8; i++) lines.push(`- ${pick(rnd, words.questions)}${rnd() < 0.3 ? `\n  - ${lang === 'en' ? 'Why?' : 'Pourquoi ?'}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface Corpus {
  notesDir: string;
  guidesDir: string;
  notesBytes: number;
  guidesBytes: number;
  oneGuide: string;
}

export function writeCorpus(dir: string, options: { notes: number; guides: number; noteBytes?: number; seed?: number; mix?: CorpusMix }): Corpus {
  const rnd = random(options.seed ?? 42);
  const notesDir = join(dir, 'notes');
  const guidesDir = join(dir, 'guides');
  mkdirSync(notesDir, { recursive: true });
  mkdirSync(guidesDir, { recursive: true });
  let notesBytes = 0;
  let guidesBytes = 0;
  for (let i = 0; i < options.notes; i++) {
    const text = noteText(rnd, i % 2 === 0 ? 'en' : 'fr', options.noteBytes ?? 6000, options.mix ?? 'dense');
    notesBytes += Buffer.byteLength(text);
    writeFileSync(join(notesDir, `note-${String(i).padStart(5, '0')}.md`), text);
  }
  for (let i = 0; i < options.guides; i++) {
    const text = guideText(rnd, i % 2 === 0 ? 'en' : 'fr');
    guidesBytes += Buffer.byteLength(text);
    writeFileSync(join(guidesDir, `guide-${String(i).padStart(4, '0')}.md`), text);
  }
  return { notesDir, guidesDir, notesBytes, guidesBytes, oneGuide: join(guidesDir, 'guide-0000.md') };
}
