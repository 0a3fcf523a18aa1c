/** `npm run docs`: refresh the rules table in README.md from the rule metadata. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultRuleSet } from '../rules/load.js';
import { formatRulesTable } from './rules-command.js';

const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');
const table = formatRulesTable(defaultRuleSet().rules).trim();
writeFileSync(readmePath, readme.replace(/<!-- rules:start -->\n[\s\S]*?\n<!-- rules:end -->/, `<!-- rules:start -->\n${table}\n<!-- rules:end -->`));
