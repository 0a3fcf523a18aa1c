/** `interview-lint analyze`: notes and transcripts → extracts, interviewer issues and a panel summary. */
import { ConfigResolver } from '../config/resolve-config.js';
import { NOTES_EXTENSIONS } from '../input/discover.js';
import { analyseInterview, parseInterview } from '../notes/interview.js';
import { allTags, tagMeaning } from '../notes/extract.js';
import { addAliases, loadNotesRules, readCodebook, type NotesRules } from '../notes/load.js';
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
import { collectInputs, located, type Input } from './inputs.js';
import { DEFAULT_CACHE_LOCATION, ResultCache, sha1 } from './cache.js';
import { runPool, workerCount, type Concurrency } from './pool.js';
import type { EffectiveConfig } from '../config/resolve-config.js';
import { readFileSync } from 'node:fs';
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
  cache?: boolean;
  cacheLocation?: string;
  concurrency?: Concurrency;
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

export interface AnalyzeContext {
  base: RuleSet;
  notesRules: NotesRules;
  resolver: ConfigResolver;
  withConfig: Map<string, NotesRules>;
  options: Omit<AnalyzeCommandOptions, 'format' | 'color'>;
  cache?: ResultCache;
}

/** What one file gives: its result (before redaction and private fields), or why it could not be read. */
export interface FileOutcome {
  path: string;
  result?: InterviewResult;
  tags?: string[];
  error?: AnalyzeReport['fileErrors'][number];
  ruleSet?: RuleSet;
  redactFields: string[];
  privateFields: string[];
  skipped?: boolean;
  /** Cache key of the file's result (with --cache). */
  key?: string;
}

function notesRulesFor(ctx: AnalyzeContext, config: EffectiveConfig): NotesRules {
  // The codebook of a file: the shipped one, --codebook files, then the configuration's aliases.
  const key = JSON.stringify(config.codebook);
  let rules = ctx.withConfig.get(key);
  if (!rules) {
    rules = Object.keys(config.codebook).length === 0 ? ctx.notesRules : { ...ctx.notesRules, codebook: addAliases(new Map(ctx.notesRules.codebook), config.codebook, config.configs[config.configs.length - 1]?.file ?? '.') };
    ctx.withConfig.set(key, rules);
  }
  return rules;
}

export async function analyzeInput(ctx: AnalyzeContext, input: Pick<Input, 'path' | 'explicit' | 'read'>, keyOnly = false): Promise<FileOutcome> {
  let config: EffectiveConfig;
  try {
    config = ctx.resolver.forFile(input.path);
  } catch (error) {
    return { path: input.path, error: located(input.path, error), redactFields: [], privateFields: [] };
  }
  const outcome: FileOutcome = { path: input.path, ruleSet: config.ruleSet, redactFields: config.redactFields, privateFields: config.privateFields };
  if (config.ignored && !input.explicit) return { ...outcome, skipped: true };
  try {
    const { text, encoding } = await input.read(ctx.options.maxFileSize ?? config.maxFileSize);
    let key: string | undefined;
    if (ctx.cache) {
      key = ResultCache.key(text, { command: 'analyze', lang: ctx.options.lang, codebooks: ctx.options.codebook.map((f) => sha1(readFileSync(f))), configs: config.configs.map((c) => c.data), encoding });
      if (keyOnly) return { ...outcome, key };
      const cached = ctx.cache.get<{ result: InterviewResult; tags: string[] }>('analyze', input.path, key);
      if (cached) return { ...outcome, ...cached, key };
    }
    const rules = notesRulesFor(ctx, config);
    const interview = parseInterview(input.path, text, rules, { lang: ctx.options.lang, fallbackLang: config.lang });
    const result = analyseInterview(interview, rules, config.ruleSet, config.settings);
    result.interviewerIssues = applyDirectives(result.interviewerIssues, parseDirectives(interview.source, 'html')).kept;
    const notice = encodingNotice(encoding, interview.lang);
    if (notice) result.notices = [notice];
    const tags = allTags(interview.source, interview.utterances);
    if (ctx.cache && key) ctx.cache.set('analyze', input.path, key, { result, tags });
    return { ...outcome, result, tags, ...(key ? { key } : {}) };
  } catch (error) {
    return { ...outcome, error: located(input.path, error) };
  }
}

