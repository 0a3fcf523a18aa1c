/** `interview-lint init`: a commented starter .interviewlintrc.yaml (asks for the language on a terminal only). */
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { readConfigFile } from '../config/load-config.js';
import { defaultRuleSet } from '../rules/load.js';
import type { Lang } from '../types.js';
import { OutputError, resolveDestination, writeWhole } from './output.js';
import { writeStderr, writeStdout } from './stdout.js';

export const INIT_FILE = '.interviewlintrc.yaml';
const OTHER_CONFIGS = ['.interviewlintrc.yml', '.interviewlintrc.json'];

/** A package.json that holds a configuration (its "interview-lint" key). */
function packageConfig(): string[] {
  try {
    return readConfigFile('package.json') ? ['package.json ("interview-lint" key)'] : [];
  } catch {
    return existsSync('package.json') && /"interview-lint"\s*:/.test(readFileSync('package.json', 'utf8')) ? ['package.json ("interview-lint" key)'] : [];
  }
}

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
  // --force replaces the starter file only: a configuration of another kind beside it would be shadowed
  // by the new file without a word, so it is never written next to one.
  const others = [...OTHER_CONFIGS.filter((f) => existsSync(f)), ...packageConfig()];
  if (others.length > 0) {
    writeStderr(`interview-lint: a configuration already exists here (${others.join(', ')}); edit it, or remove it before running init\n`);
    return 2;
  }
  if (existsSync(INIT_FILE) && !options.force) {
    writeStderr(`interview-lint: ${INIT_FILE} already exists; use --force to overwrite it\n`);
    return 2;
  }
  const lang = options.lang ?? (process.stdin.isTTY && process.stderr.isTTY ? await askLang() : 'auto');
  try {
    writeWhole(resolveDestination(INIT_FILE, 'the configuration'), starterConfig(lang), 'the configuration');
  } catch (error) {
    if (error instanceof OutputError) {
      writeStderr(`interview-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  readConfigFile(INIT_FILE); // the starter must always be a valid configuration
  writeStdout(`Wrote ${INIT_FILE}. Run "interview-lint lint" to use it.\n`);
  return 0;
}
