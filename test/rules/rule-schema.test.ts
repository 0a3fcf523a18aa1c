/** Rule files: every shipped one validates against schema/rule.schema.json, and a misspelt key is an error both there and in the loader. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { RuleLoadError, yamlFiles } from '../../src/rules/data.js';
import { defaultRuleSet, loadRule } from '../../src/rules/load.js';
import { RULE_KEYS } from '../../src/rules/rule-keys.js';
import { tempFolder } from '../helpers/temp-folder.js';

const ROOT = resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/rule.schema.json'), 'utf8')) as { oneOf: Array<{ properties: Record<string, { const?: string; properties?: Record<string, { properties?: Record<string, unknown> }> }> }> };
const validate = new Ajv({ allErrors: true }).compile(schema);
const files = ['questions', 'guide'].flatMap((folder) => yamlFiles(join(ROOT, 'rules', folder)));

describe('rule files', () => {
  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s validates against schema/rule.schema.json', (_, file) => {
    const ok = validate(YAML.parse(readFileSync(file, 'utf8')));
    expect(validate.errors ?? [], String(ok)).toEqual([]);
  });

  it('the schema and the loader allow the same keys, per rule type', () => {
    for (const variant of schema.oneOf) {
      const type = variant.properties.type?.const as keyof typeof RULE_KEYS.top;
      expect(Object.keys(variant.properties).sort(), type).toEqual([...RULE_KEYS.top[type]].sort());
      const language = variant.properties.languages?.properties?.en?.properties ?? {};
      expect(Object.keys(language).sort(), type).toEqual([...RULE_KEYS.language[type]].sort());
    }
  });

  const rule = (patch: string) => `id: my-rule\ntype: question\nseverity: warning\ndescription: { en: "A rule.", fr: "Une règle." }\nrationale: { en: "Why.", fr: "Pourquoi." }\nlanguages:\n  en:\n    message: Closed.\n${patch}`;
  it.each([
    ['    sugestion: Ask openly.\n', /unknown key "sugestion" in languages\.en \(did you mean "suggestion"\?\)/],
    ['    match:\n      - pattern: "^do you"\n        sugestion: x\n', /unknown key "sugestion" in languages\.en\.match\[0\] \(did you mean "suggestion"\?\)/],
    ['severty: error\n', /unknown key "severty" \(did you mean "severity"\?\)/],
  ])('a misspelt key is a located error: %j', (patch, message) => {
    const dir = tempFolder({ 'r.yaml': rule(patch) });
    const file = join(dir, 'r.yaml');
    expect(validate(YAML.parse(readFileSync(file, 'utf8')))).toBe(false);
    expect(() => loadRule(file, defaultRuleSet().packs)).toThrow(RuleLoadError);
    expect(() => loadRule(file, defaultRuleSet().packs)).toThrow(message);
  });
});
