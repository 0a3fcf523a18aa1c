/**
 * analyze --format qdpx: a REFI-QDA project that validates against the QDA-XML 1.0 schema, whose
 * selections find every extract at their code-point offsets, and whose bytes (GUIDs included) are the
 * same run after run; --format qdc, the codebook alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { uuid5 } from '../../src/report/format-analyze-qdpx.js';
import { cli } from '../helpers/in-process.js';
import { tempFolder } from '../helpers/temp-folder.js';

const XSD = resolve(import.meta.dirname, '../../../shared/schemas/refi-qda-project-1.0.xsd');

async function project(dir: string, args: string[] = []): Promise<Uint8Array> {
  const r = await cli(['analyze', '.', '--format', 'qdpx', '-o', 'p.qdpx', ...args], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(join(dir, 'p.qdpx'));
}

function clean(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}_&/#])#[\p{L}][\p{L}\p{N}_/-]*/gu, ' ').replace(/\s+/g, ' ').trim();
}

const NOTES = {
  'a.md': '---\nparticipant: Ana\nsegment: SMB\ndate: 2026-03-02\n---\nQ: How do you send invoices?\nA: By hand 😤, it takes ages and I lose quotes. #problem\nA: I wish I could see every open quote in one place.\n',
  'b.md': 'Q : Comment faites-vous ?\r\nR : Je ressaisis tout dans un tableur, c’est pénible.\r\nR : J’aimerais un export automatique. 🙏\r\n',
};

describe('analyze --format qdpx', () => {
  it.skipIf(!existsSync(XSD))('validates against the REFI-QDA project schema', async () => {
    const files = unzipSync(await project(tempFolder(NOTES)));
    const xml = strFromU8(files['project.qde'] as Uint8Array);
    const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'project.xsd', contents: readFileSync(XSD, 'utf8') }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('finds every extract at its offsets, counted in code points of the plain text', async () => {
    const dir = tempFolder(NOTES);
    const json = JSON.parse((await cli(['analyze', '.'], dir)).stdout) as { interviews: Array<{ path: string; extracts: Array<{ text: string; kind: string }> }> };
    const files = unzipSync(await project(dir));
    const xml = strFromU8(files['project.qde'] as Uint8Array);
    let checked = 0;
    for (const interview of json.interviews) {
      const guid = uuid5(`source:${interview.path}`);
      const text = strFromU8(files[`sources/${guid}.txt`] as Uint8Array);
      expect(text.includes('\r')).toBe(false);
      const codePoints = [...text];
      const source = new RegExp(`<TextSource guid="${guid}"[\\s\\S]*?</TextSource>`).exec(xml)?.[0] ?? '';
      const selections = [...source.matchAll(/<PlainTextSelection [^>]*name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g)];
      expect(selections.length).toBe(interview.extracts.length);
      interview.extracts.forEach((e, i) => {
        const [, , start, end] = selections[i] as RegExpMatchArray;
        const slice = codePoints.slice(Number(start), Number(end)).join('');
        expect(clean(slice), `${interview.path} ${e.kind}`).toBe(clean(e.text));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(4);
  });

  it('is the same bytes run after run (deterministic GUIDs, fixed dates), and refuses --redact', async () => {
    const dir = tempFolder(NOTES);
    expect(Buffer.from(await project(dir)).equals(Buffer.from(await project(dir)))).toBe(true);
    const redacted = await cli(['analyze', '.', '--format', 'qdpx', '-o', 'r.qdpx', '--redact'], dir);
    expect(redacted.code).toBe(2);
    expect(redacted.stderr).toMatch(/--redact/);
    expect(existsSync(join(dir, 'r.qdpx'))).toBe(false);
  });

  it('--format qdc writes the codebook: kinds, with the tags and emotion categories under them', async () => {
    const xml = (await cli(['analyze', '.', '--format', 'qdc'], tempFolder(NOTES))).stdout;
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);
    expect(xml).toMatch(/<Code guid="[0-9a-f-]{36}" name="problem" isCodable="true" color="#C53030">[\s\S]*?<Code guid="[0-9a-f-]{36}" name="#problem" isCodable="true"\/>/);
    if (existsSync(XSD)) {
      // The codebook's Code elements follow the project schema's CodeType: check them inside a project.
      const inner = /<Codes>[\s\S]*<\/Codes>/.exec(xml)?.[0] ?? '';
      const wrapped = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook>${inner}</CodeBook></Project>`;
      const result = await validateXML({ xml: [{ fileName: 'codebook.qde', contents: wrapped }], schema: [{ fileName: 'project.xsd', contents: readFileSync(XSD, 'utf8') }] });
      expect(result.errors).toEqual([]);
    }
  });
});
