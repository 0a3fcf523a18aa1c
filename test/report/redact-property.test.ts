/**
 * --redact leaves no personal value anywhere: generated notes with names in front matter (plain and
 * structured), in speaker labels (bold, Otter-style), in file names, with e-mails and phones; every output
 * format, and the cache folder, are scanned for each value.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/in-process.js';

const FIRST = ['Hélène', 'Zoë', 'Jörg', 'Marie', 'Dana', 'Li', 'Na', 'Émile', 'Aïcha', 'Søren', 'Jean'];
const LAST = ['Dupré', 'Cruz', 'Valjean', 'Müller', 'Okafor', 'Nguyen', 'Da Silva', 'Le Gall'];
const PHONES = ['06 12 34 56 78', '07700 900123', '030 901820', '+1 415 555 2671', '0470 12 34 56'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((n) => statSync(join(dir, n)).isFile()).map((n) => join(dir, n));
}

describe('--redact leaves no personal data in any output or in the cache', () => {
  it('on generated notes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ first: fc.constantFrom(...FIRST), last: fc.constantFrom(...LAST), phone: fc.constantFrom(...PHONES), style: fc.constantFrom('front', 'structured', 'bold-label', 'otter') }), { minLength: 1, maxLength: 3 }),
        async (people) => {
          const dir = mkdtempSync(join(tmpdir(), 'il-redact-prop-'));
          mkdirSync(join(dir, 'notes'));
          const secrets = new Set<string>();
          people.forEach((p, i) => {
            const full = `${p.first} ${p.last}`;
            const email = `${p.first.toLowerCase()}.${i}@exämple.org`;
            for (const s of [p.first, p.last, full, email, p.phone]) secrets.add(s);
            const front = p.style === 'structured' ? `participant: { first: ${p.first}, last: ${p.last} }\n` : p.style === 'front' ? `participant: ${full}\n` : '';
            const turns =
              p.style === 'bold-label'
                ? `**Sam:** How do you plan the week?\n\n**${full}:** On paper, ${p.first.toUpperCase()} says it is frustrating. Call ${p.phone} or ${email}.\n\n**Sam:** Why?\n\n**${full}:** Because it is slow.\n`
                : p.style === 'otter'
                  ? `Sam Lee  0:01\nHow do you plan the week?\n\n${full}  0:09\nOn paper, it is frustrating. Call ${p.phone} or ${email}.\n\nSam Lee  0:20\nWhy?\n\n${full}  0:25\nBecause it is slow.\n`
                  : `Q: How do you plan the week, ${p.first}?\nA: On paper. ${p.last} here, it is frustrating: ${p.phone}, ${email}.\n`;
            writeFileSync(join(dir, 'notes', `2026-03-0${i + 1}-${p.first.toLowerCase()}.md`), `---\n${front}lang: en\n---\n${turns}`);
          });
          const outputs: string[] = [];
          for (const format of ['json', 'markdown', 'stylish', 'sarif', 'github', 'compact']) {
            const r = await cli(['analyze', 'notes', '--redact', '--format', format, '--cache', '--concurrency', 'off'], dir);
            outputs.push(r.stdout, r.stderr);
          }
          outputs.push(...filesUnder(dir).filter((f) => !f.includes(`${join(dir, 'notes')}`)).map((f) => readFileSync(f, 'utf8')));
          const all = outputs.join('\n').normalize('NFC');
          for (const secret of secrets) {
            const variants = [secret, secret.normalize('NFD').replace(/\p{M}/gu, '')];
            for (const v of variants) {
              const standing = new RegExp(`(?<![\\p{L}\\p{N}])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
              expect(standing.test(all), `"${v}" leaked`).toBe(false);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('--redact on the bundled notes', () => {
  it('leaves none of their names, file names included, in any format or in the cache', async () => {
    const { cpSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'il-redact-fixtures-'));
    cpSync(join(import.meta.dirname, '../../fixtures/notes'), join(dir, 'notes'), { recursive: true });
    const names = ['Léa', 'Sam', 'Potagers', 'Dana', 'Marc', 'Priya', 'dana', 'marc'];
    const outputs: string[] = [];
    for (const format of ['json', 'markdown', 'stylish', 'sarif', 'github', 'compact']) {
      const r = await cli(['analyze', 'notes', '--redact', '--cache', '--format', format], dir);
      outputs.push(r.stdout);
    }
    outputs.push(...filesUnder(dir).filter((f) => !f.startsWith(join(dir, 'notes'))).map((f) => readFileSync(f, 'utf8')));
    const all = outputs.join('\n');
    for (const name of names) expect(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(all), name).toBe(false);
    expect(all).toContain('note-01.md');
  });
});
