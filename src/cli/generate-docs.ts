/** `npm run docs`: regenerate docs/rules/<id>.md and the README rules table from the rule metadata. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRuleSet } from '../rules/load.js';
import { ruleDocMarkdown } from '../report/rule-docs.js';
import { formatRulesTable } from './rules-command.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readmePath = join(root, 'README.md');
const rules = defaultRuleSet().rules;
const readme = readFileSync(readmePath, 'utf8');
writeFileSync(readmePath, readme.replace(/<!-- rules:start -->\n[\s\S]*?\n<!-- rules:end -->/, `<!-- rules:start -->\n${formatRulesTable(rules).trim()}\n<!-- rules:end -->`));
mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
for (const rule of rules) writeFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), ruleDocMarkdown(rule));
process.stdout.write(`wrote README.md rules table and ${rules.length} files in docs/rules/\n`);
