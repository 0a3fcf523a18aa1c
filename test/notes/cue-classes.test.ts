/**
 * The cue classes of rules/extract/*.yaml: every class and emotion category carries examples in both
 * languages, and they run; the non-cues (negation, "I don't know", fillers, politeness) do not fire.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../../src/language/normalise.js';
import { classifySentence } from '../../src/notes/extract.js';
import { loadNotesRules } from '../../src/notes/load.js';
import { LANGS, type Lang } from '../../src/types.js';

const rules = loadNotesRules();
const kinds = (sentence: string, lang: Lang): string[] => classifySentence(sentence, lang, rules.lexicons).map((h) => h.kind);

describe('cue classes carry examples in both languages', () => {
  const classes = rules.lexicons.flatMap((lexicon) => lexicon.classes.map((c) => ({ lexicon, c })));
  it('has named classes in every kind but emotion (whose classes are its categories)', () => {
    const withClasses = new Set(classes.map(({ lexicon }) => lexicon.kind));
    for (const kind of ['need', 'problem', 'context', 'alternative', 'criterion', 'improvement']) expect(withClasses.has(kind as never), kind).toBe(true);
  });
  for (const { lexicon, c } of classes) {
    for (const lang of LANGS) {
      const { match, noMatch } = c.examples[lang];
      it(`${lexicon.kind}/${c.name} [${lang}] has patterns, a description and examples both ways`, () => {
        expect(c.patterns[lang].length).toBeGreaterThan(0);
        expect(match.length).toBeGreaterThan(0);
        expect(noMatch.length).toBeGreaterThan(0);
        expect(c.description.length).toBeGreaterThan(10);
      });
      for (const text of match) {
        it(`${lexicon.kind}/${c.name} [${lang}] finds, by its own patterns: ${text}`, () => {
          const folded = foldForMatching(text);
          expect(c.patterns[lang].some((p) => p.test(folded))).toBe(true);
          expect(kinds(text, lang)).toContain(lexicon.kind);
        });
      }
      for (const text of noMatch) it(`${lexicon.kind}/${c.name} [${lang}] ignores: ${text}`, () => expect(kinds(text, lang)).not.toContain(lexicon.kind));
    }
  }
  const emotion = rules.lexicons.find((l) => l.kind === 'emotion');
  for (const category of emotion?.categories ?? []) {
    for (const lang of LANGS) {
      it(`emotion/${category.name} [${lang}] has an example, read as that category`, () => {
        expect(category.examples[lang].length).toBeGreaterThan(0);
        for (const text of category.examples[lang]) {
          expect(classifySentence(text, lang, rules.lexicons).find((h) => h.kind === 'emotion'), text).toMatchObject({ emotion: category.name, polarity: category.polarity });
        }
      });
    }
  }
});

describe('what is not a cue', () => {
  it.each([
    ['en', "I don't know.", 'problem'],
    ['en', 'I mean, I don’t know.', 'problem'],
    ['en', 'It had never been a problem for us.', 'problem'],
    ['en', "I couldn't say about the past ten years.", 'problem'],
    ['en', 'Issues', 'problem'],
    ['en', 'I want to share something with you.', 'need'],
    ['en', 'It works, you know?', 'need'],
    ['en', 'Do you use it every day?', 'need'],
    ['en', 'Finally, we looked at the map.', 'emotion'],
    ['en', 'So basically, like, we just log in.', 'emotion'],
    ['en', 'See the [report](https://example.org/barriers-problems-errors.pdf).', 'problem'],
    ['fr', 'Je ne sais pas.', 'problem'],
    ['fr', 'Pas vraiment de problème dans ma ville.', 'problem'],
    ['fr', "Ça n'a jamais été un problème.", 'problem'],
    ['fr', 'Pas de souci.', 'problem'],
    ['fr', 'Enfin, je veux dire, on verra.', 'emotion'],
    ['fr', 'Du coup, on se voit lundi.', 'emotion'],
    ['fr', 'Je voulais juste dire merci.', 'need'],
    ['fr', 'Ça marche bien, tu vois ?', 'need'],
    ['fr', 'Est-ce que tu travailles en remote ?', 'need'],
    ['fr', 'Elle est à Paris depuis peu de temps.', 'problem'],
  ] as const)('[%s] %s is not a %s', (lang, sentence, kind) => expect(kinds(sentence, lang)).not.toContain(kind));
});

describe('negated and hedged forms of a cue do not fire (property)', () => {
  const filler = fc.constantFrom('', 'Honestly, ', 'Well, ', 'To be fair, ', 'So ');
  const fillerFr = fc.constantFrom('', 'Franchement, ', 'Bon, ', 'Alors ', 'Du coup, ');
  const cases: Array<{ lang: Lang; kind: string; cue: fc.Arbitrary<string>; plain: (x: string) => string; negated: Array<(x: string) => string>; lead: fc.Arbitrary<string> }> = [
    {
      lang: 'en', kind: 'problem', lead: filler,
      cue: fc.constantFrom('problem', 'issue', 'difficulty', 'trouble', 'challenge'),
      plain: (x) => `The export is a real ${x}.`,
      negated: [(x) => `There was no ${x} with the export.`, (x) => `It has never been ${/^[aeiou]/.test(x) ? "an" : "a"} ${x}.`, (x) => `The export is not really ${/^[aeiou]/.test(x) ? "an" : "a"} ${x}.`, (x) => `We didn't have any ${x} with it.`],
    },
    {
      lang: 'en', kind: 'emotion', lead: filler,
      cue: fc.constantFrom('worried', 'frustrated', 'annoyed', 'stressed', 'upset', 'disappointed'),
      plain: (x) => `I was ${x} about the deadline.`,
      negated: [(x) => `I wasn't ${x} about the deadline.`, (x) => `I was not really ${x} about it.`, (x) => `I never was ${x} about it.`],
    },
    {
      lang: 'en', kind: 'need', lead: filler,
      cue: fc.constantFrom('another dashboard', 'a new tool', 'more reports', 'a second login'),
      plain: (x) => `We need ${x}.`,
      negated: [(x) => `We don't need ${x}.`, (x) => `We really do not need ${x}.`, (x) => `There is no need for ${x}.`],
    },
    {
      lang: 'fr', kind: 'problem', lead: fillerFr,
      cue: fc.constantFrom('problème', 'souci', 'blocage', 'frein'),
      plain: (x) => `L'export est un vrai ${x}.`,
      negated: [(x) => `Pas de ${x} avec l'export.`, (x) => `Aucun ${x} de ce côté.`, (x) => `Ce n'est pas un ${x}.`, (x) => `Jamais eu de ${x} avec ça.`, (x) => `Pas vraiment de ${x}.`],
    },
    {
      lang: 'fr', kind: 'emotion', lead: fillerFr,
      cue: fc.constantFrom('inquiet', 'stressé', 'énervé', 'agacé', 'frustré', 'déçu'),
      plain: (x) => `J'étais ${x} à cause du délai.`,
      negated: [(x) => `Je ne suis pas ${x}.`, (x) => `Pas du tout ${x}.`, (x) => `Je n'étais pas vraiment ${x}.`],
    },
    {
      lang: 'fr', kind: 'need', lead: fillerFr,
      cue: fc.constantFrom("d'un autre outil", 'de plus de rapports', "d'un second compte"),
      plain: (x) => `On a besoin ${x}.`,
      negated: [(x) => `On n'a pas besoin ${x}.`, (x) => `Pas besoin ${x}.`, (x) => `Je n'ai jamais besoin ${x}.`],
    },
  ];
  for (const c of cases) {
    it(`${c.kind} [${c.lang}]: the cue fires plain, never negated`, () => {
      fc.assert(
        fc.property(c.cue, c.lead, fc.nat(c.negated.length - 1), (cue, lead, n) => {
          expect(kinds(lead + c.plain(cue), c.lang), lead + c.plain(cue)).toContain(c.kind);
          const negated = lead + (c.negated[n] as (x: string) => string)(cue);
          expect(kinds(negated, c.lang), negated).not.toContain(c.kind);
        }),
        { numRuns: 400 },
      );
    });
  }
});

describe('every lexicon pattern runs in linear time on a long unpunctuated sentence', () => {
  // A transcript without punctuation is one "sentence" of megabytes: a pattern that scans to the end
  // from every cue word ([^?]* … \?) is quadratic there. 4× the text must take well under 16× the time.
  const fillers: Record<Lang, string> = {
    en: 'this is it and what is the plan we need to know how it works and you know it is not clear why ',
    fr: "est-ce que on sait ce qui est le plan il faut que je sache comment ça marche et c'est pas clair pourquoi ",
  };
  for (const lang of LANGS) {
    it(`[${lang}]`, () => {
      const patterns = rules.lexicons.flatMap((l) => [...l.patterns[lang], ...l.unless[lang], ...l.categories.flatMap((c) => c.patterns[lang])]);
      const time = (bytes: number): number => {
        const text = foldForMatching(fillers[lang].repeat(Math.ceil(bytes / fillers[lang].length)));
        const runs: number[] = [];
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          for (const p of patterns) p.test(text);
          runs.push(performance.now() - started);
        }
        return runs.sort((a, b) => a - b)[1] as number;
      };
      time(10_000);
      const small = time(40_000);
      const large = time(160_000);
      expect(large / Math.max(small, 1)).toBeLessThan(8);
    });
  }
});
