/** `interview-lint init`: a commented starter .interviewlintrc.yaml (asks for the language on a terminal only). */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { readConfigFile } from '../config/load-config.js';
import { defaultRuleSet } from '../rules/load.js';
import type { Lang } from '../types.js';
import { OutputError, writeOutputFile } from './output.js';

export const INIT_FILE = '.interviewlintrc.yaml';
const OTHER_CONFIGS = ['.interviewlintrc.yml', '.interviewlintrc.json'];

export function starterConfig(lang: Lang | 'auto'): string {
  const rules = defaultRuleSet().rules.map((r) => `  ${r.id}: ${r.severity}`).join('\n');
  return `# interview-lint configuration (https://www.npmjs.com/package/interview-lint)
# Found from each file's folder upward; the nearest file wins, and root: true stops the search.
root: true

# Language of your guides and notes: auto (front matter \`lang\`, else detected per file), en or fr.
lang: ${lang}

# Rule severities: off, info, warning or error (these are the defaults), or [severity, { options }].
rules:
${rules}

# Different settings for some files, by glob (relative to this file).
overrides:
  # Screeners and consent checks are closed on purpose.
  - files: ["**/screener*.md", "**/consent*.md"]
    rules:
      closed-question: off

# Files that are never checked (gitignore-style globs, relative to this file).
ignores:
  - "**/drafts/**"

# Extra hashtags for \`interview-lint analyze\`, by kind
# (need, problem, emotion, context, alternative, criterion, improvement).
codebook:
  problem: [irritant]
  need: [jtbd]

# House rules: patterns (regular expressions) or plain words, per language.
customRules:
  - id: no-product-pitch
    severity: warning
    description: A question that names our product pitches instead of listening.
    languages:
      en:
        words: [our app, our product]
        message: This question pitches the product; ask about the person's life instead.
        suggestion: How do you handle this today?
      fr:
        words: [notre application, notre produit]
        message: Cette question présente le produit ; interrogez plutôt la personne sur son quotidien.
        suggestion: Comment faites-vous cela aujourd'hui ?
`;
}

async function askLang(): Promise<Lang | 'auto'> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question('Language of your guides and notes (auto, en, fr) [auto]: ')).trim().toLowerCase();
    return answer === 'en' || answer === 'fr' ? answer : 'auto';
  } finally {
    rl.close();
  }
}

export async function runInit(options: { force: boolean; lang?: Lang | 'auto' }): Promise<number> {
  const existing = [INIT_FILE, ...OTHER_CONFIGS].filter((f) => existsSync(f));
  if (existing.length > 0 && !options.force) {
    process.stderr.write(`interview-lint: ${existing.join(', ')} already exists; use --force to overwrite ${INIT_FILE}\n`);
    return 2;
  }
  const lang = options.lang ?? (process.stdin.isTTY && process.stderr.isTTY ? await askLang() : 'auto');
  try {
    writeOutputFile(INIT_FILE, starterConfig(lang));
  } catch (error) {
    if (error instanceof OutputError) {
      process.stderr.write(`interview-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  readConfigFile(INIT_FILE); // the starter must always be a valid configuration
  process.stdout.write(`Wrote ${INIT_FILE}. Run "interview-lint lint" to use it.\n`);
  return 0;
}
