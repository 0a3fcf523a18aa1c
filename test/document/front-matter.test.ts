import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrontMatterError, readFrontMatter } from '../../src/document/front-matter.js';

describe('front matter', () => {
  it('reads YAML and blanks the block, keeping line numbers', () => {
    const fm = readFrontMatter('---\nlang: fr\nparticipant: Marie\n---\nBonjour\n');
    expect(fm.data).toEqual({ lang: 'fr', participant: 'Marie' });
    expect(fm.body.split('\n')[4]).toBe('Bonjour');
    expect(fm.body.length).toBe('---\nlang: fr\nparticipant: Marie\n---\nBonjour\n'.length);
  });
  it('never runs JavaScript front matter', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'il-')), 'pwned');
    const payload = `---js\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); ({})\n---\nHello\n`;
    expect(() => readFrontMatter(payload)).toThrow(FrontMatterError);
    expect(existsSync(marker)).toBe(false);
  });
  it('reports broken YAML with a line', () => {
    try {
      readFrontMatter('---\nlang: [fr\n---\ntext\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FrontMatterError);
      expect((error as FrontMatterError).line).toBeGreaterThanOrEqual(2);
    }
  });
});
