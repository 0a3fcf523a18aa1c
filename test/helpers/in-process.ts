/** Run the CLI in this process (same argument parsing and code paths as the executable), output captured. */
import { main } from '../../src/cli/main.js';
import { redirectOutput } from '../../src/cli/stdout.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd?: string): Promise<CliResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const restore = redirectOutput(
    (chunk) => void out.push(Buffer.from(chunk)),
    (chunk) => void err.push(Buffer.from(chunk)),
  );
  const previousCwd = process.cwd();
  const previousNoColor = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(['node', 'interview-lint', ...args]);
    return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  } finally {
    if (cwd) process.chdir(previousCwd);
    if (previousNoColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = previousNoColor;
    restore();
  }
}
