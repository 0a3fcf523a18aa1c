/**
 * The keys a rule file may hold, by place and rule type: a misspelt key (`sugestion:`) is an error that
 * names the file, the place and the key it probably meant, not a setting silently ignored. The JSON
 * Schema `schema/rule.schema.json` says the same for editors; a test keeps the two in step.
 */
import { RuleLoadError, type Raw } from './data.js';
import type { RuleType } from './types.js';

const COMMON_TOP = ['id', 'type', 'severity', 'description', 'rationale', 'options', 'optionSchema', 'skip', 'languages', 'examples'];

export const RULE_KEYS = {
  top: {
    question: [...COMMON_TOP, 'compound'],
    probes: COMMON_TOP,
    themes: [...COMMON_TOP, 'themes'],
  } satisfies Record<RuleType, string[]>,
  language: {
    question: ['message', 'suggestion', 'match', 'unless', 'compoundMessage'],
    probes: ['message', 'suggestion', 'sectionMessage', 'substantive', 'exempt'],
    themes: ['message', 'suggestion'],
  } satisfies Record<RuleType, string[]>,
  match: ['pattern', 'suggestion', 'message', 'when', 'target'],
  examples: ['valid', 'invalid'],
};

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length] as number;
}

/** Throw on the first key of `raw` that is not allowed here. */
export function checkKeys(raw: Raw, allowed: readonly string[], where: string, file: string): void {
  for (const key of Object.keys(raw)) {
    if (allowed.includes(key)) continue;
    const near = allowed.map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
    const hint = near && near.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${near.k}"?)` : ` (expected one of ${allowed.join(', ')})`;
    throw new RuleLoadError(`unknown key "${key}"${where ? ` in ${where}` : ''}${hint}`, file);
  }
}
