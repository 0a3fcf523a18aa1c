import { compareCodeUnits } from '../compare.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang, type Severity } from '../types.js';
import { asRecord, asStrings, compileList, readYaml, RuleLoadError, yamlFiles, type Raw } from './data.js';
import type { CompiledMatch, LanguagePack, Localised, Rule, RuleExamples, RuleLanguage, RuleSet, RuleType } from './types.js';
import { checkKeys, RULE_KEYS } from './rule-keys.js';

/** The rules/ folder shipped with the package. */
export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

const RULE_TYPES: RuleType[] = ['question', 'probes', 'themes'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function loadPack(file: string, raw: Raw): LanguagePack {
  const lang = raw.lang as Lang;
  const classes = asRecord(raw.classes ?? {}, 'classes', file) as Record<string, string>;
  const list = (key: string): RegExp[] => compileList(asStrings(raw[key], key, file), classes, key, file);
  return {
    lang,
    classes,
    prompts: list('prompts'),
    questionStarts: list('questionStarts'),
    why: list('why'),
    followUps: list('followUps'),
    leadIns: list('leadIns'),
    alternatives: list('alternatives'),
    offeredAnswerCues: list('offeredAnswerCues'),
  };
}

const LIST_KEYS_BY_TYPE: Record<RuleType, string[]> = {
  question: [],
  probes: ['substantive', 'exempt'],
  themes: [],
};

function loadRuleLanguage(raw: Raw, type: RuleType, pack: LanguagePack, file: string, where: string): RuleLanguage {
  if (typeof raw.message !== 'string') throw new RuleLoadError(`${where}.message must be a string`, file);
  const match: CompiledMatch[] = (Array.isArray(raw.match) ? raw.match : []).map((entry: unknown, i: number) => {
    const at = `${where}.match[${i}]`;
    const item = typeof entry === 'string' ? { pattern: entry } : asRecord(entry, at, file);
    if (typeof item.pattern !== 'string') throw new RuleLoadError(`${at}.pattern must be a string`, file);
    const [regex] = compileList([item.pattern], pack.classes, at, file);
    const [when] = typeof item.when === 'string' ? compileList([item.when], pack.classes, `${at}.when`, file) : [];
    if (item.target !== undefined && !['question', 'item', 'offered'].includes(item.target as string)) {
      throw new RuleLoadError(`${at}.target must be question, item or offered`, file);
    }
    const target = (item.target ?? 'question') as CompiledMatch['target'];
    return {
      source: item.pattern,
      regex: regex as RegExp,
      suggestion: typeof item.suggestion === 'string' ? item.suggestion : undefined,
      message: typeof item.message === 'string' ? item.message : undefined,
      when,
      target,
    };
  });
  const compiledLists: Record<string, RegExp[]> = {};
  for (const key of LIST_KEYS_BY_TYPE[type]) compiledLists[key] = compileList(asStrings(raw[key], `${where}.${key}`, file), pack.classes, `${where}.${key}`, file);
  const extra: Record<string, unknown> = { ...raw };
  return {
    message: raw.message,
    suggestion: typeof raw.suggestion === 'string' ? raw.suggestion : undefined,
    match,
    unless: compileList(asStrings(raw.unless, `${where}.unless`, file), pack.classes, `${where}.unless`, file),
    extra,
    compiledLists,
  };
}

function localised(raw: unknown, what: string, file: string): Localised<string> {
  const record = asRecord(raw, what, file);
  const out = {} as Localised<string>;
  for (const lang of LANGS) {
    const value = record[lang];
    if (typeof value !== 'string' || value.trim() === '') throw new RuleLoadError(`${what}.${lang} must be a non-empty string`, file);
    out[lang] = value.trim();
  }
  return out;
}

/**
 * A property computed on first read, then kept: a run on English files never compiles the French
 * patterns (half of the rule set's load time, about 10 ms of a cold start).
 */
function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  let value: T[K] | undefined;
  let done = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    },
  });
}

