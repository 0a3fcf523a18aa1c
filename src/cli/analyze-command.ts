/** `interview-lint analyze`: notes and transcripts → extracts, interviewer issues and a panel summary. */
import { NOTES_EXTENSIONS } from '../input/discover.js';
import { analyseInterview, parseInterview } from '../notes/interview.js';
import { allTags, tagMeaning } from '../notes/extract.js';
import { loadNotesRules, type NotesRules } from '../notes/load.js';
import type { InterviewResult } from '../notes/types.js';
import { buildAnalyzeReport, type AnalyzeReport } from '../report/analyze-report.js';
import { formatAnalyzeMarkdown } from '../report/format-analyze-markdown.js';
import { formatAnalyzeStylish } from '../report/format-analyze-stylish.js';
import { RuleLoadError } from '../rules/data.js';
import { defaultRuleSet } from '../rules/load.js';
import type { Lang } from '../types.js';
import { collectInputs, located } from './inputs.js';
import { OutputError, writeOutputFile } from './output.js';
import { VERSION } from './version.js';

export const ANALYZE_FORMATS = ['json', 'markdown', 'stylish'] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

export interface AnalyzeCommandOptions {
  format: AnalyzeFormat;
  output?: string;
  lang: Lang | 'auto';
  codebook: string[];
  groupBy: string[];
  color: boolean;
  stdinFilename?: string;
}

export async function analyzeFiles(paths: string[], options: Pick<AnalyzeCommandOptions, 'lang' | 'codebook' | 'groupBy' | 'stdinFilename'>): Promise<AnalyzeReport> {
  let rules: NotesRules;
  try {
    rules = loadNotesRules(undefined, options.codebook);
  } catch (error) {
    if (error instanceof RuleLoadError) throw new OutputError(`invalid codebook: ${error.message}`);
    throw error;
  }
  const ruleSet = defaultRuleSet();
  const { inputs, errors } = await collectInputs(paths, NOTES_EXTENSIONS, options.stdinFilename);
  const results: InterviewResult[] = [];
  const tags = new Map<string, string[]>();
  for (const input of inputs) {
    try {
      const { text } = await input.read();
      const interview = parseInterview(input.path, text, rules, { lang: options.lang });
      results.push(analyseInterview(interview, rules, ruleSet));
      tags.set(input.path, allTags(interview.source, interview.utterances));
    } catch (error) {
      errors.push(located(input.path, error));
    }
  }
  return buildAnalyzeReport(VERSION, { results, errors, tags, groupBy: options.groupBy, knownTag: (tag) => tagMeaning(tag, rules) !== undefined });
}

export async function runAnalyze(paths: string[], options: AnalyzeCommandOptions): Promise<number> {
  const report = await analyzeFiles(paths, options);
  const text =
    options.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : options.format === 'markdown'
        ? formatAnalyzeMarkdown(report)
        : formatAnalyzeStylish(report, { color: options.color && !options.output });
  if (options.output) writeOutputFile(options.output, text, report.interviews.map((i) => i.path));
  else process.stdout.write(text);
  return report.fileErrors.length > 0 ? 2 : 0;
}
