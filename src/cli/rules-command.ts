import { defaultRuleSet } from '../rules/load.js';
import { writeStdout } from './stdout.js';
import type { Rule } from '../rules/types.js';
import { LANGS, type Lang } from '../types.js';

export function ruleLanguages(rule: Rule): Lang[] {
  return LANGS.filter((lang) => rule.languages[lang] !== undefined);
}

export function formatRulesTable(rules: Rule[], lang: Lang = 'en'): string {
  const lines = ['| rule | severity | languages | description |', '|---|---|---|---|'];
  for (const rule of rules) lines.push(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.severity} | ${ruleLanguages(rule).join(', ')} | ${rule.description[lang]} |`);
  return `${lines.join('\n')}\n`;
}

export function runRules(format: 'text' | 'json' | 'markdown', lang: Lang): number {
  const { rules } = defaultRuleSet();
  if (format === 'json') {
    const out = rules.map((r) => ({ id: r.id, severity: r.severity, type: r.type, languages: ruleLanguages(r), description: r.description, rationale: r.rationale, options: r.options }));
    writeStdout(`${JSON.stringify(out, null, 2)}\n`);
  } else if (format === 'markdown') {
    writeStdout(formatRulesTable(rules, lang));
  } else {
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) writeStdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${ruleLanguages(r).join(',')}  ${r.description[lang]}\n`);
  }
  return 0;
}
