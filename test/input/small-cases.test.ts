/** The smaller cases of the reliability probe: each gets a clear message or a right answer (in-process CLI). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/in-process.js';
import { tempFolder } from '../helpers/temp-folder.js';

const NOTE = '---\nsegment: PME\n---\nQ: How do you plan?\nA: On paper, and it is frustrating.\n';

describe('small cases', () => {
  it('--group-by constructor and __proto__ are fields like any other', async () => {
    const dir = tempFolder({ 'n.md': NOTE });
    const r = await cli(['analyze', 'n.md', '--group-by', 'constructor', '--group-by', '__proto__', '--group-by', 'segment'], dir);
    const groups = JSON.parse(r.stdout).summary.groups;
    expect(Object.keys(groups)).toEqual(['__proto__', 'constructor', 'segment']);
    expect(Object.keys(groups.constructor)).toEqual(['(none)']);
    expect(Object.keys(groups.__proto__)).toEqual(['(none)']);
    expect(r.stdout).not.toContain('native code');
  });

  it('an unclosed front matter is read as text, with a notice, and the turns after it are mined', async () => {
    const dir = tempFolder({ 'n.md': '---\nparticipant: Dana\nQ: How do you plan the week?\nA: On paper, and it is really frustrating.\n' });
    const r = await cli(['analyze', 'n.md'], dir);
    const interview = JSON.parse(r.stdout).interviews[0];
    expect(interview.extracts.length).toBeGreaterThan(0);
    expect(interview.notices).toEqual(['The front matter opened on line 1 by "---" is never closed: the file is read as text, without metadata.']);
  });

  it('typed YAML values in front matter come out as text, lists and mappings', async () => {
    const dir = tempFolder({ 'n.md': '---\nparticipant: !!binary RGFuYQ==\ntags: !!set {a, b}\ndate: 2026-03-02\n---\nA: It is slow.\n' });
    const meta = JSON.parse((await cli(['analyze', 'n.md'], dir)).stdout).interviews[0].meta;
    expect(meta).toEqual({ participant: 'Dana', tags: ['a', 'b'], date: '2026-03-02' });
  });

  it('an alias bomb in a configuration found on the way is reported once, against the configuration', async () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    const dir = tempFolder({ '.interviewlintrc.yaml': bomb, 'notes/a.md': NOTE, 'notes/b.md': NOTE, 'notes/c.md': NOTE });
    for (const command of ['lint', 'analyze']) {
      const r = await cli([command, 'notes', '--format', 'json'], dir);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).fileErrors).toEqual([{ path: '.interviewlintrc.yaml', message: 'YAML aliases expand too much (a possible "billion laughs" attack)', line: 1, column: 1 }]);
    }
  });

  it('a file whose name is not valid UTF-8 is named as such, and the others are read', async () => {
    const dir = tempFolder({ 'notes/ok.md': NOTE });
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'notes/caf')), Buffer.from([0xe9]), Buffer.from('.md')]), NOTE);
    const r = await cli(['analyze', 'notes', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.interviews.map((i: { path: string }) => i.path)).toEqual(['notes/ok.md']);
    expect(report.fileErrors[0].message).toMatch(/name is not valid UTF-8/);
  });
});
