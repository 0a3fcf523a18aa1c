import { describe, expect, it } from 'vitest';
import { createProgress, progressEnabled } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string } {
  const stream = { isTTY, columns: 60, written: '', write(chunk: string) { stream.written += chunk; return true; } };
  return stream as unknown as NodeJS.WriteStream & { written: string };
}

describe('progress bar', () => {
  it('is shown only on a TTY, outside CI, without --quiet, for enough files', () => {
    expect(progressEnabled({ total: 100, stream: fakeStream(true), env: {} })).toBe(true);
    expect(progressEnabled({ total: 100, stream: fakeStream(false), env: {} })).toBe(false);
    expect(progressEnabled({ total: 100, stream: fakeStream(true), env: { CI: 'true' } })).toBe(false);
    expect(progressEnabled({ total: 100, stream: fakeStream(true), env: {}, quiet: true })).toBe(false);
    expect(progressEnabled({ total: 3, stream: fakeStream(true), env: {} })).toBe(false);
  });
  it('shows the count, the percentage and an ETA, and clears itself', () => {
    const stream = fakeStream(true);
    const progress = createProgress(2, true, stream);
    progress.tick('a.md');
    progress.tick('b.md');
    expect(stream.written).toMatch(/2\/2 100% ETA \d+s b\.md/);
    progress.done();
    expect(stream.written.endsWith('\r')).toBe(true);
  });
  it('writes nothing when disabled', () => {
    const stream = fakeStream(true);
    const progress = createProgress(2, false, stream);
    progress.tick('a.md');
    progress.done();
    expect(stream.written).toBe('');
  });
});
