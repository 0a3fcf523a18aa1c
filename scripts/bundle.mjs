// Bundle dist/ into a few ESM files (one per command, loaded on demand) for a fast cold start:
// measured on a 2-core machine, one-guide `lint` goes from 0.42 s (many small modules) to about 0.2 s.
// The bundle lives in dist/bundle/, two folders below the package root like every dist/<folder>/*.js,
// so relative URLs to rules/, schema/, docs/ and package.json resolve the same way.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import YAML from 'yaml';

rmSync(new URL('../dist/bundle/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname, new URL('../dist/cli/analyze-worker.js', import.meta.url).pathname],
  outdir: new URL('../dist/bundle/', import.meta.url).pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  banner: { js: "import { createRequire as __interviewLintRequire } from 'node:module'; const require = __interviewLintRequire(import.meta.url);" },
  logLevel: 'warning',
});

// rules/*.yaml parsed ahead of time (see readYaml in src/rules/data.ts); stale entries are ignored at run time.
const rulesRoot = new URL('../rules/', import.meta.url).pathname;
const files = {};
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.yaml')) {
      const text = readFileSync(path, 'utf8');
      const doc = YAML.parseDocument(text);
      if (doc.errors.length > 0) continue; // reported by the loader when it reads the file itself
      files[relative(rulesRoot, path).split(sep).join('/')] = { sha1: createHash('sha1').update(text).digest('hex'), data: doc.toJS() };
    }
  }
};
walk(rulesRoot);
writeFileSync(new URL('../dist/rules-data.json', import.meta.url), JSON.stringify({ files }));

// The required literals of every shipped pattern (see src/rules/anchors.ts), so a run does not analyse them again.
const { defaultRuleSet } = await import('../dist/rules/load.js');
const { loadNotesRules } = await import('../dist/notes/load.js');
const { precomputedLiterals } = await import('../dist/rules/anchors.js');
const ruleSet = defaultRuleSet();
const notes = loadNotesRules(undefined, new Map());
const patterns = [];
for (const lang of ['en', 'fr']) {
  for (const rule of ruleSet.rules) for (const entry of rule.languages[lang]?.match ?? []) patterns.push(entry.regex);
  for (const lexicon of notes.lexicons) patterns.push(...lexicon.patterns[lang], ...lexicon.unless[lang], ...lexicon.categories.flatMap((c) => c.patterns[lang]));
}
writeFileSync(new URL('../dist/anchors-data.json', import.meta.url), JSON.stringify(precomputedLiterals(patterns)));
