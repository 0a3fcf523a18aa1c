/** Rule documentation generated from the rule metadata: docs/rules/<id>.md, SARIF help, links in messages. */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import type { Rule } from '../rules/types.js';
import { LANGS, type Lang } from '../types.js';

const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };

/** Where the docs of a rule are published, from package.json `homepage` (none when it is not set). */
export function ruleDocUri(id: string): string | undefined {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { homepage?: string };
  if (!pkg.homepage) return undefined;
  return `${pkg.homepage.replace(/#.*$/, '').replace(/\/$/, '')}/blob/main/docs/rules/${id}.md`;
}

function fence(text: string): string[] {
  return ['```text', text, '```'];
}

export function ruleDocMarkdown(rule: Rule): string {
  const languages = LANGS.filter((l) => rule.languages[l]);
  const out: string[] = [
    `# ${rule.id}`,
    '',
    `> ${rule.description.en}`,
    `>`,
    `> _${rule.description.fr}_`,
    '',
    `Default severity: **${rule.severity}** · type: \`${rule.type}\` · languages: ${languages.join(', ')}`,
    '',
    '## Why it matters',
    '',
    rule.rationale.en,
    '',
    '## Pourquoi c’est important',
    '',
    rule.rationale.fr,
    '',
  ];
  for (const lang of LANGS) {
    const examples = rule.examples[lang];
    if (!examples) continue;
    const language = rule.languages[lang];
    out.push(`## Examples — ${LANG_NAMES[lang]}`, '');
    if (language) out.push(`Message: “${language.message}”`, '');
    out.push('Flagged:', '');
    for (const text of examples.invalid) out.push(...fence(text), '');
    out.push('Accepted:', '');
    for (const text of examples.valid) out.push(...fence(text), '');
  }
  out.push('## Options', '');
  if (Object.keys(rule.options).length === 0) out.push('None.', '');
  else out.push('Defaults:', '', '```yaml', YAML.stringify(rule.options).trimEnd(), '```', '');
  out.push(
    '## Configuration',
    '',
    '```yaml',
    '# .interviewlintrc.yaml',
    'rules:',
    `  ${rule.id}: off        # or info, warning, error${Object.keys(rule.options).length > 0 ? `\n  # with options:\n  # ${rule.id}: [${rule.severity}, { ${Object.keys(rule.options)[0]}: … }]` : ''}`,
    '```',
    '',
    'Inline, in a markdown guide:',
    '',
    '```markdown',
    `<!-- interview-lint-disable-next-line ${rule.id} -->`,
    '```',
    '',
    '_Generated from the rule metadata by `npm run docs`; do not edit by hand._',
  );
  return `${out.join('\n')}\n`;
}
