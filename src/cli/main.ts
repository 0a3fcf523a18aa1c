import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { OutputError } from './output.js';
import { LINT_FORMATS, runLint, type LintFormat } from './lint-command.js';
import { runRules } from './rules-command.js';
import { ANALYZE_FORMATS, runAnalyze, type AnalyzeFormat } from './analyze-command.js';
import { VERSION } from './version.js';
import type { Lang } from '../types.js';

function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('expected a whole number (-1 for no limit)');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function useColor(flag: boolean | undefined): boolean {
  if (flag === false || process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command('interview-lint')
    .description('Lint customer-interview guides and analyze interview notes, in English and French.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('lint')
    .description('lint interview guides (markdown, YAML, text); paths may be files, folders, globs or - for stdin')
    .argument('[paths...]', 'files, folders or globs', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices([...LINT_FORMATS]).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of the guides').choices(['auto', 'en', 'fr']).default('auto'))
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', parseMaxWarnings)
    .option('--quiet', 'report errors only', false)
    .option('--stdin-filename <name>', 'path to show for standard input')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .action(async (paths: string[], opts: { format: LintFormat; output?: string; lang: Lang | 'auto'; maxWarnings?: number; quiet: boolean; color?: boolean; stdinFilename?: string }) => {
      setCode(await runLint(paths, { ...opts, color: useColor(opts.color) }));
    });

  program
    .command('analyze')
    .description('analyze interview notes and transcripts (markdown, text): needs, problems, emotions, context, alternatives, criteria, improvements')
    .argument('[paths...]', 'files, folders or globs', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices([...ANALYZE_FORMATS]).default('json'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of the notes').choices(['auto', 'en', 'fr']).default('auto'))
    .option('--codebook <file>', 'extra tag → kind codebook (YAML: kind: [tags]); repeatable', collect, [])
    .option('--group-by <field>', 'count extracts by this front-matter field (e.g. segment); repeatable', collect, [])
    .option('--stdin-filename <name>', 'path to show for standard input')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .action(async (paths: string[], opts: { format: AnalyzeFormat; output?: string; lang: Lang | 'auto'; codebook: string[]; groupBy: string[]; color?: boolean; stdinFilename?: string }) => {
      setCode(await runAnalyze(paths, { ...opts, color: useColor(opts.color) }));
    });

  program
    .command('rules')
    .description('list the rules with their description and languages')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the descriptions').choices(['en', 'fr']).default('en'))
    .action((opts: { format: 'text' | 'json' | 'markdown'; lang: Lang }) => setCode(runRules(opts.format, opts.lang)));

  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
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
      process.stderr.write(`interview-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return code;
}
