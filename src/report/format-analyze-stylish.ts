/** `analyze --format stylish`: a terminal summary — counts per interview, interviewer issues, top themes. */
import { Chalk } from 'chalk';
import { EXTRACT_KINDS } from '../notes/types.js';
import type { AnalyzeReport } from './analyze-report.js';
import { ANALYZE_WORDS, reportLang } from './analyze-words.js';

const TOP_THEMES = 3;
const TOP_QUOTES = 2;
const QUOTE_CHARS = 100;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= QUOTE_CHARS ? flat : `${flat.slice(0, QUOTE_CHARS - 1).trimEnd()}…`;
}

export function formatAnalyzeStylish(report: AnalyzeReport, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const words = ANALYZE_WORDS[reportLang(report)];
  const out: string[] = [];
  for (const error of report.fileErrors) {
    const where = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
    out.push(chalk.underline(error.path + where), `  ${chalk.red('error')}  ${error.message}`, '');
  }
  for (const interview of report.interviews) {
    const counts = EXTRACT_KINDS.map((k) => [k, interview.extracts.filter((e) => e.kind === k).length] as const).filter(([, n]) => n > 0);
    out.push(`${chalk.underline(interview.path)} ${chalk.dim(`(${interview.lang})`)}`);
    out.push(`  ${counts.length ? counts.map(([k, n]) => `${words.kinds[k]} ${chalk.bold(String(n))}`).join(' · ') : chalk.dim(words.none)}`);
    if (interview.talkRatio !== null) out.push(`  ${words.talkRatio}: ${Math.round(interview.talkRatio * 100)} %`);
    for (const f of interview.interviewerIssues) {
      const padded = f.severity.padEnd(7);
      const level = f.severity === 'error' ? chalk.red(padded) : chalk.yellow(padded);
      out.push(`  ${chalk.dim(`${f.line}:${f.column}`)}  ${level}  ${f.message}  ${chalk.dim(f.ruleId)}`);
    }
    out.push('');
  }
  const { summary } = report;
  out.push(chalk.bold(`${words.interviewsCount(summary.interviews)}, ${words.extractsCount(summary.extracts)}`));
  for (const kind of EXTRACT_KINDS) {
    const themes = summary.themes.filter((t) => t.kind === kind).slice(0, TOP_THEMES);
    if (themes.length === 0) continue;
    out.push(`  ${words.kinds[kind]}: ${themes.map((t) => `${t.keyword} (${t.interviews})`).join(', ')}`);
    // The top theme's quotes, shortened: what the participants actually said.
    for (const q of (themes[0] as (typeof themes)[number]).quotes.slice(0, TOP_QUOTES)) out.push(`    ${chalk.dim('“')}${shorten(q.text)}${chalk.dim(`” — ${q.path}:${q.line}`)}`);
  }
  for (const [field, values] of Object.entries(summary.groups)) {
    out.push(`  ${words.byField(field)}:`);
    for (const [value, counts] of Object.entries(values)) {
      const nonZero = EXTRACT_KINDS.filter((k) => counts[k] > 0).map((k) => `${words.kinds[k]} ${counts[k]}`);
      out.push(`    ${value || '—'}: ${nonZero.length > 0 ? nonZero.join(' · ') : words.none}`);
    }
  }
  out.push(`  ${words.panelLine(summary.panel)}`, `  ${words.saturationLine(summary.saturation, summary.interviews)}`);
  for (const warning of words.panelWarnings(summary.panel, summary.interviews)) out.push(`  ${chalk.yellow('warning')}  ${warning}`);
  return `${out.join('\n')}\n`;
}
