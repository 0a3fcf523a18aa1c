/** `interview-lint analyze`: notes and transcripts → extracts, interviewer issues and a panel summary. */
import { compareCodeUnits } from '../compare.js';
import { closeSync, readFileSync } from 'node:fs';
import { ConfigResolver, type EffectiveConfig } from '../config/resolve-config.js';
import { NOTES_EXTENSIONS } from '../input/discover.js';
import { encodingNotice, type Decoded } from '../input/read.js';
import { allTags, tagMeaning } from '../notes/extract.js';
import { analyseInterview, parseInterview } from '../notes/interview.js';
import { isRoleLabel } from '../notes/speaker-roles.js';
import { addAliases, loadNotesRules, readCodebook, type Codebook, type KindLexicon, type NotesRules } from '../notes/load.js';
import { mergeLexicons, readUserLexicon } from '../notes/user-lexicon.js';
import { DEFAULT_SATURATION, type SaturationOptions } from '../report/saturation.js';
import type { InterviewResult } from '../notes/types.js';
import { JsonReportWriter, serializeInterview } from '../report/analyze-json-stream.js';
import { buildAnalyzeReport, SummaryBuilder, summaryPart, type AnalyzeReport, type SummaryPart } from '../report/analyze-report.js';
import { formatAnalyzeCsv } from '../report/format-analyze-csv.js';
import { formatAnalyzeHtml } from '../report/format-analyze-html.js';
import { formatAnalyzeQdc, formatAnalyzeQdpx, type NoteSources } from '../report/format-analyze-qdpx.js';
import { formatAnalyzeMarkdown } from '../report/format-analyze-markdown.js';
import { formatAnalyzeStylish } from '../report/format-analyze-stylish.js';
import { buildLintReport, SCHEMA_VERSION, TOOL_NAME } from '../report/lint-report.js';
import { Redactor, withoutPrivateFields } from '../report/redact.js';
import { RuleLoadError } from '../rules/data.js';
import { applyDirectives, parseDirectives, unknownRuleFindings } from '../rules/directives.js';
import { compareFindings } from '../rules/engine.js';
import { defaultRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import type { Lang } from '../types.js';
import { DEFAULT_CACHE_LOCATION, ResultCache, sha1 } from './cache.js';
import { collectInputs, located, type Input } from './inputs.js';
import { formatLintReport, type LintFormat } from './lint-command.js';
import { OutputError, OutputStream, writeWhole, type Destination } from './output.js';
import { checkRunOutputs } from './run-outputs.js';
import { letSignalsIn } from './temp-files.js';
import { writeLine } from './stdout.js';
import { runPool, workerCount, type Concurrency } from './pool.js';
import { GC_EVERY_BYTES, MemoryKeeper } from './memory.js';
import { createProgress, progressEnabled } from './progress.js';
import { VERSION } from './version.js';
import type { ANALYZE_FORMATS } from './main.js';

export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

export interface AnalyzeCommandOptions {
  format: AnalyzeFormat;
  output?: string;
  lang: Lang | 'auto';
  codebook: string[];
  /** Lexicons the user adds (YAML in the shipped format, or word lists). */
  lexicon?: string[];
  /** Extracts below this confidence are left out (tags are 1). */
  minConfidence?: number;
  /** Keep each note's text for the report (the REFI-QDA project holds the notes). */
  keepSources?: boolean;
  /** Saturation parameters (base size, run length, new-information threshold). */
  saturationBase?: number;
  saturationRun?: number;
  saturationThreshold?: number;
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
  /**
   * Prepare each interview where it is analysed (serialized JSON and summary part), so that the thread
   * writing the report only writes and adds up: set for the JSON report without --redact.
   */
  prepare?: boolean;
}

/** An interview ready for the JSON report: its serialized form and what it adds to the summary. */
export interface PreparedInterview {
  json: string;
  part: SummaryPart;
}

/** Private front-matter fields dropped, then serialized and summarised. */
export function prepareInterview(result: InterviewResult, tags: string[], privateFields: string[]): PreparedInterview {
  const shown: InterviewResult = { ...result, meta: withoutPrivateFields(result.meta, privateFields) };
  return { json: serializeInterview(shown), part: summaryPart(shown, tags) };
}

export interface AnalyzeRun {
  report: AnalyzeReport;
  ruleSet: RuleSet;
  /** The notes' texts, by path (for the REFI-QDA project). */
  sources?: NoteSources;
}

export interface AnalyzeContext {
  base: RuleSet;
  notesRules: NotesRules;
  resolver: ConfigResolver;
  withConfig: Map<string, NotesRules>;
  options: Omit<AnalyzeCommandOptions, 'format' | 'color'>;
  cache?: ResultCache;
  /** Content hashes of the --codebook files (part of every cache key). */
  codebookHashes: string[];
}

/** What one file gives: its result (before redaction and private fields), or why it could not be read. */
export interface FileOutcome {
  path: string;
  result?: InterviewResult;
  tags?: string[];
  /** With the `prepare` option, instead of `result` and `tags`. */
  prepared?: PreparedInterview;
  error?: AnalyzeReport['fileErrors'][number];
  ruleSet?: RuleSet;
  redactFields: string[];
  privateFields: string[];
  skipped?: boolean;
  /** Cache key of the file's result (with --cache). */
  key?: string;
  /** The note's text, as the extracts' positions refer to it (with `keepSources`). */
  source?: string;
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

export async function analyzeInput(ctx: AnalyzeContext, input: Pick<Input, 'path' | 'explicit' | 'read' | 'stdin'>, keyOnly = false): Promise<FileOutcome> {
  let config: EffectiveConfig;
  try {
    config = ctx.resolver.forFile(input.path);
  } catch (error) {
    return { path: input.path, error: located(input.path, error), redactFields: [], privateFields: [] };
  }
  const outcome: FileOutcome = { path: input.path, ruleSet: config.ruleSet, redactFields: config.redactFields, privateFields: config.privateFields };
  if (config.ignored && !input.explicit) return { ...outcome, skipped: true };
  try {
    if (keyOnly && ctx.cache) {
      // The cache key: the content's hash (always read: an edit can keep the size and modification
      // time), the options and the configuration.
      const { text, encoding } = await input.read(ctx.options.maxFileSize ?? config.maxFileSize);
      return { ...outcome, key: ResultCache.key(sha1(text), { command: 'analyze', lang: ctx.options.lang, codebooks: ctx.codebookHashes, minConfidence: ctx.options.minConfidence ?? 0, configs: config.configs.map((c) => c.data), encoding }) };
    }
    const { text, encoding, replacedLines } = await input.read(ctx.options.maxFileSize ?? config.maxFileSize);
    const rules = notesRulesFor(ctx, config);
    const interview = parseInterview(input.path, text, rules, { lang: ctx.options.lang, fallbackLang: config.lang });
    const result = analyseInterview(interview, rules, config.ruleSet, config.settings);
    const floor = ctx.options.minConfidence;
    if (floor !== undefined && floor > 0) result.extracts = result.extracts.filter((e) => e.confidence >= floor);
    // Private front-matter fields leave here: neither the report nor the cache ever holds them.
    result.meta = withoutPrivateFields(result.meta, config.privateFields);
    const directives = parseDirectives(interview.source, 'html');
    result.interviewerIssues = applyDirectives(result.interviewerIssues, directives).kept;
    const unknown = unknownRuleFindings(directives, new Set(config.ruleSet.rules.map((r) => r.id)), interview.lang);
    if (unknown.length > 0) result.interviewerIssues = [...result.interviewerIssues, ...unknown].sort(compareFindings);
    const notice = encodingNotice(encoding, interview.lang, replacedLines);
    const notices = [...(notice ? [notice] : []), ...(interview.notices ?? [])];
    if (notices.length > 0) result.notices = notices;
    const tags = allTags(interview.source, interview.utterances);
    if (ctx.options.prepare) return { ...outcome, prepared: prepareInterview(result, tags, config.privateFields) };
    return { ...outcome, result, tags, ...(ctx.options.keepSources ? { source: interview.source } : {}) };
  } catch (error) {
    return { ...outcome, error: located(input.path, error) };
  }
}

export type AnalyzeOptions = Omit<AnalyzeCommandOptions, 'format' | 'color'>;

/** Everything a thread needs to analyze files: rules, configuration resolver, options. */
export function createAnalyzeContext(options: AnalyzeOptions, cache?: ResultCache): AnalyzeContext {
  const base = defaultRuleSet();
  // --codebook files are read (and checked) now, so that a bad one stops the run before anything else;
  // the lexicons are compiled on first use: a run whose output comes from the cache never needs them.
  const extraCodebook: Codebook = new Map();
  const codebookHashes: string[] = [];
  for (const file of options.codebook) {
    try {
      readCodebook(file, extraCodebook);
      codebookHashes.push(sha1(readFileSync(file)));
    } catch (error) {
      if (error instanceof RuleLoadError) throw new OutputError(`invalid codebook: ${error.message}`);
      throw error;
    }
  }
  // --lexicon files too: read and checked now, their content part of every cache key.
  const extraLexicons: KindLexicon[] = [];
  for (const file of options.lexicon ?? []) {
    try {
      extraLexicons.push(readUserLexicon(file));
      codebookHashes.push(sha1(readFileSync(file)));
    } catch (error) {
      if (error instanceof RuleLoadError) throw new OutputError(`invalid lexicon: ${error.message}`);
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === 'string') throw new OutputError(`cannot read lexicon ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      throw error;
    }
  }
  let notesRules: NotesRules | undefined;
  const resolver = new ConfigResolver(base, options.config, writeLine);
  return {
    base,
    get notesRules() {
      if (!notesRules) {
        const shipped = loadNotesRules(undefined, extraCodebook);
        notesRules = extraLexicons.length === 0 ? shipped : { ...shipped, lexicons: mergeLexicons(shipped.lexicons, extraLexicons), emotionCategories: new Set([...shipped.emotionCategories, ...extraLexicons.flatMap((l) => l.categories.map((c) => c.name))]) };
      }
      return notesRules;
    },
    resolver,
    withConfig: new Map(),
    options,
    codebookHashes,
    ...(cache ? { cache } : {}),
  };
}

/** Map with at most `limit` promises in flight; results in input order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
      await letSignalsIn();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every file's key (which covers its content) and the discovery errors: the same key, the same output. */
function runKeyOf(ctx: AnalyzeContext, outcomes: FileOutcome[], discoveryErrors: AnalyzeReport['fileErrors']): string {
  const files = outcomes.map((o) => [o.path, o.key ?? (o.error ? `error:${o.error.message}` : null), o.skipped ?? false]);
  return sha1(JSON.stringify({ files, errors: discoveryErrors, groupBy: ctx.options.groupBy, redact: ctx.options.redact ?? false, saturation: saturationOptions(ctx.options) }));
}

/**
 * Every file's outcome, in path order, to `consume`: cached results first, the rest on the worker pool
 * (or here), re-ordered as they come back so that at most the files in flight wait in memory.
 */
async function processInputs(ctx: AnalyzeContext, inputs: Input[], keys: FileOutcome[] | undefined, consume: (outcome: FileOutcome) => void): Promise<void> {
  const { options } = ctx;
  // Under --redact no file's raw result is kept on disk: the cache keeps only the (redacted) report.
  const cache = options.redact ? undefined : ctx.cache;
  const progress = createProgress(inputs.length, progressEnabled({ quiet: options.quiet, total: inputs.length }));
  const ready = new Map<number, FileOutcome>();
  let nextOut = 0;
  // Prepared and plain results are kept apart: a run of one kind never reads the other's entries.
  const scope = options.prepare ? 'analyze-prepared' : 'analyze';
  const memory = new MemoryKeeper(GC_EVERY_BYTES);
  const deliver = (i: number, outcome: FileOutcome, fresh: boolean): void => {
    progress.tick(outcome.path);
    memory.processed(outcome.prepared?.json.length ?? 0);
    const key = keys?.[i]?.key;
    if (fresh && cache && key && (outcome.result || outcome.prepared)) cache.set(scope, outcome.path, key, outcome.prepared ? { prepared: outcome.prepared } : { result: outcome.result, tags: outcome.tags ?? [] });
    ready.set(i, key ? { ...outcome, key } : outcome);
    while (ready.has(nextOut)) {
      consume(ready.get(nextOut) as FileOutcome);
      ready.delete(nextOut);
      nextOut++;
    }
  };
  const todo: number[] = [];
  inputs.forEach((input, i) => {
    const key = keys?.[i]?.key;
    const cached = cache && key ? cache.get<Pick<FileOutcome, 'result' | 'tags' | 'prepared'>>(scope, input.path, key) : undefined;
    if (cached && keys?.[i]) deliver(i, { ...(keys[i] as FileOutcome), ...cached }, false);
    else todo.push(i);
  });
  const poolSize = workerCount(options.concurrency ?? 'auto', todo.length);
  const inline = poolSize > 0 ? todo.filter((i) => inputs[i]?.readOnce === true) : todo;
  if (poolSize > 0) {
    const pooled = todo.filter((i) => inputs[i]?.readOnce !== true);
    const data: AnalyzeOptions = { ...options, concurrency: 'off' };
    const tasks = pooled.map((i) => ({ path: (inputs[i] as Input).path, explicit: (inputs[i] as Input).explicit }));
    await runPool<{ path: string; explicit: boolean }, FileOutcome>(
      new URL('./analyze-worker.js', import.meta.url),
      data,
      poolSize,
      tasks,
      (t, outcome) => {
        const ruleSet = outcome.error ? undefined : safeRuleSet(ctx, outcome.path);
        deliver(pooled[t] as number, { ...outcome, ...(ruleSet ? { ruleSet } : {}) }, true);
      },
      // A worker that fails (out of memory, a crash) costs only its files: each is a file error.
      (t, reason) => {
        const path = (tasks[t] as { path: string }).path;
        deliver(pooled[t] as number, { path, error: { path, message: `could not be analysed: ${reason}` }, redactFields: [], privateFields: [] }, false);
      },
      workerLimits(),
    );
  }
  // Here, the next files are read ahead: a big one (over 1 MB, read asynchronously) loads while another is
  // analysed; small ones are read at once, which costs less than the asynchronous calls would.
  const reads = new Map<number, Promise<Decoded>>();
  const prefetch = (i: number): void => {
    const input = inputs[i];
    if (!input || reads.has(i) || input.readOnce) return;
    let max: number | undefined;
    try {
      max = options.maxFileSize ?? ctx.resolver.forFile(input.path).maxFileSize;
    } catch {
      return;
    }
    const pending = input.read(max);
    pending.catch(() => undefined); // a failed read is reported when the file's turn comes
    reads.set(i, pending);
  };
  for (const [n, i] of inline.entries()) {
    for (const ahead of inline.slice(n + 1, n + 9)) prefetch(ahead);
    const input = inputs[i] as Input;
    const read = reads.get(i);
    reads.delete(i);
    deliver(i, await analyzeInput(ctx, read ? { ...input, read: () => read } : input), true);
    await letSignalsIn();
  }
  progress.done();
}

/**
 * Each worker's heap is bounded (INTERVIEW_LINT_WORKER_HEAP_MB, default 1024), so that a file that needs
 * more fails alone instead of taking the machine's memory.
 */
function workerLimits(): { resourceLimits: { maxOldGenerationSizeMb: number } } {
  const mb = Number(process.env.INTERVIEW_LINT_WORKER_HEAP_MB ?? 1024);
  return { resourceLimits: { maxOldGenerationSizeMb: Number.isFinite(mb) && mb >= 16 ? mb : 1024 } };
}

function safeRuleSet(ctx: AnalyzeContext, path: string): RuleSet | undefined {
  try {
    return ctx.resolver.forFile(path).ruleSet;
  } catch {
    return undefined;
  }
}

/**
 * --redact needs every name before the first quote is written: a first pass reads each file's front
 * matter and speaker labels (names that label turns, not role words such as "Q" or "P3"), and gives
 * every path its pseudonym.
 */
async function collectNames(ctx: AnalyzeContext, inputs: Input[], errors: AnalyzeReport['fileErrors'], redactor: Redactor): Promise<void> {
  redactor.setPaths([...inputs.map((i) => i.path), ...errors.map((e) => e.path)]);
  const all = await mapLimit(inputs, 16, async (input) => {
    try {
      const config = ctx.resolver.forFile(input.path);
      const { text } = await input.read(ctx.options.maxFileSize ?? config.maxFileSize);
      const rules = notesRulesFor(ctx, config);
      const interview = parseInterview(input.path, text, rules, { lang: ctx.options.lang, fallbackLang: config.lang });
      const speakers = interview.speakers.filter((s) => !isRoleLabel(s.name, rules.structure));
      return { meta: interview.meta, fields: config.redactFields, speakers };
    } catch {
      return undefined; // reported by the analysis itself
    }
  });
  for (const entry of all) {
    if (!entry) continue;
    redactor.addNames(entry.meta, entry.fields);
    for (const speaker of entry.speakers) redactor.addName(speaker.name, speaker.role === 'interviewer' ? '[INTERVIEWER]' : '[PARTICIPANT]');
  }
}

/** The report, and with --cache a copy of it kept for an unchanged re-run: a failure to keep the copy only turns the cache off. */
class ReportTee {
  constructor(
    private readonly report: OutputStream,
    private copy: OutputStream | undefined,
    private readonly cache?: ResultCache,
  ) {}

  get copied(): boolean {
    return this.copy !== undefined;
  }

  write(text: string | Uint8Array): void {
    this.report.write(text);
    this.copyOr(() => this.copy?.write(text));
  }

  close(): void {
    this.report.close();
    this.copyOr(() => this.copy?.close());
  }

  abort(): void {
    this.report.abort();
    this.copy?.abort();
  }

  private copyOr(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.copy?.abort();
      this.copy = undefined;
      this.cache?.disable((error as Error).message);
    }
  }
}

export async function runAnalyze(paths: string[], given: AnalyzeCommandOptions): Promise<number> {
  let options = given;
  if (options.format === 'qdpx') {
    // The project holds each note's full text, with the extracts' offsets into it.
    if (options.redact) throw new OutputError('--format qdpx holds the notes\' full text: --redact cannot apply to it (redact the notes themselves first)');
    if (!options.output && process.stdout.isTTY) throw new OutputError('--format qdpx writes a zip: give a file with -o project.qdpx');
    options = { ...options, cache: false, concurrency: 'off', keepSources: true };
  }
  const cache = options.cache ? new ResultCache(options.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  const color = options.color && !options.output;
  let ctx: AnalyzeContext;
  try {
    ctx = createAnalyzeContext({ ...options, prepare: options.format === 'json' && !options.redact }, cache);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    const report = buildAnalyzeReport(VERSION, { results: [], errors: [located(options.config ?? '.', error)], tags: new Map(), groupBy: options.groupBy, knownTag: () => true });
    const text = formatAnalyzeReport({ report, ruleSet: defaultRuleSet() }, options.format, color);
    writeWhole(checkRunOutputs([], options.output, undefined), text);
    return 2;
  }
  const { inputs, errors } = await collectInputs(paths, NOTES_EXTENSIONS, { stdinFilename: options.stdinFilename, ignorePatterns: options.ignorePattern ?? [] });
  const destination: Destination | undefined = checkRunOutputs(inputs, options.output, cache);

  // With --cache, first only the keys: when the whole run is unchanged its output is reused as is.
  let keys: FileOutcome[] | undefined;
  let runKey: string | undefined;
  if (cache) {
    keys = await mapLimit(inputs, 16, (input) => analyzeInput(ctx, input, true));
    runKey = sha1(`${runKeyOf(ctx, keys, errors)}\n${options.format}\n${color}`);
    const reused = cache.run('analyze', runKey);
    if (reused) {
      try {
        const out = new OutputStream(destination);
        out.copyFrom(reused.fd);
        out.close();
      } finally {
        closeSync(reused.fd);
      }
      return reused.code;
    }
  }

  const redactor = new Redactor();
  if (options.redact) await collectNames(ctx, inputs, errors, redactor);
  const summary = new SummaryBuilder(options.groupBy, (tag) => [...ctx.withConfig.values(), ctx.notesRules].some((r) => tagMeaning(tag, r) !== undefined), saturationOptions(options));
  const streaming = options.format === 'json';
  const tee = streaming ? new ReportTee(new OutputStream(destination), cache && runKey ? cache.openRunOutput('analyze', runKey) : undefined, cache) : undefined;
  const writer = tee ? new JsonReportWriter(tee, VERSION) : undefined;
  const results: InterviewResult[] = [];
  const sources: NoteSources = new Map();
  let ruleSet = ctx.base;
  try {
    await processInputs(ctx, inputs, keys, (outcome) => {
      if (outcome.skipped) return;
      if (outcome.ruleSet && outcome.ruleSet.rules.length > ruleSet.rules.length) ruleSet = outcome.ruleSet;
      if (outcome.error) {
        // A broken configuration is reported once, not once per file it governs.
        if (!errors.some((e) => e.path === outcome.error?.path && e.message === outcome.error.message)) errors.push(outcome.error);
        return;
      }
      if (outcome.prepared && writer) {
        summary.addPart(outcome.prepared.part);
        writer.serialized(outcome.prepared.json);
        return;
      }
      if (!outcome.result) return;
      if (outcome.source !== undefined) sources.set(outcome.path, outcome.source);
      let result: InterviewResult = { ...outcome.result, meta: withoutPrivateFields(outcome.result.meta, outcome.privateFields) };
      if (options.redact) result = redactor.deep(result);
      summary.add(result, outcome.tags ?? []);
      if (writer) writer.interview(result);
      else results.push(result);
    });
  } catch (error) {
    tee?.abort();
    throw error;
  }
  const fileErrors = [...(options.redact ? redactor.deep(errors) : errors)].sort((a, b) => compareCodeUnits(a.path, b.path));
  const code = fileErrors.length > 0 ? 2 : 0;
  const summaryData = summary.finish(fileErrors.length);
  let copied = false;
  if (writer && tee) {
    writer.finish(fileErrors, summaryData);
    tee.close();
    copied = tee.copied;
  } else {
    const report: AnalyzeReport = { tool: TOOL_NAME, version: VERSION, schemaVersion: SCHEMA_VERSION, interviews: results, fileErrors, summary: summaryData };
    const text = formatAnalyzeReport({ report, ruleSet, sources }, options.format, color);
    const kept = new ReportTee(new OutputStream(destination), cache && runKey ? cache.openRunOutput('analyze', runKey) : undefined, cache);
    kept.write(text);
    kept.close();
    copied = kept.copied;
  }
  if (cache && runKey) {
    if (copied) cache.recordRun('analyze', runKey, code);
    cache.save();
  }
  return code;
}

/** The interviewer checks of an analysis as a lint report (for sarif, github and compact). */
function interviewerReport(report: AnalyzeReport) {
  return buildLintReport(
    VERSION,
    report.interviews.map((i) => ({ path: i.path, lang: i.lang, messages: i.interviewerIssues })),
    report.fileErrors,
  );
}

/** The saturation parameters of the options, defaults filled in. */
export function saturationOptions(options: Pick<AnalyzeCommandOptions, 'saturationBase' | 'saturationRun' | 'saturationThreshold'>): SaturationOptions {
  return {
    base: options.saturationBase ?? DEFAULT_SATURATION.base,
    run: options.saturationRun ?? DEFAULT_SATURATION.run,
    threshold: options.saturationThreshold ?? DEFAULT_SATURATION.threshold,
  };
}

/**
 * The analyze report formats, one entry each: the CLI's choices come from ANALYZE_FORMATS, and the type
 * makes every name have its renderer here. A new format is a name, a module and one line below.
 */
/** The interviewer checks of an analysis, printed as `lint` prints its findings. */
function interviewerChecks(format: LintFormat): (run: AnalyzeRun, color: boolean) => string {
  return (run, color) => formatLintReport({ report: interviewerReport(run.report), ruleSet: run.ruleSet }, format, color);
}

const ANALYZE_RENDERERS: Record<AnalyzeFormat, (run: AnalyzeRun, color: boolean) => string | Uint8Array> = {
  json: (run) => `${JSON.stringify(run.report, null, 2)}\n`,
  markdown: (run) => formatAnalyzeMarkdown(run.report),
  stylish: (run, color) => formatAnalyzeStylish(run.report, { color }),
  csv: (run) => formatAnalyzeCsv(run.report),
  html: (run) => formatAnalyzeHtml(run.report),
  qdpx: (run) => formatAnalyzeQdpx(run.report, run.sources ?? new Map()),
  qdc: (run) => formatAnalyzeQdc(run.report),
  sarif: interviewerChecks('sarif'),
  github: interviewerChecks('github'),
  compact: interviewerChecks('compact'),
};

export function formatAnalyzeReport(run: AnalyzeRun, format: AnalyzeFormat, color: boolean): string | Uint8Array {
  return ANALYZE_RENDERERS[format](run, color);
}

