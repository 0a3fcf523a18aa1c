import { describe, expect, it } from 'vitest';
import { decode, encodingNotice } from '../../src/input/read.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cp1252 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => ({ é: 0xe9, è: 0xe8, à: 0xe0, ç: 0xe7, '’': 0x92 })[c] ?? c.charCodeAt(0)));

describe('decoding by region', () => {
  it('keeps a UTF-8 file with a stray byte as UTF-8, the byte replaced and its line reported', () => {
    const good = utf8('---\nparticipant: Hélène Dupré\n---\nQ : Et après ?\nR : Ça a été très pénible, vraiment.\n');
    const bytes = new Uint8Array([...good.slice(0, good.length - 10), 0xe9, ...good.slice(good.length - 10)]);
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('Hélène Dupré');
    expect(decoded.text).toContain('\uFFFD');
    expect(decoded.replacedLines).toEqual([5]);
    expect(encodingNotice(decoded.encoding, 'fr', decoded.replacedLines)).toMatch(/ligne 5\)/);
  });

  it('reads a file that is not UTF-8 as a whole as Windows-1252', () => {
    const decoded = decode(cp1252('Hélène a trouvé ça très pénible à gérer.\nOn perd du temps à tout ressaisir.\n'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text.startsWith('Hélène a trouvé ça très pénible à gérer.')).toBe(true);
  });

  it('valid UTF-8 has no notice', () => {
    const decoded = decode(utf8('Hélène'));
    expect(decoded).toEqual({ text: 'Hélène', encoding: 'utf-8' });
    expect(encodingNotice(decoded.encoding, 'en')).toBeUndefined();
  });
});
