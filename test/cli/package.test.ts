import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The packed tarball installed the way npm lays it out (package/ → node_modules/interview-lint, its bin
 * linked in node_modules/.bin), with only the declared dependencies beside it, linked from this checkout.
 * No registry is asked: `npm install --offline <tarball>` needs every dependency's registry metadata in
 * the npm cache, which `npm ci` on a fresh machine never downloads.
 */
describe('the npm package', () => {
  it('packs, installs into another folder with only its declared dependencies, and runs', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-pack-'));
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0]?.files.map((f) => f.path) ?? [];
    expect(files).toContain('bin/interview-lint.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('rules/questions/closed-question.yaml');
    expect(files).toContain('schema/config.schema.json');
    expect(files).toContain('docs/rules/closed-question.md');
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);

    const app = join(dir, 'app');
    const modules = join(app, 'node_modules');
    const installed = join(modules, 'interview-lint');
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    execFileSync('tar', ['-xzf', join(dir, packed[0]?.filename ?? ''), '-C', installed, '--strip-components=1']);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; bin: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies)) {
      const from = join(ROOT, 'node_modules', name);
      expect(existsSync(from), `${name} is declared and installed`).toBe(true);
      mkdirSync(join(modules, name, '..'), { recursive: true });
      symlinkSync(from, join(modules, name), 'dir');
    }
    mkdirSync(join(modules, '.bin'));
    const bin = join(modules, '.bin', 'interview-lint');
    symlinkSync(join('..', 'interview-lint', manifest.bin['interview-lint'] ?? ''), bin);
    chmodSync(join(installed, manifest.bin['interview-lint'] ?? ''), 0o755);

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
    writeFileSync(join(app, 'note.md'), '---\nparticipant: Ana\n---\nQ: Tell me about your last trip.\nA: I was frustrated because booking took hours.\n');
    const analyzed = JSON.parse(execFileSync(bin, ['analyze', 'note.md'], { cwd: app, encoding: 'utf8' })) as { interviews: Array<{ extracts: unknown[] }> };
    expect(analyzed.interviews[0]?.extracts.length).toBeGreaterThan(0);
  });
});
