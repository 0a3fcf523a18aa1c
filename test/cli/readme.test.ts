import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRulesTable } from '../../src/cli/rules-command.js';
import { defaultRuleSet } from '../../src/rules/load.js';

describe('README', () => {
  it('has the rules table generated from the rule metadata (npm run docs to refresh)', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const table = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(table?.trim()).toBe(formatRulesTable(defaultRuleSet().rules).trim());
  });
  it('gives the set-up and test commands', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
    expect(readme).toContain('npx interview-lint analyze fixtures/notes/');
  });
});

describe('rule docs', () => {
  it('has an up-to-date docs/rules/<id>.md for every rule (npm run docs to refresh)', async () => {
    const { ruleDocMarkdown } = await import('../../src/report/rule-docs.js');
    for (const rule of defaultRuleSet().rules) {
      const doc = readFileSync(resolve(import.meta.dirname, `../../docs/rules/${rule.id}.md`), 'utf8');
      expect(doc, `docs/rules/${rule.id}.md is out of date: run npm run docs`).toBe(ruleDocMarkdown(rule));
    }
  });
});

describe('README configuration example', () => {
  it('is a valid configuration', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ConfigResolver } = await import('../../src/config/resolve-config.js');
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(yaml).toContain('customRules');
    const dir = mkdtempSync(join(tmpdir(), 'il-readme-'));
    writeFileSync(join(dir, '.interviewlintrc.yaml'), yaml);
    const config = new ConfigResolver(defaultRuleSet(), join(dir, '.interviewlintrc.yaml')).forFile(join(dir, 'guides/screeners/s.md'));
    expect(config.settings.rules?.['closed-question']).toEqual({ severity: 'off' });
    expect(config.ruleSet.rules.map((r) => r.id)).toContain('no-product-pitch');
  });
});
