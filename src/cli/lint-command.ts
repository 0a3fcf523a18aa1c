import { parseGuide } from '../document/guide.js';
import { FrontMatterError } from '../document/front-matter.js';
import { GuideFormatError } from '../document/guide-yaml.js';
import { discover } from '../input/discover.js';
import { InputError, readInputFile, readStdin } from '../input/read.js';
import { lintGuide } from '../rules/engine.js';
import { defaultRuleSet } from '../rules/load.js';
import { formatJson } from '../report/format-json.js';
import { formatStylish } from '../report/format-stylish.js';
import { buildLintReport, type LintReport } from '../report/lint-report.js';
import type { FileError, FileResult, Lang } from '../types.js';
import { writeOutputFile } from './output.js';
import { VERSION } from './version.js';

export const LINT_FORMATS = ['stylish', 'json'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintCommandOptions {
  format: LintFormat;
  output?: string;
  lang: Lang | 'auto';
  maxWarnings?: number;
  quiet: boolean;
  color: boolean;
  stdinFilename?: string;
}

function located(path: string, error: unknown): FileError {
  if (error instanceof FrontMatterError || error instanceof GuideFormatError) {
    return { path, message: error.message, ...(error.line ? { line: error.line } : {}), ...(error.column ? { column: error.column } : {}) };
  }
  if (error instanceof InputError) return { path, message: error.message };
  return { path, message: `could not be checked: ${(error as Error).message}` };
}

export async function lintFiles(paths: string[], options: Pick<LintCommandOptions, 'lang' | 'quiet' | 'stdinFilename'>): Promise<LintReport> {
  const rules = defaultRuleSet();
  const found = await discover(paths.length > 0 ? paths : ['.']);
  const results: FileResult[] = [];
  const errors: FileError[] = found.missing.map((m) => ({ path: m.path, message: m.message }));
  const inputs: Array<{ path: string; read: () => Promise<{ text: string }> }> = found.files.map((path) => ({ path, read: () => readInputFile(path) }));
  if (found.stdin) inputs.push({ path: options.stdinFilename ?? '<stdin>', read: readStdin });
  for (const input of inputs) {
    try {
      const { text } = await input.read();
      const guide = parseGuide(input.path, text, rules, { lang: options.lang });
      let messages = lintGuide(guide, rules);
      if (options.quiet) messages = messages.filter((m) => m.severity === 'error');
      results.push({ path: input.path, lang: guide.lang, messages });
    } catch (error) {
      errors.push(located(input.path, error));
    }
  }
  return buildLintReport(VERSION, results, errors);
}

export function exitCodeFor(report: LintReport, maxWarnings: number | undefined): number {
  if (report.fileErrors.length > 0) return 2;
  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && report.summary.warnings > maxWarnings) return 1;
  return 0;
}

export async function runLint(paths: string[], options: LintCommandOptions): Promise<number> {
  const report = await lintFiles(paths, options);
  const text = options.format === 'json' ? formatJson(report) : formatStylish(report, { color: options.color && !options.output });
  if (options.output) writeOutputFile(options.output, text, report.files.map((f) => f.path));
  else process.stdout.write(text);
  const code = exitCodeFor(report, options.maxWarnings);
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && report.summary.warnings > options.maxWarnings && options.format === 'stylish') {
    process.stderr.write(`interview-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
  }
  return code;
}
