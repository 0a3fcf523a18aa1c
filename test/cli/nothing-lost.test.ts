/**
 * Nothing lost: what the report and the cache may be written onto, pipes, full disks and signals. These
 * go through the real executable (FIFOs, process substitution, signals and closed pipes need a process).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/interview-lint.js');
const ENV = { ...process.env, NO_COLOR: '1', CI: 'true' };
const isRoot = process.getuid?.() === 0;

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function shell(script: string, cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `set -o pipefail; IL="${process.execPath} ${BIN}"; ${script}`], { cwd, encoding: 'utf8', env: ENV, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'il-lost-'));
  cpSync(join(ROOT, 'fixtures/notes'), join(dir, 'notes'), { recursive: true });
  cpSync(join(ROOT, 'fixtures/guides'), join(dir, 'guides'), { recursive: true });
  return dir;
}

const NOTE = 'notes/2026-03-02-dana.md';

/** Every file under a folder with its bytes (to prove nothing changed). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (lstatSync(path).isFile()) out[name] = readFileSync(path, 'latin1');
  }
  return out;
}

function temporaries(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith('.tmp'));
}

/** A folder of notes big enough that a run takes a while and its JSON report is over a megabyte. */
function bigNotes(dir: string, copies: number): void {
  mkdirSync(join(dir, 'big'));
  const text = readFileSync(join(ROOT, 'fixtures/notes/2026-03-02-dana.md'), 'utf8');
  for (let i = 0; i < copies; i++) writeFileSync(join(dir, 'big', `note-${String(i).padStart(4, '0')}.md`), text);
}

describe('--output', () => {
  it('writes through a symbolic link to a file, keeping the link and the file mode', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'real.json'), 'old');
    chmodSync(join(dir, 'real.json'), 0o600);
    symlinkSync('real.json', join(dir, 'link.json'));
    expect(run(['analyze', 'notes', '--output', 'link.json'], dir).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('real.json');
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).tool).toBe('interview-lint');
    expect(statSync(join(dir, 'real.json')).mode & 0o777).toBe(0o600);
    expect(temporaries(dir)).toEqual([]);
  });

  it('writes into a FIFO in place (the reader gets the report, the FIFO stays a FIFO)', async () => {
    const dir = workspace();
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [BIN, 'lint', 'guides', '--format', 'json', '--output', fifo], { cwd: dir, env: ENV });
    const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
    const received = readFileSync(fifo, 'utf8'); // blocks until the writer closes
    expect(await exited).toBe(1);
    expect(JSON.parse(received).summary.files).toBe(10);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('writes to a character device in place: /dev/null stays a device', () => {
    const dir = workspace();
    expect(run(['lint', 'guides', '--output', '/dev/null'], dir).code).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    // /dev/stdout is a link to the process's standard output: written through, not replaced.
    const r = shell('$IL lint guides/en-good.md --output /dev/stdout | cat', dir);
    expect(r.stdout).toContain('no problems');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('refuses a folder or a socket-like target with exit 2 and leaves no temporary file', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'out'));
    const r = run(['lint', 'guides', '--output', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['interview-lint: cannot write the report to out: it is a directory']);
    expect(temporaries(dir)).toEqual([]);
  });

  it('refuses an output that is an input by another name: a linked folder, a hard link', () => {
    const dir = workspace();
    symlinkSync('notes', join(dir, 'link'));
    const before = snapshot(join(dir, 'notes'));
    for (const command of ['analyze', 'lint']) {
      const r = run([command, 'link', '--output', NOTE], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/refusing to write the report onto an input file/);
    }
    execFileSync('ln', [join(dir, NOTE), join(dir, 'hard.md')]);
    expect(run(['analyze', 'notes', '--output', 'hard.md'], dir).code).toBe(2);
    expect(snapshot(join(dir, 'notes'))).toEqual(before);
  });

  it('a write that fails (a full disk) is exit 2 with one line, for the report file and for standard output', () => {
    const dir = workspace();
    for (const command of ['lint', 'analyze']) {
      const r = run([command, command === 'lint' ? 'guides' : 'notes', '--output', '/dev/full'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(['interview-lint: cannot write the report to /dev/full: no space left on device']);
      const s = shell(`$IL ${command} ${command === 'lint' ? 'guides' : 'notes'} > /dev/full`, dir);
      expect(s.code).toBe(2);
      expect(s.stderr.trim().split('\n')).toEqual(['interview-lint: cannot write to standard output: no space left on device']);
    }
  });
});

describe('closed pipes', () => {
  it('ends quietly when the reader goes away, for every command and format, with the run\'s own exit code', () => {
    const dir = workspace();
    bigNotes(dir, 150);
    const cases: Array<[string, number]> = [
      ['$IL analyze big --format json | head -c 10', 0],
      ['$IL analyze big --format markdown | head -c 10', 0],
      ['$IL analyze big --format stylish | head -c 10', 0],
      ['$IL lint guides guides/*.md guides/*.txt --format json | head -c 10', 1],
      ['$IL lint guides --format stylish | head -c 10', 1],
      ['$IL rules --format json | head -c 10', 0],
    ];
    for (const [script, code] of cases) {
      const r = shell(script, dir);
      expect(r.stderr, script).toBe('');
      expect(r.code, script).toBe(code);
      expect(r.stdout.length, script).toBe(10);
    }
  });
});

describe('inputs that can be read once', () => {
  it('reads a process substitution once, with --cache and --redact', () => {
    const dir = workspace();
    const direct = JSON.parse(run(['analyze', NOTE, '--redact'], dir).stdout);
    for (const flags of ['--redact', '--cache', '--redact --cache']) {
      const r = shell(`$IL analyze ${flags} <(cat ${NOTE})`, dir);
      expect(r.code, flags).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.interviews[0].extracts.length, flags).toBeGreaterThan(0);
      if (flags.includes('redact')) expect(report.interviews[0].extracts.length, flags).toBe(direct.interviews[0].extracts.length);
    }
  });
});

