import type { LintReport } from './lint-report.js';

export function formatJson(report: LintReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
