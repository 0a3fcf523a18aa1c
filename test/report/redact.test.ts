import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/report/redact.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/interview-lint.js');

describe('Redactor', () => {
  it('replaces e-mail addresses with stable numbered placeholders', () => {
    const r = new Redactor();
    expect(r.text('Write to marie.dupont@example.fr or MARIE.DUPONT@example.fr, then tom@x.co.uk')).toBe('Write to [EMAIL-1] or [EMAIL-1], then [EMAIL-2]');
  });
  it('replaces French and international phone numbers, not dates or amounts', () => {
    const r = new Redactor();
    expect(r.text('Appelez le 06 12 34 56 78, le 06.12.34.56.78 ou le 0612345678.')).toBe('Appelez le [PHONE-1], le [PHONE-1] ou le [PHONE-1].');
    expect(r.text('Ou le +33 6 12 34 56 78 et le +33 (0)1 23 45 67 89.')).toBe('Ou le [PHONE-1] et le [PHONE-2].');
    expect(r.text('Call +44 20 7946 0958, +14155552671 or (415) 555-2671.')).toBe('Call [PHONE-3], [PHONE-4] or [PHONE-5].');
    expect(r.text('Le 12/03/2026 nous avons payé 1 250,00 € pour 3 licences en 2025.')).toBe('Le 12/03/2026 nous avons payé 1 250,00 € pour 3 licences en 2025.');
  });
  it('replaces the names of the front matter, whole and by part, wherever they appear', () => {
    const r = new Redactor();
    r.addNames({ participant: 'Marie Dupont', interviewer: 'Léa', company: 'Boulangerie Martin', segment: 'PME' }, []);
    expect(r.text('Léa a vu Marie, puis Mme Dupont de Boulangerie Martin (PME).')).toBe('[INTERVIEWER] a vu [PARTICIPANT], puis Mme [PARTICIPANT] de [COMPANY] (PME).');
    r.addNames({ manager: 'Karim' }, ['manager']);
    expect(r.text('karim said so')).toBe('[MANAGER] said so');
  });
  it('rewrites every content string of a report but not its structure', () => {
    const r = new Redactor();
    r.addNames({ participant: 'Marie' }, []);
    const report = r.deep({ path: 'notes/marie.md', kind: 'problem', text: 'Marie: 06 12 34 56 78', meta: { participant: 'Marie' } });
    // A path without a pseudonym still loses the names in it.
    expect(report).toEqual({ path: 'notes/[PARTICIPANT].md', kind: 'problem', text: '[PARTICIPANT]: [PHONE-1]', meta: { participant: '[PARTICIPANT]' } });
  });
});

describe('--redact and private fields (real executable)', () => {
  const note = `---
participant: Marie Dupont
interviewer: Léa
email: marie.dupont@example.fr
phone: "06 12 34 56 78"
segment: PME
---
Q : Vous trouvez ça pénible, n'est-ce pas, Marie ?
R : Oui. Léa, notez mon mail marie.dupont@example.fr et le 06 12 34 56 78 : on perd un temps fou à tout ressaisir.
`;
  it('leaves no e-mail, phone or name in any output format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-redact-'));
    writeFileSync(join(dir, 'marie.md'), note);
    writeFileSync(join(dir, '.interviewlintrc.yaml'), 'private: [email, phone]\n');
    for (const format of ['json', 'markdown', 'stylish', 'sarif', 'github', 'compact']) {
      const r = spawnSync(process.execPath, [BIN, 'analyze', 'marie.md', '--redact', '--format', format], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stdout, format).not.toMatch(/Marie|Dupont|Léa|example\.fr|06 12 34 56 78/);
      if (format === 'json') {
        const report = JSON.parse(r.stdout);
        expect(report.interviews[0].meta).toEqual({ participant: '[PARTICIPANT]', interviewer: '[INTERVIEWER]', segment: 'PME' });
        expect(JSON.stringify(report)).toContain('[EMAIL-1]');
        expect(JSON.stringify(report)).toContain('[PHONE-1]');
      }
    }
  });
  it('never reports private fields, even without --redact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-private-'));
    writeFileSync(join(dir, 'marie.md'), note);
    writeFileSync(join(dir, '.interviewlintrc.yaml'), 'private: [email, phone]\n');
    const r = spawnSync(process.execPath, [BIN, 'analyze', 'marie.md'], { cwd: dir, encoding: 'utf8' });
    expect(Object.keys(JSON.parse(r.stdout).interviews[0].meta)).toEqual(['participant', 'interviewer', 'segment']);
  });
});