describe('--cache', () => {
  it('is never written onto an input or onto the report', () => {
    const dir = workspace();
    const before = snapshot(join(dir, 'notes'));
    let r = run(['analyze', 'notes', '--cache', '--cache-location', NOTE], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write the cache onto an input file/);
    symlinkSync('notes', join(dir, 'link'));
    r = run(['lint', 'link', '--cache', '--cache-location', NOTE], dir);
    expect(r.code).toBe(2);
    expect(snapshot(join(dir, 'notes'))).toEqual(before);
    r = run(['analyze', 'notes', '--output', 'x.json', '--cache', '--cache-location', 'x.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the cache location and the report are the same file/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('serves the right output to concurrent runs over different folders', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'one'));
    mkdirSync(join(dir, 'two'));
    cpSync(join(dir, NOTE), join(dir, 'one/a.md'));
    cpSync(join(dir, 'notes/2026-03-04-marc-crlf.md'), join(dir, 'two/b.md'));
    const expected = { one: run(['analyze', 'one', '--format', 'json'], dir).stdout, two: run(['analyze', 'two', '--format', 'markdown'], dir).stdout };
    const start = (folder: 'one' | 'two'): Promise<string> =>
      new Promise((done) => {
        const child = spawn(process.execPath, [BIN, 'analyze', folder, '--cache', '--format', folder === 'one' ? 'json' : 'markdown'], { cwd: dir, env: ENV });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        child.on('exit', () => done(out));
      });
    for (let round = 0; round < 3; round++) {
      const [one, two] = await Promise.all([start('one'), start('two')]);
      expect(one).toBe(expected.one);
      expect(two).toBe(expected.two);
    }
  });

  it('sees an edit that keeps the size and the modification time', () => {
    const dir = workspace();
    const path = join(dir, NOTE);
    const first = run(['analyze', NOTE, '--cache'], dir).stdout;
    const { atime, mtime } = statSync(path);
    const text = readFileSync(path, 'utf8');
    // One quoted word's case flipped: same length, another quote in the report.
    const quote = (JSON.parse(first) as { interviews: Array<{ extracts: Array<{ text: string }> }> }).interviews[0]?.extracts[0]?.text ?? '';
    const word = quote.match(/[a-z]{4,}/)?.[0] ?? '';
    const edited = text.replace(quote, quote.replace(word, word.toUpperCase()));
    expect(edited.length).toBe(text.length);
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
    utimesSync(path, atime, mtime);
    const second = run(['analyze', NOTE, '--cache'], dir).stdout;
    expect(second).not.toBe(first);
    expect(second).toBe(run(['analyze', NOTE], dir).stdout);
  });

  it('an unwritable cache location gives one warning and the run goes on', () => {
    const dir = workspace();
    const locations = [`${NOTE}/cache`];
    if (!isRoot) {
      mkdirSync(join(dir, 'ro'));
      chmodSync(join(dir, 'ro'), 0o555);
      locations.push('ro/cache');
    }
    for (const location of locations) {
      const a = run(['analyze', 'notes', '--cache', '--cache-location', location], dir);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(run(['analyze', 'notes'], dir).stdout);
      expect(a.stderr.trim().split('\n')).toHaveLength(1);
      expect(a.stderr).toMatch(/warning: the cache is off for this run/);
      const l = run(['lint', 'guides', '--cache', '--cache-location', location, '--format', 'compact'], dir);
      expect(l.code).toBe(1);
      expect(l.stdout).toBe(run(['lint', 'guides', '--format', 'compact'], dir).stdout);
      expect(l.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('signals', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} mid-run leaves no temporary file and the old report untouched`, async () => {
      const dir = workspace();
      bigNotes(dir, 1500);
      writeFileSync(join(dir, 'report.json'), 'previous report');
      const child = spawn(process.execPath, [BIN, 'analyze', 'big', '--cache', '--concurrency', 'off', '--output', 'report.json'], { cwd: dir, env: ENV });
      const exited = new Promise<string | null>((done) => child.on('exit', (_code, sig) => done(sig)));
      // Wait until the report is being written (its temporary file exists), then interrupt.
      for (let i = 0; i < 400 && !readdirSync(dir).some((n) => n.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 25));
      expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(temporaries(dir)).toEqual([]);
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('previous report');
    }, 30_000);
  }
});
