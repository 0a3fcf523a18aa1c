import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifySentence, findTags, tagMeaning } from '../../src/notes/extract.js';
import { analyseInterview, parseInterview } from '../../src/notes/interview.js';
import { loadNotesRules } from '../../src/notes/load.js';
import { EXTRACT_KINDS } from '../../src/notes/types.js';
import { defaultRuleSet } from '../../src/rules/load.js';
import { LANGS, type Lang } from '../../src/types.js';

const rules = loadNotesRules();
const ruleSet = defaultRuleSet();
const kinds = (sentence: string, lang: Lang): string[] => classifySentence(sentence, lang, rules.lexicons).map((h) => h.kind);
const analyse = (text: string, path = 'n.md') => analyseInterview(parseInterview(path, text, rules), rules, ruleSet);

describe('every extraction lexicon has examples in both languages, and they run', () => {
  it('has one lexicon per kind', () => {
    expect(rules.lexicons.map((l) => l.kind).sort()).toEqual([...EXTRACT_KINDS].sort());
  });
  for (const lexicon of rules.lexicons) {
    for (const lang of LANGS) {
      const examples = lexicon.examples[lang] ?? { match: [], noMatch: [] };
      it(`${lexicon.kind} [${lang}] has examples`, () => {
        expect(examples.match.length).toBeGreaterThan(0);
        expect(examples.noMatch.length).toBeGreaterThan(0);
        expect(lexicon.description[lang].length).toBeGreaterThan(10);
      });
      for (const text of examples.match) it(`${lexicon.kind} [${lang}] finds: ${text}`, () => expect(kinds(text, lang)).toContain(lexicon.kind));
      for (const text of examples.noMatch) it(`${lexicon.kind} [${lang}] ignores: ${text}`, () => expect(kinds(text, lang)).not.toContain(lexicon.kind));
    }
  }
});

describe('negation and hedges', () => {
  it('does not take denied problems for problems (English)', () => {
    for (const s of ['No problem at all with the export.', 'It was not really an issue for us.', "It wasn't hard to set up.", 'We never had any trouble with it.']) expect(kinds(s, 'en'), s).not.toContain('problem');
  });
  it('does not take denied problems for problems (French)', () => {
    for (const s of ['Pas de souci avec la facturation.', 'Ça ne me dérange pas de le faire.', "Ce n'est pas un problème.", 'Aucun problème de ce côté.', 'Ce n’est pas compliqué.']) expect(kinds(s, 'fr'), s).not.toContain('problem');
  });
  it('still finds the problem after a denied one', () => {
    expect(kinds('No problem with the price, but the export is really slow.', 'en')).toContain('problem');
    expect(kinds('Pas de souci pour le prix, mais la saisie est pénible.', 'fr')).toContain('problem');
  });
  it('reads wishes as needs, and denied needs as none', () => {
    expect(kinds('I wish I could see every open quote.', 'en')).toContain('need');
    expect(kinds("Il me faudrait un tableau plus simple.", 'fr')).toContain('need');
    expect(kinds("J'aimerais bien savoir qui vient demain.", 'fr')).toContain('need');
    expect(kinds("We don't need another dashboard.", 'en')).not.toContain('need');
    expect(kinds("On n'a pas besoin d'un autre outil.", 'fr')).not.toContain('need');
  });
  it('finds alternatives and criteria', () => {
    expect(kinds('We use Excel for the rota.', 'en')).toContain('alternative');
    expect(kinds('On passe par un prestataire.', 'fr')).toContain('alternative');
    expect(kinds('What matters most is price.', 'en')).toContain('criterion');
    expect(kinds("Le plus important pour moi c'est la simplicité.", 'fr')).toContain('criterion');
  });
  it('gives emotions a category and a polarity, and denied emotions none', () => {
    expect(classifySentence('I was so worried we would miss it.', 'en', rules.lexicons).find((h) => h.kind === 'emotion')).toMatchObject({ emotion: 'anxiety', polarity: 'negative' });
    expect(classifySentence("Ça m'agace de tout ressaisir.", 'fr', rules.lexicons).find((h) => h.kind === 'emotion')).toMatchObject({ emotion: 'frustration', polarity: 'negative' });
    expect(classifySentence("J'adore les pictos.", 'fr', rules.lexicons).find((h) => h.kind === 'emotion')).toMatchObject({ emotion: 'joy', polarity: 'positive' });
    expect(kinds('I was not worried at all.', 'en')).not.toContain('emotion');
    expect(kinds('Ça ne m’inquiète pas.', 'fr')).not.toContain('emotion');
  });
});

