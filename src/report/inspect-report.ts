/** `interview-lint inspect`: how each file is read — the role and speaker of every line of notes, the sections, questions and probes of a guide. */
import { Chalk } from 'chalk';
import type { LineReading, LineRole } from '../notes/line-roles.js';
import type { FileError, Guide, GuideItem, Lang } from '../types.js';
import { SCHEMA_VERSION, TOOL_NAME } from './lint-report.js';

export interface InspectedNotes {
  path: string;
  lang: Lang;
  kind: 'notes';
  formats: string[];
  speakers: Array<{ name: string; role: 'interviewer' | 'interviewee' }>;
  lines: LineReading[];
}

export interface InspectedQuestion {
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: 'question' | 'prompt';
}

export interface InspectedItem {
  line: number;
  column: number;
  text: string;
  questions: InspectedQuestion[];
  probes: InspectedItem[];
}

export interface InspectedGuide {
  path: string;
  lang: Lang;
  kind: 'guide';
  format: Guide['format'];
  sections: Array<{ title: string; line: number | null; items: InspectedItem[] }>;
}

export interface InspectReport {
  tool: string;
  version: string;
  schemaVersion: number;
  files: Array<InspectedNotes | InspectedGuide>;
  fileErrors: FileError[];
}

function inspectItem(item: GuideItem): InspectedItem {
  return {
    line: item.span.line,
    column: item.span.column,
    text: item.text,
    questions: item.questions.map((q) => ({ text: q.text, line: q.span.line, column: q.span.column, endLine: q.span.endLine, endColumn: q.span.endColumn, kind: q.interrogative ? 'question' : 'prompt' })),
    probes: item.probes.map(inspectItem),
  };
}

export function inspectGuide(guide: Guide): InspectedGuide {
  return {
    path: guide.path,
    lang: guide.lang,
    kind: 'guide',
    format: guide.format,
    sections: guide.sections.map((s) => ({ title: s.title, line: s.span?.line ?? null, items: s.items.map(inspectItem) })),
  };
}

const ROLE_LABEL: Record<LineRole, string> = { interviewer: 'interviewer', interviewee: 'interviewee', notetaker: 'notetaker', meta: 'meta' };

/** Each line with its number and a role/speaker gutter (coloured on a terminal), then the text. */
export function formatInspectText(report: InspectReport, sources: Map<string, string>, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<LineRole, (s: string) => string> = { interviewer: chalk.cyan, interviewee: chalk.green, notetaker: chalk.yellow, meta: chalk.gray };
  const out: string[] = [];
  for (const error of report.fileErrors) {
    const where = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
    out.push(chalk.underline(`${error.path}${where}`), `  ${chalk.red('error')}  ${error.message}`, '');
  }
  for (const file of report.files) {
    const lines = (sources.get(file.path) ?? '').split('\n');
    if (file.kind === 'notes') {
      out.push(`${chalk.underline(file.path)} (${file.lang}, notes) — formats: ${file.formats.join(', ') || 'none'}`);
      out.push(`  speakers: ${file.speakers.length > 0 ? file.speakers.map((s) => `${s.name} (${s.role})`).join(', ') : 'none named'}`);
      const numberWidth = String(lines.length).length;
      const speakerWidth = Math.min(20, Math.max(0, ...file.lines.map((l) => (l.speaker ?? '').length)));
      for (const l of file.lines) {
        const gutter = `${ROLE_LABEL[l.role].padEnd(11)} ${(l.speaker ?? '').slice(0, 20).padEnd(speakerWidth)}`;
        out.push(`${String(l.line).padStart(numberWidth)} ${paint[l.role](gutter)} │ ${lines[l.line - 1] ?? ''}`);
      }
    } else {
      out.push(`${chalk.underline(file.path)} (${file.lang}, ${file.format} guide)`);
      const item = (it: InspectedItem, depth: number): void => {
        const pad = '  '.repeat(depth + 1);
        const asked = it.questions.length > 0 ? it.questions.map((q) => `${chalk.cyan(q.kind)} ${q.line}:${q.column} ${q.text}`).join('\n' + pad + '  ') : chalk.gray(`(no question) ${it.text.split('\n')[0] ?? ''}`);
        out.push(`${pad}${depth > 0 ? 'probe ' : ''}${asked}`);
        for (const p of it.probes) item(p, depth + 1);
      };
      for (const section of file.sections) {
        out.push(`  ${chalk.bold(section.title ? `§ ${section.title}` : '§ (before any heading)')}${section.line ? chalk.gray(` line ${section.line}`) : ''}`);
        for (const it of section.items) item(it, 1);
      }
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export function buildInspectReport(version: string, files: InspectReport['files'], fileErrors: FileError[]): InspectReport {
  return { tool: TOOL_NAME, version, schemaVersion: SCHEMA_VERSION, files, fileErrors };
}
