/** `interview-lint lint`: guides → findings, after configuration, overrides and inline directives. */
import { compareCodeUnits } from '../compare.js';
import { ConfigResolver } from '../config/resolve-config.js';
import { parseGuide } from '../document/guide.js';
import { GUIDE_EXTENSIONS } from '../input/discover.js';
import { applyDirectives, parseDirectives, unknownRuleFindings, unusedDirectiveFindings } from '../rules/directives.js';
import { compareFindings, lintGuide } from '../rules/engine.js';
import { defaultRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { formatCompact } from '../report/format-compact.js';
import { formatGithub } from '../report/format-github.js';
import { formatJson } from '../report/format-json.js';
import { formatSarif } from '../report/format-sarif.js';
import { formatStylish } from '../report/format-stylish.js';
import { buildLintReport, type LintReport } from '../report/lint-report.js';
import type { FileResult, Lang } from '../types.js';
import { collectInputs, located, type Input } from './inputs.js';
import { DEFAULT_CACHE_LOCATION, ResultCache, sha1 } from './cache.js';
import { writeWhole, type Destination } from './output.js';
import { checkRunOutputs } from './run-outputs.js';
import { collectGarbage } from './memory.js';
import { letSignalsIn } from './temp-files.js';
import { writeLine, writeStderr } from './stdout.js';
import { createProgress, progressEnabled } from './progress.js';
import { VERSION } from './version.js';
import { encodingNotice } from '../input/read.js';
import { Redactor } from '../report/redact.js';

import type { LINT_FORMATS } from './main.js';

export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintCommandOptions {
  format: LintFormat;
  output?: string;
  lang: Lang | 'auto';
  maxWarnings?: number;
  quiet: boolean;
  color: boolean;
  stdinFilename?: string;
  config?: string;
  ignorePattern?: string[];
  reportUnusedDisableDirectives?: boolean;
  redact?: boolean;
  maxFileSize?: number;
  cache?: boolean;
  cacheLocation?: string;
}

export interface LintRun {
  report: LintReport;
  /** The rules in force (shipped and house rules), for formats that describe them. */
  ruleSet: RuleSet;
}

export interface LintFilesHooks {
  /** Called once the inputs are known, before any is read or anything written (checks where outputs go). */
  beforeRead?: (inputs: Input[]) => void;
}

export async function lintFiles(paths: string[], options: Omit<LintCommandOptions, 'format' | 'color'>, cache?: ResultCache, hooks: LintFilesHooks = {}): Promise<LintRun> {
  const base = defaultRuleSet();
  const errors: LintReport['fileErrors'] = [];
  let resolver: ConfigResolver;
  try {
    resolver = new ConfigResolver(base, options.config, writeLine);
  } catch (error) {
    return { report: buildLintReport(VERSION, [], [located(options.config ?? '.', error)]), ruleSet: base };
  }
  const collected = await collectInputs(paths, GUIDE_EXTENSIONS, { stdinFilename: options.stdinFilename, ignorePatterns: options.ignorePattern ?? [] });
  errors.push(...collected.errors);
  hooks.beforeRead?.(collected.inputs);
  const results: FileResult[] = [];
  const progress = createProgress(collected.inputs.length, progressEnabled({ quiet: options.quiet, total: collected.inputs.length }));
  let ruleSet = base;
  const badConfigs = new Set<string>();
  for (const input of collected.inputs) {
    await letSignalsIn();
    progress.tick(input.path);
    try {
      const config = resolver.forFile(input.path);
      if (config.ignored && !input.explicit) continue;
      if (config.ruleSet.rules.length > ruleSet.rules.length) ruleSet = config.ruleSet;
      const { text, encoding, replacedLines } = await input.read(options.maxFileSize ?? config.maxFileSize);
      const key = cache ? ResultCache.key(sha1(text), { command: 'lint', path: input.path, lang: options.lang, quiet: options.quiet, unused: options.reportUnusedDisableDirectives ?? false, configs: config.configs.map((c) => c.data), encoding }) : undefined;
      // Under --redact no raw result is kept on disk.
      const keep = cache && key && !options.redact ? cache : undefined;
      const cached = keep && key ? keep.get<FileResult>('lint', input.path, key) : undefined;
      if (cached) {
        results.push(cached);
        continue;
      }
      const guide = parseGuide(input.path, text, config.ruleSet, { lang: options.lang, fallbackLang: config.lang, afterChunks: collectGarbage });
      const directives = parseDirectives(guide.source, guide.format === 'markdown' ? 'html' : 'hash');
      const { kept, unused } = applyDirectives(lintGuide(guide, config.ruleSet, config.settings), directives);
      const known = new Set(config.ruleSet.rules.map((r) => r.id));
      const extra = [...unknownRuleFindings(directives, known, guide.lang), ...(options.reportUnusedDisableDirectives ? unusedDirectiveFindings(unused, guide.lang) : [])];
      let messages = extra.length > 0 ? [...kept, ...extra].sort(compareFindings) : kept;
      const notice = encodingNotice(encoding, guide.lang, replacedLines);
      if (notice) messages = [{ ruleId: 'file-encoding', severity: 'info' as const, message: notice, line: replacedLines?.[0] ?? 1, column: 1, endLine: replacedLines?.[0] ?? 1, endColumn: 1, text: '' }, ...messages];
      if (options.quiet) messages = messages.filter((m) => m.severity === 'error');
      results.push({ path: input.path, lang: guide.lang, messages });
      if (keep && key) keep.set('lint', input.path, key, { path: input.path, lang: guide.lang, messages });
    } catch (error) {
      const fileError = located(input.path, error);
      // A broken configuration is reported once, not once per file it governs.
      if (badConfigs.has(`${fileError.path}:${fileError.message}`)) continue;
      badConfigs.add(`${fileError.path}:${fileError.message}`);
      errors.push(fileError);
    }
  }
  progress.done();
  const report = buildLintReport(VERSION, results, errors);
  if (!options.redact) return { report, ruleSet };
  const redactor = new Redactor();
  redactor.setPaths([...report.files.map((f) => f.path), ...report.fileErrors.map((e) => e.path)].sort(compareCodeUnits));
  return { report: redactor.deep(report), ruleSet };
}

export function exitCodeFor(report: LintReport, maxWarnings: number | undefined): number {
  if (report.fileErrors.length > 0) return 2;
  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && report.summary.warnings > maxWarnings) return 1;
  return 0;
}

