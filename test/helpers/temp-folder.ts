/** A scratch folder with these files (paths relative to it; folders made as needed). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFolder(files: Record<string, string | Buffer>, options: { git?: boolean; prefix?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'il-test-'));
  if (options.git) mkdirSync(join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
