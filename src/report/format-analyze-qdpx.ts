/**
 * `analyze --format qdpx`: a REFI-QDA project (QDA-XML 1.0) that NVivo, ATLAS.ti, MAXQDA and QualCoder
 * import — a zip of `project.qde` and one `sources/<guid>.txt` per note. One code per kind, with the
 * tags and emotion categories under it; one selection per extract, its start and end counted in code
 * points of the note's plain text (newlines normalised), coded with its kind or tag; one case per
 * participant with the front matter's fields as variables. GUIDs are UUID v5 of what they name, so the
 * same notes give the same project, byte for byte. `--format qdc` writes the codebook alone.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { LineIndex } from '../document/positions.js';
import { EXTRACT_KINDS, type Extract, type ExtractKind, type InterviewResult } from '../notes/types.js';
import type { AnalyzeReport } from './analyze-report.js';
import { ANALYZE_WORDS } from './analyze-words.js';
import { KIND_COLOURS } from './kind-colours.js';
import { metaText } from './saturation.js';

/** The namespace of every GUID this tool writes (a fixed, random UUID). */
const NAMESPACE = '6f3c2a8e-5b1d-4c7e-9a04-2d8f1e6b7c35';

/** UUID version 5 (SHA-1, RFC 4122) of a name in our namespace. */
export function uuid5(name: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text for XML, without the characters XML 1.0 forbids. */
function x(text: unknown): string {
  return String(text ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);
}

/** The notes' plain texts, by path (what the extracts' positions refer to). */
export type NoteSources = Map<string, string>;

interface CodeNode {
  guid: string;
  name: string;
  description?: string;
  color?: string;
  children: Map<string, CodeNode>;
}

/** Codes: the seven kinds, and under each the tags and emotion categories its extracts carry. */
function codebook(report: AnalyzeReport): Map<ExtractKind, CodeNode> {
  const words = ANALYZE_WORDS.en;
  const codes = new Map<ExtractKind, CodeNode>();
  for (const kind of EXTRACT_KINDS) codes.set(kind, { guid: uuid5(`code:${kind}`), name: kind, description: words.kinds[kind], color: KIND_COLOURS[kind].toUpperCase(), children: new Map() });
  for (const interview of report.interviews) {
    for (const e of interview.extracts) {
      const parent = codes.get(e.kind) as CodeNode;
      for (const child of childCodes(e)) if (!parent.children.has(child)) parent.children.set(child, { guid: uuid5(`code:${e.kind}/${child}`), name: child, children: new Map() });
    }
  }
  for (const node of codes.values()) node.children = new Map([...node.children].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return codes;
}

/** The child codes an extract is coded with: its tags, else its emotion category. */
function childCodes(e: Extract): string[] {
  if (e.tags && e.tags.length > 0) return e.tags.map((t) => `#${t}`);
  return e.emotion ? [e.emotion] : [];
}

function codeXml(node: CodeNode, indent: string): string {
  const open = `${indent}<Code guid="${node.guid}" name="${x(node.name)}" isCodable="true"${node.color ? ` color="${node.color}"` : ''}`;
  const inner = [...(node.description ? [`${indent}  <Description>${x(node.description)}</Description>`] : []), ...[...node.children.values()].map((c) => codeXml(c, `${indent}  `))];
  return inner.length === 0 ? `${open}/>` : `${open}>\n${inner.join('\n')}\n${indent}</Code>`;
}

function codesXml(codes: Map<ExtractKind, CodeNode>, indent: string): string {
  return `${indent}<Codes>\n${[...codes.values()].map((c) => codeXml(c, `${indent}  `)).join('\n')}\n${indent}</Codes>`;
}

/** `analyze --format qdc`: the codebook alone (QDA-XML codebook 1.0). */
export function formatAnalyzeQdc(report: AnalyzeReport): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="${x(`${report.tool} ${report.version}`)}">\n${codesXml(codebook(report), '  ')}\n</CodeBook>\n`;
}

/** Offsets in code points of a text, from UTF-16 offsets (a surrogate pair is one code point). */
function codePointCounter(text: string): (utf16: number) => number {
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(i + 1);
        i++;
      }
    }
  }
  return (utf16) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[mid] as number) < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}

/** An extract's [start, end) in code points of the note's plain text. */
export function extractOffsets(text: string, e: Extract, lines = new LineIndex(text), cp = codePointCounter(text)): [number, number] {
  const from = lines.offset(e.line, e.column);
  const to = lines.offset(e.endLine, e.endColumn);
  return [cp(Math.min(from, text.length)), cp(Math.min(to, text.length))];
}

/** Front-matter fields that become case variables (the participant names the case itself). */
function variableNames(interviews: InterviewResult[]): string[] {
  const names = new Set<string>();
  for (const i of interviews) for (const [k, v] of Object.entries(i.meta)) if (k !== 'participant' && metaText(v) !== undefined) names.add(k);
  return [...names].sort();
}

export function formatAnalyzeQdpx(report: AnalyzeReport, sources: NoteSources): Uint8Array {
  const user = uuid5('user:interview-lint');
  const codes = codebook(report);
  const variables = variableNames(report.interviews);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const FIXED = { mtime: new Date('2000-01-01T00:00:00Z') };
  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>', `<Project xmlns="urn:QDA-XML:project:1.0" name="Interview analysis" origin="${x(`${report.tool} ${report.version}`)}" creatingUserGUID="${user}">`];
  lines.push('  <Users>', `    <User guid="${user}" name="interview-lint"/>`, '  </Users>');
  lines.push('  <CodeBook>', codesXml(codes, '    '), '  </CodeBook>');
  if (variables.length > 0) {
    lines.push('  <Variables>', ...variables.map((v) => `    <Variable guid="${uuid5(`variable:${v}`)}" name="${x(v)}" typeOfVariable="Text"/>`), '  </Variables>');
  }
  // Cases: one per participant (else per note), with the variables of its first note.
  const cases = new Map<string, InterviewResult[]>();
  for (const i of report.interviews) {
    const who = metaText(i.meta.participant) ?? i.path;
    cases.set(who, [...(cases.get(who) ?? []), i]);
  }
  if (cases.size > 0) {
    lines.push('  <Cases>');
    for (const [who, interviews] of [...cases].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      lines.push(`    <Case guid="${uuid5(`case:${who}`)}" name="${x(who)}">`);
      const first = interviews[0] as InterviewResult;
      for (const v of variables) {
        const value = metaText(first.meta[v]);
        if (value !== undefined) lines.push('      <VariableValue>', `        <VariableRef targetGUID="${uuid5(`variable:${v}`)}"/>`, `        <TextValue>${x(value)}</TextValue>`, '      </VariableValue>');
      }
      for (const i of interviews) lines.push(`      <SourceRef targetGUID="${uuid5(`source:${i.path}`)}"/>`);
      lines.push('    </Case>');
    }
    lines.push('  </Cases>');
  }
  const withText = report.interviews.filter((i) => sources.has(i.path));
  if (withText.length > 0) {
    lines.push('  <Sources>');
    for (const interview of withText) {
      const text = sources.get(interview.path) as string;
      const source = uuid5(`source:${interview.path}`);
      files[`sources/${source}.txt`] = [strToU8(text), FIXED];
      lines.push(`    <TextSource guid="${source}" name="${x(interview.path)}" plainTextPath="internal://${source}.txt" creatingUser="${user}">`);
      const index = new LineIndex(text);
      const cp = codePointCounter(text);
      for (const e of interview.extracts) {
        const [start, end] = extractOffsets(text, e, index, cp);
        const selection = uuid5(`selection:${interview.path}:${start}:${end}:${e.kind}:${e.source}`);
        const label = `${e.kind}: ${e.text.length > 60 ? `${e.text.slice(0, 59)}…` : e.text}`;
        lines.push(`      <PlainTextSelection guid="${selection}" name="${x(label)}" startPosition="${start}" endPosition="${end}" creatingUser="${user}">`);
        if (e.source === 'auto') lines.push(`        <Description>${x(`confidence ${e.confidence}${e.speaker ? `, ${e.speaker}` : ''}`)}</Description>`);
        const parent = codes.get(e.kind) as CodeNode;
        const targets = [parent.guid, ...childCodes(e).map((c) => (parent.children.get(c) as CodeNode).guid)];
        for (const target of targets) lines.push(`        <Coding guid="${uuid5(`coding:${selection}:${target}`)}" creatingUser="${user}">`, `          <CodeRef targetGUID="${target}"/>`, '        </Coding>');
        lines.push('      </PlainTextSelection>');
      }
      lines.push('    </TextSource>');
    }
    lines.push('  </Sources>');
  }
  lines.push('</Project>', '');
  files['project.qde'] = [strToU8(lines.join('\n')), FIXED];
  return zipSync(files, { level: 6 });
}