/**
 * The lint report formats, one entry each (the CLI's choices come from LINT_FORMATS; the type makes
 * every name have its renderer here). A new format is a name, a module in src/report/ and one line.
 */
const LINT_RENDERERS: Record<LintFormat, (run: LintRun, color: boolean) => string> = {
  stylish: (run, color) => formatStylish(run.report, { color }),
  json: (run) => formatJson(run.report),
  sarif: (run) => formatSarif(run.report, run.ruleSet, VERSION),
  github: (run) => formatGithub(run.report),
  compact: (run) => formatCompact(run.report),
};

export function formatLintReport(run: LintRun, format: LintFormat, color: boolean): string {
  return LINT_RENDERERS[format](run, color);
}

export async function runLint(paths: string[], options: LintCommandOptions): Promise<number> {
  const cache = options.cache ? new ResultCache(options.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  let destination: Destination | undefined;
  let checked = false;
  const run = await lintFiles(paths, options, cache, {
    beforeRead: (inputs) => {
      destination = checkRunOutputs(inputs, options.output, cache);
      checked = true;
    },
  });
  // A configuration error stops the run before the inputs are collected: the report still goes where asked.
  if (!checked) destination = checkRunOutputs([], options.output, undefined);
  cache?.save();
  const text = formatLintReport(run, options.format, options.color && !options.output);
  writeWhole(destination, text);
  const code = exitCodeFor(run.report, options.maxWarnings);
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && run.report.summary.warnings > options.maxWarnings && options.format === 'stylish') {
    writeStderr(`interview-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
  }
  return code;
}
