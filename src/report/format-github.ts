/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
 * pull request: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
import type { Severity } from '../types.js';
import type { LintReport } from './lint-report.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of the message part (runner toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of property values (runner toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: string, props: Array<[string, string | number | undefined]>, message: string): string {
  const list = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${kind} ${list.join(',')}::${escapeData(message)}`;
}

export function formatGithub(report: LintReport): string {
  const lines: string[] = [];
  for (const e of report.fileErrors) lines.push(command('error', [['file', e.path], ['line', e.line], ['col', e.column], ['title', 'interview-lint']], e.message));
  for (const file of report.files) {
    for (const m of file.messages) {
      const message = m.suggestion ? `${m.message}\n→ ${m.suggestion}` : m.message;
      lines.push(
        command(
          COMMAND[m.severity],
          [['file', file.path], ['line', m.line], ['col', m.column], ['endLine', m.endLine], ['endColumn', m.endColumn], ['title', `interview-lint (${m.ruleId})`]],
          message,
        ),
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
