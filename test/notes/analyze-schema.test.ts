import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync(new URL('../../schema/analyze-report.schema.json', import.meta.url), 'utf8')) as object;
const bin = new URL('../../bin/interview-lint.js', import.meta.url).pathname;

function analyze(...args: string[]): unknown {
  return JSON.parse(execFileSync(process.execPath, [bin, 'analyze', ...args], { encoding: 'utf8' }));
}

describe('the shipped analyze report schema', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  it('validates the report on the bundled fixtures', () => {
    const report = analyze('fixtures/notes', '--group-by', 'segment');
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
  it('rejects a report with an unknown extract kind', () => {
    const report = analyze('fixtures/notes') as { interviews: Array<{ extracts: Array<{ kind: string }> }> };
    (report.interviews[0]?.extracts[0] as { kind: string }).kind = 'opinion';
    expect(validate(report)).toBe(false);
  });
});