export function loadRule(file: string, packs: Localised<LanguagePack>): Rule {
  const raw = readYaml(file);
  const id = raw.id;
  if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) throw new RuleLoadError('id must be a kebab-case string', file);
  const type = raw.type as RuleType;
  if (!RULE_TYPES.includes(type)) throw new RuleLoadError(`type must be one of ${RULE_TYPES.join(', ')}`, file);
  const severity = raw.severity as Severity;
  if (!SEVERITIES.includes(severity)) throw new RuleLoadError(`severity must be one of ${SEVERITIES.join(', ')}`, file);
  checkKeys(raw, RULE_KEYS.top[type], '', file);
  const languagesRaw = asRecord(raw.languages, 'languages', file);
  checkKeys(languagesRaw, LANGS, 'languages', file);
  for (const lang of LANGS) {
    if (languagesRaw[lang] === undefined) continue;
    const language = asRecord(languagesRaw[lang], `languages.${lang}`, file);
    checkKeys(language, RULE_KEYS.language[type], `languages.${lang}`, file);
    (Array.isArray(language.match) ? language.match : []).forEach((entry: unknown, i: number) => {
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) checkKeys(entry as Raw, RULE_KEYS.match, `languages.${lang}.match[${i}]`, file);
    });
  }
  const languages: Partial<Localised<RuleLanguage>> = {};
  const examples: Partial<Localised<RuleExamples>> = {};
  const examplesRaw = asRecord(raw.examples ?? {}, 'examples', file);
  checkKeys(examplesRaw, LANGS, 'examples', file);
  for (const lang of LANGS) if (examplesRaw[lang] !== undefined) checkKeys(asRecord(examplesRaw[lang], `examples.${lang}`, file), RULE_KEYS.examples, `examples.${lang}`, file);
  for (const lang of LANGS) {
    const rawLanguage = languagesRaw[lang];
    if (rawLanguage !== undefined) {
      lazyProperty(languages, lang, () => loadRuleLanguage(asRecord(rawLanguage, `languages.${lang}`, file), type, packs[lang], file, `languages.${lang}`));
    }
    if (examplesRaw[lang] !== undefined) {
      const ex = asRecord(examplesRaw[lang], `examples.${lang}`, file);
      examples[lang] = { invalid: asStrings(ex.invalid, `examples.${lang}.invalid`, file), valid: asStrings(ex.valid, `examples.${lang}.valid`, file) };
    }
  }
  const known = new Set(['id', 'type', 'severity', 'description', 'rationale', 'options', 'optionSchema', 'skip', 'compound', 'languages', 'examples']);
  const options = raw.options === undefined ? {} : asRecord(raw.options, 'options', file);
  const optionSchema = raw.optionSchema === undefined ? {} : asRecord(raw.optionSchema, 'optionSchema', file);
  for (const key of Object.keys(optionSchema)) if (!(key in options)) throw new RuleLoadError(`optionSchema.${key} describes an option that has no default in options`, file);
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!known.has(key)) data[key] = value;
  return {
    id,
    type,
    severity,
    description: localised(raw.description, 'description', file),
    rationale: localised(raw.rationale, 'rationale', file),
    options,
    optionSchema,
    skip: asStrings(raw.skip, 'skip', file),
    compound: raw.compound === true,
    languages,
    examples,
    data,
    file,
  };
}


/** Every rule folder under rules/ except the language packs and the extraction lexicons. */
const RULE_FOLDERS = ['questions', 'guide'];

export function loadRuleSet(dir: string = RULES_DIR): RuleSet {
  const packs = {} as Localised<LanguagePack>;
  for (const file of yamlFiles(join(dir, 'language'))) {
    const raw = readYaml(file);
    const lang = raw.lang as Lang;
    if (!LANGS.includes(lang)) throw new RuleLoadError(`unknown lang ${String(raw.lang)}`, file);
    lazyProperty(packs, lang, () => loadPack(file, raw));
  }
  for (const lang of LANGS) if (!Object.hasOwn(packs, lang)) throw new RuleLoadError(`missing language pack for ${lang}`, join(dir, 'language'));
  const rules = RULE_FOLDERS.flatMap((folder) => yamlFiles(join(dir, folder))).map((file) => loadRule(file, packs));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new RuleLoadError(`duplicate rule id ${rule.id}`, rule.file);
    seen.add(rule.id);
  }
  rules.sort((a, b) => compareCodeUnits(a.id, b.id));
  return { rules, packs };
}

let cached: RuleSet | undefined;
export function defaultRuleSet(): RuleSet {
  cached ??= loadRuleSet();
  return cached;
}
