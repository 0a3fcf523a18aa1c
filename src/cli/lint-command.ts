import { parseGuide } from '../document/guide.js';
import { GUIDE_EXTENSIONS } from '../input/discover.js';
import { collectInputs, located } from './inputs.js';
import { lintGuide } from '../rules/engine.js';
import { defaultRuleSet } from '../rules/load.js';
import { formatJson } from '../report/format-json.js';
import { formatStylish } from '../report/format-stylish.js';
import { buildLintReport, type LintReport } from '../report/lint-report.js';
import type { FileResult, Lang } from '../types.js';
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


export async function lintFiles(paths: string[], options: Pick<LintCommandOptions, 'lang' | 'quiet' | 'stdinFilename'>): Promise<LintReport> {
  const rules = defaultRuleSet();
  const { inputs, errors } = await collectInputs(paths, GUIDE_EXTENSIONS, options.stdinFilename);
  const results: FileResult[] = [];
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
