/**
 * House rules from a configuration file: question rules given as patterns or word lists per language,
 * compiled like the shipped ones (word-class macros, Unicode \b) and refused when a pattern is invalid
 * or could backtrack catastrophically.
 */
import { compareCodeUnits } from '../compare.js';
import { compilePattern, escapeRegExp, PatternError } from '../rules/compile.js';
import { isSafePattern } from '../rules/safety.js';
import type { CompiledMatch, LanguagePack, Localised, Rule, RuleLanguage, RuleSet } from '../rules/types.js';
import { LANGS, type Lang } from '../types.js';
import { ConfigError, type CustomRuleConfig, type LoadedConfig } from './load-config.js';

function localisedText(value: CustomRuleConfig['description'], fallback: Localised<string>): Localised<string> {
  const out = { ...fallback };
  if (typeof value === 'string') for (const lang of LANGS) out[lang] = value;
  else if (value) for (const lang of LANGS) if (value[lang]) out[lang] = value[lang] as string;
  return out;
}

function compileChecked(config: LoadedConfig, at: Array<string | number>, source: string, pack: LanguagePack): RegExp {
  const where = at.join('.');
  let regex: RegExp;
  try {
    regex = compilePattern(source, pack.classes, where);
  } catch (error) {
    if (error instanceof PatternError) {
      const pos = config.locate(at);
      throw new ConfigError(`${where}: ${error.message}`, config.file, pos.line, pos.column);
    }
    throw error;
  }
  if (!isSafePattern(source)) {
    const pos = config.locate(at);
    throw new ConfigError(`${where}: the pattern ${JSON.stringify(source)} is unsafe (nested repetition, or repeated alternatives that can match the same text, can take exponential time); rewrite it so that each repetition has one way to match`, config.file, pos.line, pos.column);
  }
  return regex;
}

export function customRule(config: LoadedConfig, index: number, raw: CustomRuleConfig, packs: Localised<LanguagePack>): Rule {
  const base = ['customRules', index] as Array<string | number>;
  const languages: Partial<Localised<RuleLanguage>> = {};
  for (const lang of Object.keys(raw.languages) as Lang[]) {
    const entry = raw.languages[lang];
    if (!entry) continue;
    const at = [...base, 'languages', lang];
    const match: CompiledMatch[] = (entry.patterns ?? []).map((source, i) => ({ source, regex: compileChecked(config, [...at, 'patterns', i], source, packs[lang]), target: 'question' as const }));
    if (entry.words && entry.words.length > 0) {
      const source = `\\b(?:${entry.words.map(escapeRegExp).join('|')})\\b`;
      match.push({ source, regex: compileChecked(config, [...at, 'words'], source, packs[lang]), target: 'question' });
    }
    if (match.length === 0) {
      const pos = config.locate(at);
      throw new ConfigError(`${at.join('.')} needs "patterns" or "words"`, config.file, pos.line, pos.column);
    }
    const unless = (entry.unless ?? []).map((source, i) => compileChecked(config, [...at, 'unless', i], source, packs[lang]));
    languages[lang] = { message: entry.message, ...(entry.suggestion ? { suggestion: entry.suggestion } : {}), match, unless, extra: {}, compiledLists: {} };
  }
  const message = { en: raw.languages.en?.message ?? raw.languages.fr?.message ?? raw.id, fr: raw.languages.fr?.message ?? raw.languages.en?.message ?? raw.id };
  return {
    id: raw.id,
    type: 'question',
    severity: raw.severity ?? 'warning',
    description: localisedText(raw.description, message),
    rationale: localisedText(raw.rationale, { en: `House rule from ${config.file}.`, fr: `Règle maison de ${config.file}.` }),
    options: {},
    optionSchema: {},
    skip: [],
    compound: false,
    languages,
    examples: {},
    data: {},
    file: config.file,
  };
}

/** The shipped rules plus the custom rules of these configurations (a custom id may not shadow a shipped one). */
export function withCustomRules(base: RuleSet, configs: LoadedConfig[]): RuleSet {
  const rules = [...base.rules];
  const ids = new Set(rules.map((r) => r.id));
  for (const config of configs) {
    (config.data.customRules ?? []).forEach((raw, i) => {
      if (ids.has(raw.id)) {
        const pos = config.locate(['customRules', i, 'id']);
        throw new ConfigError(`customRules[${i}].id "${raw.id}" is already a rule; choose another id`, config.file, pos.line, pos.column);
      }
      ids.add(raw.id);
      rules.push(customRule(config, i, raw, base.packs));
    });
  }
  rules.sort((a, b) => compareCodeUnits(a.id, b.id));
  return { ...base, rules };
}