export interface AnalyzeFilesResult extends AnalyzeRun {
  /** Every file read (an output file may not be one of them). */
  inputs?: string[];
  /** The output of an identical earlier run (--cache). */
  reused?: { output: string; code: number };
  /** With --cache: a key for the whole run (every file's key and the errors), to reuse the output. */
  runKey?: string;
}

export type AnalyzeOptions = Omit<AnalyzeCommandOptions, 'format' | 'color'>;

/** Everything a thread needs to analyze files: rules, configuration resolver, options. */
export function createAnalyzeContext(options: AnalyzeOptions, cache?: ResultCache): AnalyzeContext {
  const base = defaultRuleSet();
  // The lexicons are compiled on first use: a run whose output comes from the cache never needs them.
  // --codebook files are checked now, so that a bad one stops the run before anything is read.
  for (const file of options.codebook) {
    try {
      readCodebook(file);
    } catch (error) {
      if (error instanceof RuleLoadError) throw new OutputError(`invalid codebook: ${error.message}`);
      throw error;
    }
  }
  let notesRules: NotesRules | undefined;
  const resolver = new ConfigResolver(base, options.config);
  return {
    base,
    get notesRules() {
      notesRules ??= baseNotesRules(options.codebook);
      return notesRules;
    },
    resolver,
    withConfig: new Map(),
    options,
    ...(cache ? { cache } : {}),
  };
}

export async function analyzeFiles(
  paths: string[],
  options: Omit<AnalyzeCommandOptions, 'format' | 'color'>,
  cache?: ResultCache,
  reusable?: (runKey: string) => { output: string; code: number } | undefined,
): Promise<AnalyzeFilesResult> {
  const tags = new Map<string, string[]>();
  let ctx: AnalyzeContext;
  try {
    ctx = createAnalyzeContext(options, cache);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    const base = defaultRuleSet();
    return { report: buildAnalyzeReport(VERSION, { results: [], errors: [located(options.config ?? '.', error)], tags, groupBy: options.groupBy, knownTag: () => true }), ruleSet: base };
  }
  const base = ctx.base;
  const { inputs, errors } = await collectInputs(paths, NOTES_EXTENSIONS, { stdinFilename: options.stdinFilename, ignorePatterns: options.ignorePattern ?? [] });
  const progress = createProgress(inputs.length, progressEnabled({ quiet: options.quiet, total: inputs.length }));
  let keys: FileOutcome[] | undefined;
  if (cache) {
    // With --cache, first only the keys: when the whole run is unchanged its output is reused as is.
    keys = await mapLimit(inputs, 16, (input) => analyzeInput(ctx, input, true));
    const runKey = runKeyOf(ctx, keys, errors);
    const output = reusable?.(runKey);
    if (output) return { report: undefined as unknown as AnalyzeReport, ruleSet: base, runKey, inputs: keys.map((k) => k.path), reused: output };
  }
  const outcomes = new Array<FileOutcome>(inputs.length);
  const todo: number[] = [];
  inputs.forEach((input, i) => {
    const key = keys?.[i]?.key;
    const cached = cache && key ? cache.get<{ result: InterviewResult; tags: string[] }>('analyze', input.path, key) : undefined;
    if (cached && keys?.[i]) outcomes[i] = { ...(keys[i] as FileOutcome), ...cached };
    else todo.push(i);
  });
  const stdinTasks = todo.filter((i) => inputs[i]?.stdin === true);
  const poolSize = workerCount(options.concurrency ?? 'auto', todo.length);
  const inline = poolSize > 0 ? stdinTasks : todo;
  if (poolSize > 0) {
    const pooled = todo.filter((i) => !stdinTasks.includes(i));
    const data: AnalyzeOptions = { ...options, concurrency: 'off' };
    await runPool<{ path: string; explicit: boolean }, FileOutcome>(new URL('./analyze-worker.js', import.meta.url), data, poolSize, pooled.map((i) => ({ path: (inputs[i] as Input).path, explicit: (inputs[i] as Input).explicit })), (t, outcome) => {
      const i = pooled[t] as number;
      progress.tick(outcome.path);
      const ruleSet = outcome.error ? undefined : safeRuleSet(ctx, outcome.path);
      outcomes[i] = { ...outcome, ...(ruleSet ? { ruleSet } : {}), ...(keys?.[i]?.key ? { key: keys[i]?.key } : {}) };
    });
  }
  for (const i of inline) {
    progress.tick((inputs[i] as Input).path);
    outcomes[i] = await analyzeInput(ctx, inputs[i] as Input);
  }
  progress.done();
  if (cache) {
    for (const [i, outcome] of outcomes.entries()) {
      const key = keys?.[i]?.key;
      if (key && outcome.result && todo.includes(i)) cache.set('analyze', outcome.path, key, { result: outcome.result, tags: outcome.tags ?? [] });
    }
  }
  return assemble(ctx, outcomes, errors, tags);
}

