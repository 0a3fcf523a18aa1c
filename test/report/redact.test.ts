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
    expect(report).toEqual({ path: 'notes/marie.md', kind: 'problem', text: '[PARTICIPANT]: [PHONE-1]', meta: { participant: '[PARTICIPANT]' } });
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
