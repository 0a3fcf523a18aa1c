import { compareCodeUnits } from '../compare.js';
import type { FileError, FileResult } from '../types.js';

export const TOOL_NAME = 'interview-lint';
export const SCHEMA_VERSION = 1;

export interface LintReport {
  tool: string;
  version: string;
  schemaVersion: number;
  files: FileResult[];
  fileErrors: FileError[];
  summary: { files: number; errors: number; warnings: number; infos: number; fileErrors: number };
}

export function buildLintReport(version: string, results: FileResult[], errors: FileError[]): LintReport {
  const files = [...results].sort((a, b) => compareCodeUnits(a.path, b.path));
  const all = files.flatMap((f) => f.messages);
  return {
    tool: TOOL_NAME,
    version,
    schemaVersion: SCHEMA_VERSION,
    files,
    fileErrors: [...errors].sort((a, b) => compareCodeUnits(a.path, b.path)),
    summary: {
      files: files.length,
      errors: all.filter((m) => m.severity === 'error').length,
      warnings: all.filter((m) => m.severity === 'warning').length,
      infos: all.filter((m) => m.severity === 'info').length,
      fileErrors: errors.length,
    },
  };
}
