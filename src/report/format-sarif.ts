/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, VS Code SARIF viewer).
 * One run; the driver lists every rule with its description, rationale and examples; results carry
 * exact regions (1-based, columns in UTF-16 code units, end column exclusive, as SARIF defines them).
 */
import type { Rule, RuleSet } from '../rules/types.js';
import type { Lang, Severity } from '../types.js';
import { ruleDocMarkdown, ruleDocUri } from './rule-docs.js';
import { TOOL_NAME, type LintReport } from './lint-report.js';

/** Findings of the tool itself, not of a rule. */
const TOOL_FINDINGS: Record<string, string> = {
  'unused-disable-directive': 'A disable directive that switches off no finding.',
  'unknown-rule-directive': 'A directive names a rule that does not exist.',
  'file-encoding': 'The file is not UTF-8.',
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function driverRule(rule: Rule, lang: Lang): Record<string, unknown> {
  const uri = ruleDocUri(rule.id);
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description[lang] },
    fullDescription: { text: rule.rationale[lang] },
    help: { text: `${rule.description[lang]}\n\n${rule.rationale[lang]}`, markdown: ruleDocMarkdown(rule) },
    ...(uri ? { helpUri: uri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['interview', rule.type] },
  };
}

export function formatSarif(report: LintReport, ruleSet: RuleSet, version: string): string {
  const lang: Lang = report.files.length > 0 && report.files.every((f) => f.lang === 'fr') ? 'fr' : 'en';
  const rules = [...ruleSet.rules];
  const used = new Set(report.files.flatMap((f) => f.messages.map((m) => m.ruleId)));
  // Findings that are not rules of the set (unused directives) still need a descriptor.
  const extra = [...used].filter((id) => !rules.some((r) => r.id === id)).sort();
  const descriptors = [
    ...rules.map((r) => driverRule(r, lang)),
    ...extra.map((id) => ({ id, shortDescription: { text: TOOL_FINDINGS[id] ?? id } })),
  ];
  const index = new Map(descriptors.map((d, i) => [d.id as string, i]));
  const results = report.files.flatMap((file) =>
    file.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: index.get(m.ruleId) ?? 0,
      level: LEVEL[m.severity],
      message: { text: m.suggestion ? `${m.message} Try: ${m.suggestion}` : m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path) },
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn, snippet: { text: m.text } },
          },
        },
      ],
      ...(m.suggestion ? { properties: { suggestion: m.suggestion } } : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version, semanticVersion: version, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: report.fileErrors.length === 0,
            toolExecutionNotifications: report.fileErrors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(e.path) }, ...(e.line ? { region: { startLine: e.line, ...(e.column ? { startColumn: e.column } : {}) } } : {}) } }],
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
