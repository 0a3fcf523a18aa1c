import { compareCodeUnits } from '../compare.js';
import type { Finding, Guide, Severity, SeveritySetting } from '../types.js';
import { probesCheck } from './checks/probes.js';
import { questionCheck } from './checks/question.js';
import { themesCheck } from './checks/themes.js';
import type { Check } from './checks/context.js';
import type { RuleSet, RuleType } from './types.js';

const CHECKS: Record<RuleType, Check> = { question: questionCheck, probes: probesCheck, themes: themesCheck };

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface LintSettings {
  rules?: Record<string, RuleSetting>;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || compareCodeUnits(a.ruleId, b.ruleId) || compareCodeUnits(a.message, b.message);
}

/** Run every enabled rule on a parsed guide; findings come back sorted by position. */
export function lintGuide(guide: Guide, ruleSet: RuleSet, settings: LintSettings = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of ruleSet.rules) {
    const setting = settings.rules?.[rule.id];
    const severity = setting?.severity ?? rule.severity;
    if (severity === 'off') continue;
    const lang = rule.languages[guide.lang];
    if (!lang) continue;
    CHECKS[rule.type]({
      guide,
      rule,
      lang,
      pack: ruleSet.packs[guide.lang],
      severity: severity as Severity,
      options: { ...rule.options, ...setting?.options },
      report: ({ span, ...rest }) =>
        findings.push({
          ruleId: rule.id,
          severity: severity as Severity,
          message: rest.message,
          line: span.line,
          column: span.column,
          endLine: span.endLine,
          endColumn: span.endColumn,
          text: rest.text,
          ...(rest.suggestion ? { suggestion: rest.suggestion } : {}),
        }),
    });
  }
  return findings.sort(compareFindings);
}
