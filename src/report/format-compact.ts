/** `--format compact`: one `path:line:col: severity message [rule]` a line, for editors and grep. */
import type { LintReport } from './lint-report.js';

export function formatCompact(report: LintReport): string {
  const lines: string[] = [];
  for (const e of report.fileErrors) lines.push(`${e.path}:${e.line ?? 1}:${e.column ?? 1}: error ${e.message}`);
  for (const file of report.files) for (const m of file.messages) lines.push(`${file.path}:${m.line}:${m.column}: ${m.severity} ${m.message} [${m.ruleId}]`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
