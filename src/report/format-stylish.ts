import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk, type ChalkInstance } from 'chalk';
import { ruleDocUri } from './rule-docs.js';
import type { Lang, Severity } from '../types.js';
import type { LintReport } from './lint-report.js';

const DOCS_DIR = fileURLToPath(new URL('../../docs/rules/', import.meta.url));
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const WORDS: Record<Lang, { problems: (n: number) => string; errors: (n: number) => string; warnings: (n: number) => string; suggestion: string; docs: string }> = {
  en: { problems: (n) => plural(n, 'problem', 'problems'), errors: (n) => plural(n, 'error', 'errors'), warnings: (n) => plural(n, 'warning', 'warnings'), suggestion: 'try', docs: 'Rule docs' },
  fr: { problems: (n) => plural(n, 'problème', 'problèmes'), errors: (n) => plural(n, 'erreur', 'erreurs'), warnings: (n) => plural(n, 'avertissement', 'avertissements'), suggestion: 'essayez', docs: 'Documentation des règles' },
};

function severityLabel(chalk: ChalkInstance, severity: Severity): string {
  if (severity === 'error') return chalk.red('error');
  if (severity === 'warning') return chalk.yellow('warning');
  return chalk.blue('info');
}

/** ESLint-style output: grouped by file, `line:col severity message rule`, the suggestion, a summary line. */
export function formatStylish(report: LintReport, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const error of report.fileErrors) {
    const where = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
    out.push(`${chalk.underline(error.path + where)}`, `  ${chalk.red('error')}  ${error.message}`, '');
  }
  for (const file of report.files) {
    if (file.messages.length === 0) continue;
    const words = WORDS[file.lang];
    out.push(`${chalk.underline(file.path)} ${chalk.dim(`(${file.lang})`)}`);
    const width = Math.max(...file.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of file.messages) {
      const pos = `${m.line}:${m.column}`.padEnd(width);
      out.push(`  ${chalk.dim(pos)}  ${severityLabel(chalk, m.severity).padEnd(options.color ? 17 : 7)}  ${m.message}  ${chalk.dim(m.ruleId)}`);
      if (m.suggestion) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${chalk.green(`→ ${words.suggestion}:`)} ${m.suggestion}`);
    }
    out.push('');
  }
  const { errors, warnings, infos, fileErrors } = report.summary;
  const total = errors + warnings + infos;
  const lang: Lang = report.files.length > 0 && report.files.every((f) => f.lang === 'fr') ? 'fr' : 'en';
  const words = WORDS[lang];
  if (total === 0 && fileErrors === 0) return `${chalk.green('✔')} ${report.summary.files} file${report.summary.files === 1 ? '' : 's'} checked, no problems\n`;
  const summary = `${words.problems(total)} (${words.errors(errors)}, ${words.warnings(warnings)}${infos ? `, ${infos} info` : ''})${fileErrors ? `, ${fileErrors} file${fileErrors === 1 ? '' : 's'} could not be checked` : ''}`;
  out.push((errors > 0 || fileErrors > 0 ? chalk.red.bold('✖ ') : chalk.yellow.bold('⚠ ')) + summary);
  const ids = [...new Set(report.files.flatMap((f) => f.messages.map((m) => m.ruleId)))].filter((id) => existsSync(join(DOCS_DIR, `${id}.md`))).sort();
  if (ids.length > 0) out.push(chalk.dim(`${words.docs}: ${ids.map((id) => ruleDocUri(id) ?? join(DOCS_DIR, `${id}.md`)).join(' ')}`));
  return `${out.join('\n')}\n`;
}
