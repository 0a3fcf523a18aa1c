/** The lines pattern tests run on: fixtures, rule files, rule and lexicon examples, and the dev notes, folded for matching. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { foldForMatching } from '../../src/language/normalise.js';
import type { NotesRules } from '../../src/notes/load.js';
import type { RuleSet } from '../../src/rules/types.js';
import { LANGS } from '../../src/types.js';

/** Every line of the text files under dir. */
export function lines(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...lines(path));
    else if (/\.(md|txt|ya?ml)$/.test(name)) out.push(...readFileSync(path, 'utf8').split(/\r?\n/));
  }
  return out;
}

export function patternTexts(ruleSet: RuleSet, notes: NotesRules): string[] {
  const examples = ruleSet.rules.flatMap((r) => LANGS.flatMap((l) => [...(r.examples[l]?.invalid ?? []), ...(r.examples[l]?.valid ?? [])]));
  const lexiconExamples = notes.lexicons.flatMap((x) => LANGS.flatMap((l) => [...(x.examples[l]?.match ?? []), ...(x.examples[l]?.noMatch ?? [])]));
  return [...new Set([...lines('fixtures'), ...lines('rules'), ...examples, ...lexiconExamples, ...lines('../shared/eval/dev').slice(0, 20000)])]
    .filter((t) => t.trim() !== '')
    .map(foldForMatching);
}
