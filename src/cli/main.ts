import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AnalyzeFormat } from './analyze-command.js';
import type { LintFormat } from './lint-command.js';
import { OutputError } from './output-error.js';
import { writeStderr, writeStdout } from './stdout.js';
import { VERSION } from './version.js';
import type { Lang } from '../types.js';

// Each command's code is imported when the command runs: `--version`, `--help` and `rules` load no
// parser, and `lint` loads nothing of the notes analyzer (cold start is most of a one-file run).
const USAGE_HINT = '(run "interview-lint --help" for usage)';
const COMMANDS = ['lint', 'analyze', 'inspect', 'rules', 'init', 'help'];

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'compact'] as const;
export const ANALYZE_FORMATS = ['json', 'markdown', 'stylish', 'html', 'csv', 'qdpx', 'qdc', 'sarif', 'github', 'compact'] as const;

function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('expected a whole number (-1 for no limit)');
  return n;
}

function parseFraction(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('expected a whole number from 1 to 1000');
  return n;
}

function parseSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a number of bytes');
  return n;
}

function parseConcurrencyOption(value: string): number | 'auto' | 'off' {
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a number of workers, auto or off');
  return n === 0 ? 'off' : n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function useColor(flag: boolean | undefined): boolean {
  if (flag === false || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '')) return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

interface SharedOptions {
  output?: string;
  lang: Lang | 'auto';
  config?: string;
  ignorePattern: string[];
  stdinFilename?: string;
  quiet: boolean;
  redact: boolean;
  maxFileSize?: number;
  cache: boolean;
  cacheLocation?: string;
  color?: boolean;
}

/** Options every file-reading command takes (PRODUCT.md: --format, --output, --lang, --config, --no-color). */
function withSharedOptions(command: Command, what: string): Command {
  return command
    .argument('[paths...]', 'files, folders or globs; - for standard input', [])
    .option('-o, --output <file>', 'write the report to a file (atomically; never onto an input)')
    .addOption(new Option('--lang <lang>', `language of the ${what} (default: front matter, configuration, else detected)`).choices(['auto', 'en', 'fr']).default('auto'))
    .option('-c, --config <file>', 'use this configuration file instead of looking for .interviewlintrc.* files')
    .option('--ignore-pattern <glob>', 'skip files matching this gitignore-style pattern; repeatable', collect, [])
    .option('--stdin-filename <name>', 'path to show (and to match configuration against) for standard input')
    .option('-q, --quiet', 'report errors only; no progress bar', false)
    .option('--redact', 'replace e-mails, phone numbers, names (front matter, speaker labels) and file paths with placeholders in every output', false)
    .option('--max-file-size <bytes>', 'skip files larger than this (default 20 MB)', parseSize)
    .option('--cache', 'reuse the results of unchanged files from the previous run', false)
    .option('--cache-location <file>', 'where --cache keeps its results (default .interviewlintcache)')
    .option('--no-color', 'no colours (also when NO_COLOR is set)');
}

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command('interview-lint')
    .description('Lint customer-interview guides and analyze interview notes, in English and French.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError(USAGE_HINT)
    .configureOutput({ writeOut: writeStdout, writeErr: writeStderr })
    .exitOverride();

  withSharedOptions(program.command('lint').description('lint interview guides (markdown, YAML, text)'), 'guides')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...LINT_FORMATS]).default('stylish'))
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', parseMaxWarnings)
    .option('--report-unused-disable-directives', 'report disable comments that switch off nothing', false)
    .action(async (paths: string[], opts: SharedOptions & { format: LintFormat; maxWarnings?: number; reportUnusedDisableDirectives: boolean }) => {
      const { runLint } = await import('./lint-command.js');
      setCode(await runLint(paths, { ...opts, color: useColor(opts.color) }));
    });

  withSharedOptions(program.command('analyze').description('analyze interview notes and transcripts (markdown, text): needs, problems, emotions, context, alternatives, criteria, improvements'), 'notes')
    .addOption(new Option('-f, --format <format>', 'output format (html: one offline page with charts and cards; csv: one row per extract; qdpx: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder; qdc: its codebook; sarif, github and compact carry the interviewer checks)').choices([...ANALYZE_FORMATS]).default('json'))
    .option('--codebook <file>', 'extra tag → kind codebook (YAML: kind: [tags]); repeatable', collect, [])
    .option('--group-by <field>', 'count extracts by this front-matter field (e.g. segment); repeatable', collect, [])
    .option('--lexicon <file>', 'add cues from a lexicon: YAML in the format of rules/extract/, or a word list (.tsv/.csv: word, emotion[, 0|1]); repeatable', collect, [])
    .option('--min-confidence <x>', 'leave out extracts whose confidence is below x (0 to 1; tags are 1)', parseFraction)
    .option('--saturation-base <n>', 'saturation: interviews in the base set (default 4)', parsePositiveInt)
    .option('--saturation-run <n>', 'saturation: interviews per run (default 2)', parsePositiveInt)
    .option('--saturation-threshold <x>', 'saturation: new-information threshold, 0 to 1 (default 0.05; 0 is always reported too)', parseFraction)
    .option('--concurrency <n|auto|off>', 'worker threads: auto uses one per extra core from 64 files on, with 3 cores or more', parseConcurrencyOption, 'auto')
    .action(async (paths: string[], opts: SharedOptions & { format: AnalyzeFormat; codebook: string[]; groupBy: string[]; lexicon: string[]; minConfidence?: number; saturationBase?: number; saturationRun?: number; saturationThreshold?: number }) => {
      const { runAnalyze } = await import('./analyze-command.js');
      setCode(await runAnalyze(paths, { ...opts, color: useColor(opts.color) }));
    });

  program
    .command('inspect')
    .description('show how each file is read: the role and speaker of every line of notes, or (--guide) the sections, questions and probes of a guide')
    .argument('[paths...]', 'files, folders or globs; - for standard input', [])
    .option('--guide', 'read the files as interview guides', false)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically; never onto an input)')
    .addOption(new Option('--lang <lang>', 'language (default: front matter, configuration, else detected)').choices(['auto', 'en', 'fr']).default('auto'))
    .option('-c, --config <file>', 'use this configuration file instead of looking for .interviewlintrc.* files')
    .option('--stdin-filename <name>', 'path to show for standard input')
    .option('--max-file-size <bytes>', 'skip files larger than this (default 20 MB)', parseSize)
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .action(async (paths: string[], opts: { format: 'text' | 'json'; guide: boolean; output?: string; lang: Lang | 'auto'; config?: string; stdinFilename?: string; maxFileSize?: number; color?: boolean }) => {
      const { runInspect } = await import('./inspect-command.js');
      setCode(await runInspect(paths, { ...opts, color: useColor(opts.color) }));
    });

  program
    .command('rules')
    .description('list the rules with their description and languages')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the descriptions').choices(['en', 'fr']).default('en'))
    .action(async (opts: { format: 'text' | 'json' | 'markdown'; lang: Lang }) => {
      const { runRules } = await import('./rules-command.js');
      setCode(runRules(opts.format, opts.lang));
    });

  program
    .command('init')
    .description('write a commented starter .interviewlintrc.yaml in the current folder')
    .option('--force', 'overwrite an existing configuration file', false)
    .addOption(new Option('--lang <lang>', 'language of your guides and notes').choices(['auto', 'en', 'fr']))
    .action(async (opts: { force: boolean; lang?: Lang | 'auto' }) => {
      const { runInit } = await import('./init-command.js');
      setCode(await runInit(opts));
    });

  return program;
}

/** A call that names no command, or asks for help on one that does not exist: one line, exit 2. */
function usageError(args: string[]): string | undefined {
  const first = args[0];
  if (first === undefined) return `error: no command given; the commands are ${COMMANDS.filter((c) => c !== 'help').join(', ')}`;
  const second = args[1];
  if (first === 'help' && second !== undefined && !second.startsWith('-') && !COMMANDS.includes(second)) return `error: unknown command '${second}'`;
  return undefined;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const problem = usageError(argv.slice(2));
  if (problem) {
    writeStderr(`${problem}\n${USAGE_HINT}\n`);
    return 2;
  }
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof OutputError) {
      writeStderr(`interview-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return code;
}
