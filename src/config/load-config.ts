/**
 * Reading one configuration file: YAML (.interviewlintrc.yaml/.yml), JSON (.interviewlintrc.json) or the
 * "interview-lint" key of package.json. The content is validated against schema/config.schema.json,
 * then checked against the rules that exist; every error names the file, the key and, where the format
 * allows, the line and column.
 */
import { readFileSync, statSync } from 'node:fs';
import { readSpecialFile } from '../input/read.js';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import YAML, { isMap, isScalar, type Document, type Node } from 'yaml';
import { LineIndex } from '../document/positions.js';

export const CONFIG_FILE_NAMES = ['.interviewlintrc.yaml', '.interviewlintrc.yml', '.interviewlintrc.json', 'package.json'];
export const PACKAGE_JSON_KEY = 'interview-lint';
const SCHEMA_FILE = fileURLToPath(new URL('../../schema/config.schema.json', import.meta.url));

export type SeverityName = 'off' | 'info' | 'warning' | 'error';
export type RuleSettingValue = SeverityName | [SeverityName, Record<string, unknown>?] | { severity?: SeverityName; options?: Record<string, unknown> };

export interface CustomRuleConfig {
  id: string;
  severity?: 'info' | 'warning' | 'error';
  description?: string | { en?: string; fr?: string };
  rationale?: string | { en?: string; fr?: string };
  languages: Partial<Record<'en' | 'fr', { message: string; suggestion?: string; patterns?: string[]; words?: string[]; unless?: string[] }>>;
}

export interface ConfigData {
  root?: boolean;
  lang?: 'auto' | 'en' | 'fr';
  rules?: Record<string, RuleSettingValue>;
  overrides?: Array<{ files: string[]; excludedFiles?: string[]; lang?: 'auto' | 'en' | 'fr'; rules?: Record<string, RuleSettingValue> }>;
  ignores?: string[];
  codebook?: Record<string, string[]>;
  customRules?: CustomRuleConfig[];
  maxFileSize?: number;
  private?: string[];
  redact?: string[];
}

export interface LoadedConfig {
  file: string;
  /** The folder that globs in the file are relative to. */
  dir: string;
  data: ConfigData;
  /** Line and column of a key path in the file, where the format allows it. */
  locate: (path: Array<string | number>) => { line?: number; column?: number };
}

