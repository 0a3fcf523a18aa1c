/**
 * Inline control: `<!-- interview-lint-disable rule-a, rule-b -->`, `<!-- interview-lint-enable -->`,
 * `<!-- interview-lint-disable-next-line rule -->` and `<!-- interview-lint-disable-line -->` in
 * markdown; the same after `#` in YAML and text. No rule id means every rule.
 */
import type { Finding } from '../types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** null: every rule. */
  rules: string[] | null;
  line: number;
  column: number;
  endColumn: number;
  text: string;
}

const HTML = /<!--\s*interview-lint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;
const HASH = /(?:^|\s)#\s*interview-lint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)$/gm;

function ruleList(raw: string): string[] | null {
  const ids = raw
    .replace(/--.*$/, '') // "-- reason" after the ids is a comment
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.length > 0 ? ids : null;
}

export function parseDirectives(source: string, style: 'html' | 'hash' | 'both' = 'both'): Directive[] {
  const out: Directive[] = [];
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number): { line: number; column: number } => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= offset) line++;
    return { line: line + 1, column: offset - (lineStarts[line] as number) + 1 };
  };
  const patterns = style === 'html' ? [HTML] : style === 'hash' ? [HASH] : [HTML, HASH];
  for (const pattern of patterns) {
    for (const m of source.matchAll(pattern)) {
      const start = (m.index ?? 0) + (m[0].startsWith('<') ? 0 : m[0].indexOf('#'));
      const { line, column } = position(start);
      const end = (m.index ?? 0) + m[0].length;
      out.push({ kind: m[1] as DirectiveKind, rules: ruleList(m[2] ?? ''), line, column, endColumn: position(end).column, text: source.slice(start, end).trim() });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function covers(rules: string[] | null, ruleId: string): boolean {
  return rules === null || rules.includes(ruleId);
}

/** Drop the findings that directives switch off; also return the directives that switched nothing off. */
export function applyDirectives(findings: Finding[], directives: Directive[]): { kept: Finding[]; unused: Directive[] } {
  const used = new Set<Directive>();
  const kept = findings.filter((finding) => {
    // Block directives: the last disable/enable before the finding's line that mentions its rule.
    let blockedBy: Directive | undefined;
    for (const d of directives) {
      if (d.line > finding.line) break;
      if (d.kind === 'disable' && covers(d.rules, finding.ruleId)) blockedBy = d;
      else if (d.kind === 'enable' && covers(d.rules, finding.ruleId)) blockedBy = undefined;
    }
    const lineDirective = directives.find(
      (d) => ((d.kind === 'disable-next-line' && d.line + 1 === finding.line) || (d.kind === 'disable-line' && d.line === finding.line)) && covers(d.rules, finding.ruleId),
    );
    const by = lineDirective ?? blockedBy;
    if (by) used.add(by);
    return !by;
  });
  return { kept, unused: directives.filter((d) => d.kind !== 'enable' && !used.has(d)) };
}

/** Findings for directives that switched nothing off (--report-unused-disable-directives). */
export function unusedDirectiveFindings(unused: Directive[], lang: 'en' | 'fr'): Finding[] {
  return unused.map((d) => ({
    ruleId: 'unused-disable-directive',
    severity: 'warning' as const,
    message:
      lang === 'fr'
        ? `Directive inutile : « ${d.text} » ne désactive aucun signalement${d.rules ? ` (${d.rules.join(', ')})` : ''}.`
        : `Unused directive: "${d.text}" switches off no finding${d.rules ? ` (${d.rules.join(', ')})` : ''}.`,
    line: d.line,
    column: d.column,
    endLine: d.line,
    endColumn: d.endColumn,
    text: d.text,
  }));
}

/** Edit distance, for "did you mean" (ids are short). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length] as number;
}

/**
 * An error at the position of every rule id a directive names that is not a rule (`closed-questoin`):
 * a misspelt id would otherwise switch nothing off, without a word (ESLint reports these too).
 */
export function unknownRuleFindings(directives: Directive[], known: ReadonlySet<string>, lang: 'en' | 'fr'): Finding[] {
  const out: Finding[] = [];
  for (const d of directives) {
    let from = d.text.indexOf(d.kind) + d.kind.length;
    for (const id of d.rules ?? []) {
      const at = d.text.indexOf(id, from);
      from = at + id.length;
      if (known.has(id)) continue;
      const near = [...known].map((k) => ({ k, n: distance(id, k) })).filter((c) => c.n <= 3).sort((x, y) => x.n - y.n || (x.k < y.k ? -1 : 1))[0]?.k;
      out.push({
        ruleId: 'unknown-rule-directive',
        severity: 'error',
        message:
          lang === 'fr'
            ? `Règle inconnue « ${id} » dans une directive${near ? ` ; vouliez-vous dire « ${near} » ?` : ' (voir « interview-lint rules »).'}`
            : `Unknown rule "${id}" in a directive${near ? `; did you mean "${near}"?` : ' (see "interview-lint rules").'}`,
        line: d.line,
        column: d.column + at,
        endLine: d.line,
        endColumn: d.column + at + id.length,
        text: id,
        ...(near ? { suggestion: near } : {}),
      });
    }
  }
  return out;
}
