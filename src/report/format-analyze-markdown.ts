/** `analyze --format markdown`: a digest to read or paste — recurring themes with quotes, then a card per interview. */
import { EXTRACT_KINDS, type Extract, type ExtractKind, type InterviewResult } from '../notes/types.js';
import type { AnalyzeReport } from './analyze-report.js';
import { ANALYZE_WORDS, reportLang, type AnalyzeWords } from './analyze-words.js';

/** The customer model of the method (seed 004): context, problem, alternatives, criteria, difficulties. */
export const CARD_KINDS: ExtractKind[] = ['context', 'problem', 'alternative', 'criterion', 'need', 'emotion', 'improvement'];
const MAX_CARD_LINES = 5;

function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function quote(e: Extract): string {
  const emotion = e.emotion ? ` (${e.emotion})` : '';
  return `“${inline(e.text)}”${emotion} — line ${e.line}`;
}

function card(interview: InterviewResult, words: AnalyzeWords): string[] {
  const out: string[] = [];
  const meta = ['participant', 'segment', 'date'].map((k) => interview.meta[k]).filter((v) => typeof v === 'string' || typeof v === 'number');
  out.push(`### ${inline(interview.path)}`, '');
  if (meta.length > 0) out.push(`_${inline(meta.join(' · '))}_`, '');
  out.push(`**${words.card}**`, '');
  for (const kind of CARD_KINDS) {
    const extracts = interview.extracts.filter((e) => e.kind === kind);
    if (extracts.length === 0) continue;
    out.push(`- **${words.kinds[kind]}** (${extracts.length})`);
    for (const e of extracts.slice(0, MAX_CARD_LINES)) out.push(`  - ${quote(e)}`);
  }
  if (interview.extracts.length === 0) out.push(`- ${words.none}`);
  out.push('');
  if (interview.talkRatio !== null) out.push(`${words.talkRatio}: ${Math.round(interview.talkRatio * 100)} %`, '');
  if (interview.interviewerIssues.length > 0) {
    out.push(`**${words.interviewerIssues}**`, '');
    for (const f of interview.interviewerIssues) out.push(`- line ${f.line}: “${inline(f.text)}” — ${inline(f.message)} (\`${f.ruleId}\`)`);
    out.push('');
  }
  return out;
}

export function formatAnalyzeMarkdown(report: AnalyzeReport): string {
  const words = ANALYZE_WORDS[reportLang(report)];
  const { summary } = report;
  const out: string[] = [`# ${words.title}`, ''];
  out.push(`${words.interviewsCount(summary.interviews)}, ${words.extractsCount(summary.extracts)}.`, '');
  out.push('| | ' + EXTRACT_KINDS.map((k) => words.kinds[k]).join(' | ') + ' |', '|---|' + EXTRACT_KINDS.map(() => '---:').join('|') + '|');
  out.push('| | ' + EXTRACT_KINDS.map((k) => String(summary.byKind[k])).join(' | ') + ' |', '');
  out.push(`## ${words.panel}`, '', `${words.panelLine(summary.panel)}.`, '', `${words.saturationLine(summary.saturation, summary.interviews)}.`, '');
  for (const warning of words.panelWarnings(summary.panel, summary.interviews)) out.push(`> ${warning}`, '');
  out.push(`## ${words.themes}`, '');
  if (summary.themes.length === 0) out.push(words.none, '');
  for (const kind of EXTRACT_KINDS) {
    const themes = summary.themes.filter((t) => t.kind === kind);
    if (themes.length === 0) continue;
    out.push(`### ${words.kinds[kind]}`, '');
    for (const t of themes) {
      out.push(`- **${inline(t.keyword)}** — ${words.mentionedIn(t.interviews)}, ${words.extractsCount(t.extracts)}`);
      for (const q of t.quotes) out.push(`  - “${inline(q.text)}” — ${inline(q.path)}:${q.line}`);
    }
    out.push('');
  }
  for (const [field, values] of Object.entries(summary.groups)) {
    out.push(`## ${words.byField(inline(field))}`, '');
    out.push(`| ${inline(field)} | ` + EXTRACT_KINDS.map((k) => words.kinds[k]).join(' | ') + ' |', '|---|' + EXTRACT_KINDS.map(() => '---:').join('|') + '|');
    for (const [value, counts] of Object.entries(values)) out.push(`| ${inline(value) || '—'} | ` + EXTRACT_KINDS.map((k) => String(counts[k])).join(' | ') + ' |');
    out.push('');
  }
  out.push(`## ${words.interviews}`, '');
  for (const interview of report.interviews) out.push(...card(interview, words));
  if (report.fileErrors.length > 0) {
    out.push(`## ${words.fileErrors}`, '');
    for (const e of report.fileErrors) out.push(`- ${inline(e.path)}${e.line ? `:${e.line}` : ''}: ${inline(e.message)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
