/** The analyze JSON report written as it is built: the same bytes as JSON.stringify(report, null, 2). */
import type { InterviewResult } from '../notes/types.js';
import type { AnalyzeReport } from './analyze-report.js';
import { SCHEMA_VERSION, TOOL_NAME } from './lint-report.js';

export interface TextSink {
  write(text: string): void;
}

/** Header first, then one interview at a time, then the errors and the summary. */
export class JsonReportWriter {
  private count = 0;

  constructor(
    private readonly sink: TextSink,
    version: string,
  ) {
    sink.write(`{\n  "tool": ${JSON.stringify(TOOL_NAME)},\n  "version": ${JSON.stringify(version)},\n  "schemaVersion": ${SCHEMA_VERSION},\n  "interviews": [`);
  }

  interview(result: InterviewResult): void {
    this.serialized(serializeInterview(result));
  }

  /** An interview already serialized by serializeInterview (in a worker thread, or from the cache). */
  serialized(json: string): void {
    this.sink.write(`${this.count === 0 ? '\n' : ',\n'}${json}`);
    this.count++;
  }

  finish(fileErrors: AnalyzeReport['fileErrors'], summary: AnalyzeReport['summary']): void {
    this.sink.write(`${this.count === 0 ? ']' : '\n  ]'},\n  "fileErrors": ${indent(JSON.stringify(fileErrors, null, 2), 2).trimStart()},\n  "summary": ${indent(JSON.stringify(summary, null, 2), 2).trimStart()}\n}\n`);
  }
}

const WRAPPER_START = '{\n  "interviews": [\n';
const WRAPPER_END = '\n  ]\n}';

/**
 * One interview as it appears in the report's `interviews` array, indented to its depth: serialized
 * inside a wrapper that puts it at that depth, so that no second pass re-indents 30 MB of lines.
 */
export function serializeInterview(result: InterviewResult): string {
  const wrapped = JSON.stringify({ interviews: [result] }, null, 2);
  return wrapped.slice(WRAPPER_START.length, wrapped.length - WRAPPER_END.length);
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return pad + text.replace(/\n/g, `\n${pad}`);
}