function safeRuleSet(ctx: AnalyzeContext, path: string): RuleSet | undefined {
  try {
    return ctx.resolver.forFile(path).ruleSet;
  } catch {
    return undefined;
  }
}

/** Map with at most `limit` promises in flight; results in input order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every file's key (which covers its content) and the discovery errors: the same key, the same output. */
function runKeyOf(ctx: AnalyzeContext, outcomes: FileOutcome[], discoveryErrors: AnalyzeReport['fileErrors']): string {
  const files = outcomes.map((o) => [o.path, o.key ?? (o.error ? `error:${o.error.message}` : null), o.skipped ?? false]);
  return sha1(JSON.stringify({ files, errors: discoveryErrors, groupBy: ctx.options.groupBy, redact: ctx.options.redact ?? false }));
}

function assemble(ctx: AnalyzeContext, outcomes: FileOutcome[], errors: AnalyzeReport['fileErrors'], tags: Map<string, string[]>): AnalyzeFilesResult {
  const runKey = ctx.cache ? runKeyOf(ctx, outcomes, errors) : undefined;
  const results: InterviewResult[] = [];
  const redactor = new Redactor();
  let ruleSet = ctx.base;
  for (const outcome of outcomes) {
    if (outcome.skipped) continue;
    if (outcome.ruleSet && outcome.ruleSet.rules.length > ruleSet.rules.length) ruleSet = outcome.ruleSet;
    if (outcome.error) {
      // A broken configuration is reported once, not once per file it governs.
      if (!errors.some((e) => e.path === outcome.error?.path && e.message === outcome.error.message)) errors.push(outcome.error);
      continue;
    }
    if (!outcome.result) continue;
    redactor.addNames(outcome.result.meta, outcome.redactFields);
    results.push({ ...outcome.result, meta: withoutPrivateFields(outcome.result.meta, outcome.privateFields) });
    tags.set(outcome.path, outcome.tags ?? []);
  }
  const known = (tag: string): boolean => [...ctx.withConfig.values(), ctx.notesRules].some((r) => tagMeaning(tag, r) !== undefined);
  let report: AnalyzeReport | undefined;
  const build = (): AnalyzeReport => {
    if (!report) {
      const built = buildAnalyzeReport(VERSION, { results, errors, tags, groupBy: ctx.options.groupBy, knownTag: known });
      report = ctx.options.redact ? redactor.deep(built) : built;
    }
    return report;
  };
  return {
    get report() {
      return build();
    },
    ruleSet,
    inputs: outcomes.map((o) => o.path),
    ...(runKey ? { runKey } : {}),
  };
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
  const cache = options.cache ? new ResultCache(options.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  const color = options.color && !options.output;
  const fullKey = (runKey: string): string => sha1(`${runKey}\n${options.format}\n${color}`);
  const run = await analyzeFiles(paths, options, cache, (runKey) => cache?.run('analyze', fullKey(runKey)));
  const text = run.reused?.output ?? formatAnalyzeReport(run, options.format, color);
  const code = run.reused?.code ?? (run.report.fileErrors.length > 0 ? 2 : 0);
  if (options.output) writeOutputFile(options.output, text, run.inputs ?? []);
  else process.stdout.write(text);
  if (cache && run.runKey) {
    if (!run.reused) cache.setRun('analyze', fullKey(run.runKey), text, code);
    cache.save();
  }
  return code;
}
