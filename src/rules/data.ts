import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { buildData } from './build-data.js';
import { compilePattern, PatternError } from './compile.js';

/** Reading the YAML data under rules/: typed accessors that fail with the file and the key at fault. */

export class RuleLoadError extends Error {
  constructor(message: string, readonly file: string) {
    super(`${file}: ${message}`);
  }
}

export type Raw = Record<string, unknown>;

export function asRecord(value: unknown, what: string, file: string): Raw {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new RuleLoadError(`${what} must be a mapping`, file);
  return value as Raw;
}

export function asStrings(value: unknown, what: string, file: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new RuleLoadError(`${what} must be a list of strings`, file);
  return value as string[];
}

/**
 * rules/ parsed ahead of time by the build (dist/rules-data.json, see scripts/bundle.mjs): parsing the
 * YAML costs about 25 ms per run. A file whose content changed since (SHA-1 differs) is parsed again.
 */
interface Precompiled {
  files: Record<string, { sha1: string; data: unknown }>;
}
const RULES_ROOT = fileURLToPath(new URL('../../rules/', import.meta.url));

function fromPrecompiled(file: string, text: string): unknown {
  const key = relative(RULES_ROOT, file).split(sep).join('/');
  const entry = buildData<Precompiled>('rules-data.json')?.files[key];
  return entry && entry.sha1 === createHash('sha1').update(text).digest('hex') ? entry.data : undefined;
}

export function readYaml(file: string): Raw {
  const text = readFileSync(file, 'utf8');
  const cached = fromPrecompiled(file, text);
  if (cached !== undefined) return asRecord(cached, 'the file', file);
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) throw new RuleLoadError(doc.errors[0]?.message ?? 'invalid YAML', file);
  return asRecord(doc.toJS(), 'the file', file);
}

export function compileList(sources: string[], classes: Record<string, string>, where: string, file: string): RegExp[] {
  return sources.map((source) => {
    try {
      return compilePattern(source, classes, where);
    } catch (error) {
      if (error instanceof PatternError) throw new RuleLoadError(`${where}: ${error.message} in ${JSON.stringify(source)}`, file);
      throw error;
    }
  });
}

/** The YAML files of a folder, sorted by name (none when the folder is missing). */
export function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}
