import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
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

export function readYaml(file: string): Raw {
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
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
