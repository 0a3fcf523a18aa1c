import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm package', () => {
  it('packs, installs offline into another folder, and runs', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-pack-'));
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0]?.files.map((f) => f.path) ?? [];
    expect(files).toContain('bin/interview-lint.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('rules/questions/closed-question.yaml');
    expect(files).toContain('schema/config.schema.json');
    expect(files).toContain('docs/rules/closed-question.md');
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, packed[0]?.filename ?? '')], { cwd: app, encoding: 'utf8' });
    const bin = join(app, 'node_modules', '.bin', 'interview-lint');
    expect(execFileSync(bin, ['--version'], { cwd: app, encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    writeFileSync(join(app, 'guide.md'), '- Tell me about the last time you planned a trip.\n  - Why?\n- Would you pay for it?\n');
    let code = 0;
    let out = '';
    try {
      out = execFileSync(bin, ['lint', 'guide.md', '--format', 'compact', '--no-color'], { cwd: app, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    } catch (error) {
      code = (error as { status: number }).status;
      out = (error as { stdout: string }).stdout;
    }
    expect(code).toBe(1);
    expect(out).toContain('guide.md:3:3: error');
  });
});