export class ConfigError extends Error {
  constructor(
    readonly detail: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${detail}`);
  }
}

let ajv: AjvClass | undefined;
/** ajv costs about 40 ms to load: only when a configuration file exists. */
function getAjv(): AjvClass {
  if (!ajv) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
    ajv = new Ajv({ allErrors: false, strict: false });
  }
  return ajv;
}

let validator: ReturnType<AjvClass['compile']> | undefined;
function validate(data: unknown): ErrorObject[] {
  validator ??= getAjv().compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

const optionValidators = new Map<string, ReturnType<AjvClass['compile']>>();
/**
 * Check a rule option's value against its JSON Schema; returns what is wrong (e.g. `must be one of
 * "section", "question"`, `[1] must be one of …`) or undefined when it is valid.
 */
export function optionProblem(schema: unknown, value: unknown): string | undefined {
  const key = JSON.stringify(schema);
  let check = optionValidators.get(key);
  if (!check) {
    check = getAjv().compile(schema as object);
    optionValidators.set(key, check);
  }
  if (check(value)) return undefined;
  const error = check.errors?.[0];
  if (!error) return 'is invalid';
  const where = error.instancePath ? `${error.instancePath.replace(/^\//, '[').replace(/\//g, '][')}] ` : '';
  if (error.keyword === 'type') {
    const type = String((error.params as { type: string }).type);
    return `${where}must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
  }
  if (error.keyword === 'enum') return `${where}must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}${error.message ?? 'is invalid'}`;
}

function yamlLocator(doc: Document, index: LineIndex): LoadedConfig['locate'] {
  return (path) => {
    // The key itself when the last element names a mapping entry, else the value node.
    const parent = path.length > 0 ? doc.getIn(path.slice(0, -1), true) : undefined;
    const last = path[path.length - 1];
    let node: Node | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      node = (pair?.key as Node | undefined) ?? undefined;
    }
    node ??= (path.length > 0 ? doc.getIn(path, true) : doc.contents) as Node | undefined;
    const offset = node?.range?.[0];
    if (offset === undefined) return {};
    return index.position(offset);
  };
}

/** The key path of an ajv error (additional properties point at the offending key). */
function errorPath(error: ErrorObject): Array<string | number> {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (error.keyword === 'additionalProperties') path.push((error.params as { additionalProperty: string }).additionalProperty);
  return path;
}

function describe(error: ErrorObject, path: Array<string | number>): string {
  const where = path.length > 0 ? path.join('.') : 'the configuration';
  if (error.keyword === 'additionalProperties') return `unknown key "${path[path.length - 1]}" at ${path.slice(0, -1).join('.') || 'the top level'}`;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'oneOf' && path[0] === 'rules') return `${where} must be a severity (off, info, warning, error), [severity, options] or { severity, options }`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** Configurations are small: more than this is not one (and /dev/zero would never end). */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

class TooLarge extends Error {}

/** The text of a configuration file, a pipe or a device, read up to MAX_CONFIG_BYTES. */
function readConfigText(file: string): string {
  const info = statSync(file);
  if (info.isFile()) {
    if (info.size > MAX_CONFIG_BYTES) throw new TooLarge();
    return readFileSync(file, 'utf8');
  }
  const bytes = readSpecialFile(file, MAX_CONFIG_BYTES);
  if (!bytes) throw new TooLarge();
  return bytes.toString('utf8');
}

export function readConfigFile(path: string): LoadedConfig | undefined {
  const file = resolve(path);
  let text: string;
  try {
    text = readConfigText(file).replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof TooLarge) throw new ConfigError(`the configuration is larger than ${MAX_CONFIG_BYTES} bytes: not a configuration file`, path);
    throw new ConfigError(`cannot read the configuration: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path);
  }
  const name = basename(file);
  let data: unknown;
  let locate: LoadedConfig['locate'] = () => ({});
  if (name.endsWith('.json')) {
    // JSON.parse decides; the yaml parser (JSON schema) only supplies line and column numbers, and runs
    // only when an error needs them (most package.json files have no configuration at all).
    let doc: Document | undefined;
    const parsed = (): Document => (doc ??= YAML.parseDocument(text, { schema: 'json', prettyErrors: true }));
    try {
      data = JSON.parse(text);
    } catch (error) {
      const pos = parsed().errors[0]?.linePos?.[0];
      throw new ConfigError(`invalid JSON: ${(error as Error).message.split('\n')[0]}`, path, pos?.line, pos?.col);
    }
    let locator: LoadedConfig['locate'] | undefined;
    const locateIn: LoadedConfig['locate'] = (keyPath) => (locator ??= parsed().errors.length === 0 ? yamlLocator(parsed(), new LineIndex(text)) : () => ({}))(keyPath);
    if (name === 'package.json') {
      if (data === null || typeof data !== 'object' || !(PACKAGE_JSON_KEY in data)) return undefined;
      data = (data as Record<string, unknown>)[PACKAGE_JSON_KEY];
      locate = (keyPath) => locateIn([PACKAGE_JSON_KEY, ...keyPath]);
    } else {
      locate = locateIn;
    }
    // JSON.parse keeps the last of two equal keys without a word; a configuration that says a thing twice
    // is a mistake to show (the yaml parser, JSON schema, finds it with its position).
    const duplicate = parsed().errors.find((e) => e.code === 'DUPLICATE_KEY');
    if (duplicate) {
      const pos = duplicate.linePos?.[0];
      throw new ConfigError(`invalid JSON: duplicate key (${(duplicate.message.split('\n')[0] ?? '').replace(/ at line.*$/, '')})`, path, pos?.line, pos?.col);
    }
  } else {
    const doc = YAML.parseDocument(text, { prettyErrors: true });
    const first = doc.errors[0];
    if (first) {
      const pos = first.linePos?.[0];
      throw new ConfigError(`invalid YAML: ${first.message.split('\n')[0]}`, path, pos?.line, pos?.col);
    }
    try {
      data = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (error) {
      // Reported once, against the configuration file, not against every file it governs.
      const detail = /alias/i.test((error as Error).message) ? 'YAML aliases expand too much (a possible "billion laughs" attack)' : `invalid YAML: ${(error as Error).message.split('\n')[0]}`;
      throw new ConfigError(detail, path, 1, 1);
    }
    locate = yamlLocator(doc, new LineIndex(text));
  }
  // An emptied section ("rules:" with every entry commented out) means "nothing here".
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    data = Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([, v]) => v !== null));
  }
  const errors = validate(data);
  const error = errors[0];
  if (error) {
    const keyPath = errorPath(error);
    const pos = locate(keyPath);
    throw new ConfigError(describe(error, keyPath), path, pos.line, pos.column);
  }
  return { file: path, dir: dirname(file), data: data as ConfigData, locate };
}
