/** `interview-lint analyze`: notes and transcripts → extracts, interviewer issues and a panel summary. */
import { ConfigResolver } from '../config/resolve-config.js';
import { NOTES_EXTENSIONS } from '../input/discover.js';
import { analyseInterview, parseInterview } from '../notes/interview.js';
import { allTags, tagMeaning } from '../notes/extract.js';
import { addAliases, loadNotesRules, type NotesRules } from '../notes/load.js';
import type { InterviewResult } from '../notes/types.js';
import { buildAnalyzeReport, type AnalyzeReport } from '../report/analyze-report.js';
import { formatAnalyzeMarkdown } from '../report/format-analyze-markdown.js';
import { formatAnalyzeStylish } from '../report/format-analyze-stylish.js';
import { buildLintReport } from '../report/lint-report.js';
import { RuleLoadError } from '../rules/data.js';
import { applyDirectives, parseDirectives } from '../rules/directives.js';
import { defaultRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import type { Lang } from '../types.js';
import { collectInputs, located } from './inputs.js';
import { formatLintReport } from './lint-command.js';
import { OutputError, writeOutputFile } from './output.js';
import { createProgress, progressEnabled } from './progress.js';
import { VERSION } from './version.js';
import { encodingNotice } from '../input/read.js';
import { Redactor, withoutPrivateFields } from '../report/redact.js';

import type { ANALYZE_FORMATS } from './main.js';

export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

export interface AnalyzeCommandOptions {
  format: AnalyzeFormat;
  output?: string;
  lang: Lang | 'auto';
  codebook: string[];
  groupBy: string[];
  color: boolean;
  quiet?: boolean;
  stdinFilename?: string;
  config?: string;
  ignorePattern?: string[];
  redact?: boolean;
  maxFileSize?: number;
}

export interface AnalyzeRun {
  report: AnalyzeReport;
  ruleSet: RuleSet;
}

function baseNotesRules(codebooks: string[]): NotesRules {
  try {
    return loadNotesRules(undefined, codebooks);
  } catch (error) {
    if (error instanceof RuleLoadError) throw new OutputError(`invalid codebook: ${error.message}`);
    throw error;
  }
}

export async function analyzeFiles(paths: string[], options: Omit<AnalyzeCommandOptions, 'format' | 'color'>): Promise<AnalyzeRun> {
  const base = defaultRuleSet();
  const notesRules = baseNotesRules(options.codebook);
  const withConfig = new Map<string, NotesRules>();
  const results: InterviewResult[] = [];
  const tags = new Map<string, string[]>();
  const empty = (errors: AnalyzeReport['fileErrors']): AnalyzeRun => ({
    report: buildAnalyzeReport(VERSION, { results: [], errors, tags, groupBy: options.groupBy, knownTag: () => true }),
    ruleSet: base,
  });
  let resolver: ConfigResolver;
  try {
    resolver = new ConfigResolver(base, options.config);
  } catch (error) {
    return empty([located(options.config ?? '.', error)]);
  }
  const { inputs, errors } = await collectInputs(paths, NOTES_EXTENSIONS, { stdinFilename: options.stdinFilename, ignorePatterns: options.ignorePattern ?? [] });
  const progress = createProgress(inputs.length, progressEnabled({ quiet: options.quiet, total: inputs.length }));
  let ruleSet = base;
  const redactor = new Redactor();
  for (const input of inputs) {
    progress.tick(input.path);
    try {
      const config = resolver.forFile(input.path);
      if (config.ignored && !input.explicit) continue;
      if (config.ruleSet.rules.length > ruleSet.rules.length) ruleSet = config.ruleSet;
      // The codebook of this file: the shipped one, --codebook files, then the configuration's aliases.
      const key = JSON.stringify(config.codebook);
      let rules = withConfig.get(key);
      if (!rules) {
        rules = Object.keys(config.codebook).length === 0 ? notesRules : { ...notesRules, codebook: addAliases(new Map(notesRules.codebook), config.codebook, config.configs[config.configs.length - 1]?.file ?? '.') };
        withConfig.set(key, rules);
      }
      const { text, encoding } = await input.read(options.maxFileSize ?? config.maxFileSize);
      const interview = parseInterview(input.path, text, rules, { lang: options.lang, fallbackLang: config.lang });
      const result = analyseInterview(interview, rules, config.ruleSet, config.settings);
      result.interviewerIssues = applyDirectives(result.interviewerIssues, parseDirectives(interview.source, 'html')).kept;
      redactor.addNames(result.meta, config.redactFields);
      result.meta = withoutPrivateFields(result.meta, config.privateFields);
      const notice = encodingNotice(encoding, interview.lang);
      if (notice) result.notices = [notice];
      results.push(result);
      tags.set(input.path, allTags(interview.source, interview.utterances));
    } catch (error) {
      errors.push(located(input.path, error));
    }
  }
  progress.done();
  const known = (tag: string): boolean => [...withConfig.values(), notesRules].some((r) => tagMeaning(tag, r) !== undefined);
  const report = buildAnalyzeReport(VERSION, { results, errors, tags, groupBy: options.groupBy, knownTag: known });
  return { report: options.redact ? redactor.deep(report) : report, ruleSet };
}

/** The interviewer checks of an analysis as a lint report (for sarif, github and compact). */
function interviewerReport(report: AnalyzeReport) {
  return buildLintReport(
    VERSION,
    report.interviews.map((i) => ({ path: i.path, lang: i.lang, messages: i.interviewerIssues })),
    report.fileErrors,
  );
}

export function formatAnalyzeReport(run: AnalyzeRun, format: AnalyzeFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(run.report, null, 2)}\n`;
    case 'markdown':
      return formatAnalyzeMarkdown(run.report);
    case 'stylish':
      return formatAnalyzeStylish(run.report, { color });
    default:
      return formatLintReport({ report: interviewerReport(run.report), ruleSet: run.ruleSet }, format, color);
  }
}

export async function runAnalyze(paths: string[], options: AnalyzeCommandOptions): Promise<number> {
  const run = await analyzeFiles(paths, options);
  const text = formatAnalyzeReport(run, options.format, options.color && !options.output);
  if (options.output) writeOutputFile(options.output, text, run.report.interviews.map((i) => i.path));
  else process.stdout.write(text);
  return run.report.fileErrors.length > 0 ? 2 : 0;
}