describe('tags', () => {
  it('maps English and French tags through the codebook, accents optional', () => {
    expect(tagMeaning('need', rules)).toEqual({ kind: 'need' });
    expect(tagMeaning('besoin', rules)).toEqual({ kind: 'need' });
    expect(tagMeaning('probleme', rules)).toEqual({ kind: 'problem' });
    expect(tagMeaning('Problème', rules)).toEqual({ kind: 'problem' });
    expect(tagMeaning('pain', rules)).toEqual({ kind: 'problem' });
    expect(tagMeaning('difficulte', rules)).toEqual({ kind: 'problem' });
    expect(tagMeaning('emotion/frustration', rules)).toEqual({ kind: 'emotion', emotion: 'frustration' });
    expect(tagMeaning('émotion', rules)).toEqual({ kind: 'emotion' });
    expect(tagMeaning('frustration', rules)).toEqual({ kind: 'emotion', emotion: 'frustration' });
    expect(tagMeaning('critere', rules)).toEqual({ kind: 'criterion' });
    expect(tagMeaning('contexte', rules)).toEqual({ kind: 'context' });
    expect(tagMeaning('amelioration', rules)).toEqual({ kind: 'improvement' });
    expect(tagMeaning('alternative', rules)).toEqual({ kind: 'alternative' });
    expect(tagMeaning('Eugénie', rules)).toBeUndefined();
  });
  it('does not read headings, URLs or issue numbers as tags', () => {
    expect(findTags('# Title and https://x.org/page#part and #12 and a#b').map((t) => t.tag)).toEqual([]);
  });
  it('attaches a tag to its sentence (English and French)', () => {
    const en = analyse('A: We meet on Mondays. The export takes ages #pain and then we wait.\n');
    expect(en.extracts.filter((e) => e.source === 'tag')).toMatchObject([{ kind: 'problem', line: 1, column: 24, text: 'The export takes ages and then we wait.', tags: ['pain'] }]);
    const fr = analyse('R : On se voit le lundi. La saisie est longue #probleme et on attend.\n');
    expect(fr.extracts.filter((e) => e.source === 'tag')).toMatchObject([{ kind: 'problem', line: 1, column: 26, tags: ['probleme'] }]);
  });
  it('attaches a tag standing alone at the end to the whole paragraph or list item (English and French)', () => {
    const en = analyse('- We print every invoice. Then we type it again. #problem #emotion/frustration\n- Next item.\n');
    const tagged = en.extracts.filter((e) => e.source === 'tag');
    expect(tagged.map((e) => [e.kind, e.line, e.column, e.endColumn, e.text, e.emotion])).toEqual([
      ['emotion', 1, 3, 49, 'We print every invoice. Then we type it again.', 'frustration'],
      ['problem', 1, 3, 49, 'We print every invoice. Then we type it again.', undefined],
    ]);
    const fr = analyse("On imprime chaque facture.\nPuis on la ressaisit.\n#besoin\n");
    expect(fr.extracts.filter((e) => e.source === 'tag').map((e) => [e.kind, e.line, e.column, e.endLine, e.endColumn])).toEqual([['need', 1, 1, 2, 22]]);
  });
  it('does not auto-extract sentences a researcher tagged', () => {
    const result = analyse('A: It is so slow and annoying. #need\n');
    expect(result.extracts.map((e) => e.kind)).toEqual(['need']);
  });
  it('extracts every tag of the fixtures and of the dev notes with its kind (recall 1.0)', () => {
    const dirs = ['fixtures/notes', join('..', 'shared', 'eval', 'dev', 'notes')];
    let checked = 0;
    for (const dir of dirs) {
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n));
      } catch {
        continue;
      }
      for (const name of names) {
        const text = readFileSync(join(dir, name), 'utf8');
        const result = analyse(text, name);
        const expected = findTags(text).filter((t) => tagMeaning(t.tag, rules));
        for (const tag of expected) {
          const meaning = tagMeaning(tag.tag, rules);
          expect(result.extracts.some((e) => e.source === 'tag' && e.kind === meaning?.kind && e.tags?.includes(tag.tag)), `${name}: #${tag.tag}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});

describe('interviewer behaviour', () => {
  it('runs the question rules on what the interviewer asked (English)', () => {
    const result = analyse("Interviewer: Don't you think the app is too slow?\nParticipant: Yes.\nInterviewer: Would you pay for it?\nParticipant: Maybe.\n");
    expect(result.interviewerIssues.map((f) => [f.ruleId, f.line])).toEqual([
      ['closed-question', 1],
      ['leading-question', 1],
      ['closed-question', 3],
      ['hypothetical-question', 3],
    ]);
    expect(result.interviewerIssues[1]).toMatchObject({ column: 14, endColumn: 50 });
  });
  it('runs the question rules on what the interviewer asked (French), never on the interviewee', () => {
    const result = analyse("Q : Vous trouvez ça pénible, n'est-ce pas ?\nR : Est-ce que je dois tout ressaisir ?\n");
    expect(result.interviewerIssues.map((f) => [f.ruleId, f.line])).toEqual([['closed-question', 1], ['leading-question', 1]]);
  });
  it('reports the interviewer talk ratio, null without an interviewer', () => {
    expect(analyse('Q: Why is that?\nA: Because the export is slow every single day.\n').talkRatio).toBe(0.27);
    expect(analyse('Just notes, no speakers.\n').talkRatio).toBeNull();
  });
});