describe('Redactor: names, phones and e-mails in every usual form', () => {
  it('matches names whatever their case, accents or Unicode normalisation, structured values and short parts', () => {
    const r = new Redactor();
    r.addNames({ participant: { first: 'Li', last: 'Na' }, interviewer: 'Hélène', company: 'Zoë Café' }, []);
    expect(r.text('Li et Na ; Helene, HÉLÈNE, He\u0301le\u0300ne ; Zoe Cafe ; Li Na')).toBe('[PARTICIPANT] et [PARTICIPANT] ; [INTERVIEWER], [INTERVIEWER], [INTERVIEWER] ; [COMPANY] ; [PARTICIPANT]');
    // Short parts only where they stand capitalised as words; particles never alone.
    expect(r.text('a li b, le chat, Linux')).toBe('a li b, le chat, Linux');
    const s = new Redactor();
    s.addNames({ participant: 'Marie Le Gall' }, []);
    expect(s.text('Marie Le Gall, Mme Le Gall, le chat')).toBe('[PARTICIPANT], Mme Le [PARTICIPANT], le chat');
  });

  it.each([
    ['UK mobile and London', 'Call 07700 900123 or 020 7946 0958.'],
    ['German landline, international and mobile', 'Tel. 030 901820, +49 30 901820, 0151 23456789.'],
    ['Belgian', 'Bel 02 123 45 67 ou 0470 12 34 56.'],
    ['Swiss', 'Tél. 044 668 18 00 ou +41 44 668 18 00.'],
    ['Canadian and US', '(514) 555-0199 or 415-555-2671.'],
    ['French', '06 12 34 56 78, +33 6 12 34 56 78, 01.23.45.67.89.'],
  ])('phones: %s', (_, text) => {
    expect(new Redactor().text(text)).not.toMatch(/\d{2}/);
  });

  it('leaves dates, times, amounts, versions and counts alone', () => {
    const text = 'Le 12/03/2026 à 00:01:05 nous avons payé 1 250,00 € pour 3 licences en 2025, v1.2.3, 10 000 users, 0,5 %, 0.25 s.';
    expect(new Redactor().text(text)).toBe(text);
  });

  it('replaces internationalised and local e-mail addresses', () => {
    expect(new Redactor().text('jörg@müller.de, JÖRG@MÜLLER.DE, john@localhost, not @handle')).toBe('[EMAIL-1], [EMAIL-1], [EMAIL-2], not @handle');
  });

  it('gives paths stable pseudonyms', () => {
    const r = new Redactor();
    r.setPaths(['notes/2026-03-02-dana.md', 'notes/b.txt']);
    expect(r.deep({ path: 'notes/2026-03-02-dana.md', quotes: [{ path: 'notes/b.txt' }] })).toEqual({ path: 'note-01.md', quotes: [{ path: 'note-02.txt' }] });
  });

  it('costs the same per text with 20 or 20,000 participants (one pass over the words)', () => {
    const time = (count: number): number => {
      const r = new Redactor();
      for (let i = 0; i < count; i++) r.addNames({ participant: `Name${i} Surname${i}` }, []);
      const text = 'Name7 Surname7 told Name19 about the 06 12 34 56 78 line. '.repeat(200);
      const started = performance.now();
      for (let k = 0; k < 20; k++) r.text(text);
      return performance.now() - started;
    };
    time(20);
    expect(time(20_000) / time(20)).toBeLessThan(5);
  });
});
