/**
 * Reading interview notes and transcripts: which lines are whose words.
 *
 * Speaker turns come in the usual forms (`Q:`/`A:`, `Q :`/`R :`, `**Marie :**`, `Interviewer:`, numbered
 * `12 C : …`). Without speaker labels, all text is the interviewee's — unless the note quotes its
 * participants in `> blockquotes`, in which case only the quotes (and lines opened by a voice marker
 * emoji) are theirs and the rest is the researcher's synthesis. Sections headed "Summary", "Synthèse"…,
 * HTML comments, code, tables and lines wholly in brackets ("(_she scrolls down_)", "[silence]") are the
 * note-taker's own text.
 */
import { foldAccents } from '../language/normalise.js';
import { countWords, labelKey, tokenCount } from './words.js';
import type { NotesStructure } from './structure.js';
import { labelAt } from './formats/label-forms.js';
import { isSeparatorRow, tableCells, transcriptColumns, type TableColumns } from './formats/table-transcript.js';
import { isAsked, markQuestionLists } from './formats/question-layout.js';
import { looksUnlabelled, readUnlabelled } from './formats/unlabelled-transcript.js';
import type { ScannedLine } from './scanned-line.js';
import { namedPeople } from './named-people.js';
import { isMetaLabel, nameLike, namesFrom, resolveSpeakers } from './speaker-roles.js';
import type { Role, Segment, Speaker, Utterance } from './types.js';

export { countWords, labelKey } from './words.js';
export type { NotesStructure } from './structure.js';



const HEADING = /^ {0,3}#{1,6}(?:\s+(.*?))?\s*#*\s*$/u;
/**
 * Headings written without the space CommonMark wants ("##Terminology", "#Notes from our interview"):
 * two or more #, or one # before at least three words (a single #word is a tag).
 */
const LOOSE_HEADING = /^ {0,3}(?:#{2,6}(?=[\p{L}\p{N}])(.+?)|#(?=\p{L})((?:[\p{L}\p{N}'’,-]+\s+){2,}[\p{L}\p{N}'’,-]+))\s*$/u;
const FENCE = /^ {0,3}(?:```|~~~)/u;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/u;
const QUOTE_PREFIX = /^\s*(?:>\s?)+/u;
const LIST_PREFIX = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/u;
/** A WebVTT voice tag opening a cue's text: "<v Dana Cruz>", "<v.loud Sam>". */
const VOICE_TAG = /^<v(?:\.[\w.-]+)?\s+([^>]{1,40})>\s*/u;
/**
 * A speaker line of transcription exports and podcast transcripts, alone on its line with the words
 * below: "Marie Dupont  0:05", "Ali 0:00", "**Emma**  0:28", "**Angie Jones** [1:16]", "Kelly (12:03)".
 */
const HEADER_LABEL = /^(?:[*_]{1,4})?([\p{L}][\p{L}\p{N}'’.\- ]{0,40}?)(?:[*_]{1,4})?\s+[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*$/u;
/** Zoom's transcript export: "[Dana Cruz] 10:02:03" alone on its line, the words below. */
const BRACKET_HEADER = /^\[([\p{L}][\p{L}\p{N}'’.\- ]{0,40}?)\]\s+\d{1,2}:\d{2}(?::\d{2})?\s*$/u;
/** SRT and WebVTT cue lines: the cue number alone, and "00:00:01,040 --> 00:00:13,600". */
const CUE_NUMBER = /^\d{1,6}$/u;
const CUE_TIMING = /^\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3}\s*-->\s*\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3}(?:\s.*)?$/u;
/** A timestamp before a turn, as transcription tools write it: "[00:01:23]", "(01:23)", "00:01:23 -". */
const TIMESTAMP = /^(?:\[\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*\]|\(\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[-–—]\s*|\s+))\s*/u;
/** A line wholly in bold or italics (after its list marker): the text inside. */
const EMPHASISED_LINE = /^(?:\*\*|__)(?!\s)(.+?)(?:\*\*|__)\s*$/u;
/** A line that is only markup: an HTML tag or comment, a template directive, an image, links. */
const MARKUP_LINE = /^(?:<\/?[a-zA-Z][^>]*>\s*)+$|^<([a-zA-Z][\w-]*)\b[^>]*>.*<\/\1>\s*$|^\{[%{].*[%}]\}$|^:::+\s*[\w-]*.*$|^!\[[^\]]*\]\([^)]*\)$|^(?:[-*+]\s+)?\[[^\]]*\]\([^)]*\)[.;,]?$|^(?:[-*+]\s+)?[\p{L} ]{1,20}:\s*\[[^\]]*\]\([^)]*\)$/u;
/** A line wholly a quotation, with or without emphasis and an attribution: "…" — P3, *“…”* (T5), « … ». */
const VERBATIM = /^[*_]{0,2}["“«„]\s*[^"“”«»„]{8,}["”»][*_]{0,2}[.,]?\s*(?:(?:[—–]|--?)\s*[\p{L}\p{N}][\p{L}\p{N} .'’-]{0,30}|\(\s*[\p{L}\p{N}][\p{L}\p{N} .'’-]{0,30}\))?\s*$/u;

/** An arrow opening a line: a note-taker's annotation. */
const ARROW_START = /^(?:=>|->|→|⇒|⟶)/u;

/** Longer lines are prose (or a whole transcript on one line), never a heading, markup or an emphasised question. */
const LONG_LINE = 10_000;
const ATTRIBUTION = /^(?:--?|[—–])\s*[\p{L}\p{N}][\p{L}\p{N} .,'’()-]{0,40}$/u;
const OBSERVATION = /^[([][^\n]*[)\]][.\s]*$/u;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const LIST_MARKERS = '-*+•';

const CAPTION_END = /[^:]\s*:\s*$/u;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s/u;

/**
 * A short line ending with a colon, just before a list, that does not open like a clause: the list's
 * caption ("Suggestions d'amélioration :"), not words anyone said ("Some of those could include:").
 */
function isListCaption(content: string, rawLines: string[], n: number, structure: NotesStructure): boolean {
  if (!CAPTION_END.test(content) || content.includes('?')) return false;
  const words = countWords(content);
  if (words < 2 || words > 10) return false;
  const opener = labelKey(content.trimStart().split(/[\s'’]/u)[0] ?? '');
  if (structure.clauseOpeners?.has(opener)) return false;
  let next = n + 1;
  while (next < rawLines.length && (rawLines[next] as string).trim() === '') next++;
  return LIST_ITEM.test(rawLines[next] ?? '');
}

/** The text of a heading line (CommonMark, or without the space: "##Terminology"), or undefined. */
function headingText(raw: string): string | undefined {
  const strict = HEADING.exec(raw);
  if (strict) return strict[1] ?? '';
  const loose = LOOSE_HEADING.exec(raw);
  return loose ? (loose[1] ?? loose[2] ?? '') : undefined;
}

/** The lines that hold words, and how many subtitle cue timings the file has. */
function scanLines(body: string, structure: NotesStructure): { lines: ScannedLine[]; cues: number } {
  const out: ScannedLine[] = [];
  let cues = 0;
  let block = 0;
  let inFence = false;
  let inComment = false;
  let researcher = false;
  /** Headings seen so far: a turn does not run on past one. */
  let section = 0;
  let offset = 0;
  const rawLines = body.split('\n');
  let table: TableColumns | undefined;
  for (let n = 0; n < rawLines.length; n++) {
    const raw = rawLines[n] as string;
    const lineStart = offset;
    offset += raw.length + 1;
    if (raw.trimStart().startsWith('|') && !inComment && !inFence) {
      // A table: a transcript when its header names a speaker and a text column, else structure.
      if (!table || isSeparatorRow(raw)) {
        table = table ?? transcriptColumns(raw, rawLines[n + 1]);
        block++;
        continue;
      }
      const cells = tableCells(raw);
      const who = cells[table.speaker];
      const said = cells[table.text];
      if (who && said && who.text && said.end > said.start && HAS_CONTENT.test(said.text)) {
        const name = who.text.replace(/^[*_]+|[*_]+$/g, '').trim();
        out.push({ start: lineStart + said.start, beforeLabel: lineStart + said.start, end: lineStart + said.end, block, listItem: false, quoted: false, bold: true, header: true, label: name, observation: false, voiceMarked: false, researcher, section, question: said.text.includes('?'), table: true });
      }
      continue;
    }
    table = undefined;
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      block++;
      continue;
    }
    // Each pattern is tried only when the character it needs is there (the same result, without ten
    // regular expressions on every line of prose).
    if ((raw.includes('```') || raw.includes('~~~')) && FENCE.test(raw)) {
      inFence = !inFence;
      block++;
      continue;
    }
    if (inFence) continue;
    const trimmed = raw.trim();
    if (trimmed.startsWith('<!--')) {
      inComment = !trimmed.includes('-->');
      block++;
      continue;
    }
    const first = trimmed[0];
    if (first === 'W' && /^WEBVTT(?:\s|$)/u.test(trimmed)) {
      block++;
      continue;
    }
    // Subtitle cues: the number and the timing line are the file's structure, not anyone's words.
    if (first !== undefined && first >= '0' && first <= '9') {
      const timing = CUE_TIMING.test(trimmed);
      if (timing || CUE_NUMBER.test(trimmed)) {
        if (timing) cues++;
        block++;
        continue;
      }
    }
    // Headings, markup and emphasis are short: on a line of megabytes (a one-line transcript) their
    // patterns are not even tried (irregexp can run out of stack on lazy repetitions that long).
    const short = raw.length <= LONG_LINE;
    const text = first === '#' && short ? headingText(raw) : undefined;
    if (text !== undefined) {
      researcher = structure.researcherSections.test(labelKey(text));
      section++;
      block++;
      if (!researcher && isAsked(text)) {
        // A question as a heading (a published Q&A): the interviewer's, whatever follows is the answer.
        const at = lineStart + raw.indexOf(text);
        out.push({ start: at, beforeLabel: at, end: at + text.length, block, listItem: false, quoted: false, bold: false, observation: false, voiceMarked: false, researcher: false, question: true, asked: true });
        block++;
      }
      continue;
    }
    // Markup that is nobody's words: HTML tags and template directives on their own line, a lone image
    // or a list of bare links.
    if (short && (first === '<' || first === '{' || first === '!' || first === '*' || first === '-' || first === '+' || first === '[' || first === ':' || trimmed.includes('](')) && MARKUP_LINE.test(trimmed)) {
      block++;
      continue;
    }
    if (trimmed === '' || ((first === '-' || first === '*' || first === '_') && THEMATIC_BREAK.test(raw)) || first === '|' || !HAS_CONTENT.test(trimmed)) {
      block++;
      continue;
    }
    let pos = 0;
    const quote = first === '>' ? QUOTE_PREFIX.exec(raw) : null;
    if (quote) pos += quote[0].length;
    const afterQuote = pos > 0 ? raw.slice(pos) : raw;
    const listStart = pos > 0 ? afterQuote.trimStart()[0] : first;
    const list = listStart !== undefined && (LIST_MARKERS.includes(listStart) || (listStart >= '0' && listStart <= '9')) ? LIST_PREFIX.exec(afterQuote) : null;
    if (list) pos += list[0].length;
    const afterList = raw.slice(pos);
    const stampStart = afterList[0];
    const timestamp = stampStart === '[' || stampStart === '(' || (stampStart !== undefined && stampStart >= '0' && stampStart <= '9') ? TIMESTAMP.exec(afterList) : null;
    if (timestamp) pos += timestamp[0].length;
    let rest = timestamp ? raw.slice(pos) : afterList;
    // An indented continuation line ("  **P3:** …" under a list item) keeps its label.
    const indent = rest.length - rest.trimStart().length;
    if (indent > 0 && !list) {
      pos += indent;
      rest = rest.slice(indent);
    }
    const beforeLabel = lineStart + pos + (rest.length - rest.trimStart().length);
    // A label: "Name:" (and its variants), or an export's speaker line "Name  0:05" (the whole line); both need a colon.
    const hasColon = rest.includes(':');
    const voice = rest.startsWith('<v') ? VOICE_TAG.exec(rest) : null;
    const stampEnd = hasColon && /\d:\d\d[\])]?\s*$/u.test(rest);
    const header = voice ?? (stampEnd ? (rest.startsWith('[') ? BRACKET_HEADER.exec(rest) : null) ?? HEADER_LABEL.exec(rest) : null);
    const label = header ? { name: header[1] ?? '', length: voice ? voice[0].length : rest.length, bold: true } : labelAt(rest);
    let labelText: string | undefined;
    let bold = false;
    let stampedLabel = false;
    // Up to three words, or four that read as a full name ("Jean-Pierre de la Fontaine").
    const labelWords = label ? label.name.trim().split(/\s+/).length : 0;
    if (label && (labelWords <= 3 || (labelWords === 4 && nameLike(label.name.trim())))) {
      bold = label.bold;
      labelText = label.name.trim();
      // "Speaker 1 (00:31):" alone on its line: an export's speaker line, the words below.
      stampedLabel = /\d:\d\d/u.test(rest.slice(0, label.length)) && raw.slice(pos + label.length).trim() === '';
      pos += label.length;
      rest = raw.slice(pos);
    }
    const content = rest.trimEnd();
    const lead = rest.length - rest.trimStart().length;
    const opening = content.trimStart();
    // Line markers are emoji: only a line opening with a character past the Latin ranges can have one.
    const emojiStart = opening.charCodeAt(0) >= 0x2000;
    // "=> Page entreprise", "→ Besoin : …": the note-taker's annotation (where the participant went, what it means).
    const annotation = ARROW_START.test(opening);
    const scanned: ScannedLine = {
      start: lineStart + pos + lead,
      beforeLabel,
      end: lineStart + pos + content.length,
      block,
      indent: raw.length - raw.trimStart().length,
      listItem: list !== null,
      quoted: quote !== null,
      bold,
      observation: (short && (content.includes('(') || content.includes('[')) && OBSERVATION.test(content.trim().replace(/^[*_]+|[*_]+$/g, ''))) || annotation || (emojiStart && (structure.observationMarkers ?? []).some((m) => opening.startsWith(m))),
      voiceMarked: emojiStart && structure.voiceMarkers.some((m) => opening.startsWith(m)),
      researcher,
      section,
      question: content.includes('?'),
    };
    if (!labelText) {
      const asked = short ? EMPHASISED_LINE.exec(content.trimStart()) : null;
      const inner = asked?.[1]?.trim() ?? '';
      if (asked && !inner.endsWith(':') && isAsked(inner)) {
        scanned.emphasised = true;
        scanned.asked = true;
      } else if (asked && !inner.endsWith(':') && (/[.!?…»"”]$/u.test(inner) || countWords(inner) > 8)) {
        scanned.emphasised = true;
      } else if (asked) {
        // A line wholly in bold that is not a sentence ("**Pain Points**", "**Amy**", "**Other blogs:**"): a heading.
        block++;
        section++;
        continue;
      }
    }
    // "Contexte professionnel de l'interviewée :" just before a list: the list's caption.
    if (!labelText && !list && !quote && short && isListCaption(content, rawLines, n, structure)) {
      block++;
      continue;
    }
    // Two bold labels on one line ("**Priorité :** 1/3 | **Pénibilité :** 5/10") are a form's fields.
    if (labelText && bold && /(?:\*\*|__)[^*_]{1,30}?\s*:\s*(?:\*\*|__)|(?:\*\*|__)[^*_]{1,30}?(?:\*\*|__)\s*:/u.test(rest)) scanned.field = true;
    if (labelText) scanned.label = labelText;
    if ((header || stampedLabel) && labelText) scanned.header = true;
    if (short && !labelText && VERBATIM.test(opening)) scanned.verbatim = true;
    out.push(scanned);
  }
  markQuestionLists(out, body);
  return { lines: dropQuotedHeaders(out, body), cues };
}

/**
 * A blockquote of short `Label: value` lines ("> Date: 4 April", "> Participant: P7") is the note's
 * metadata header: structure, and its labels are not voices.
 */
function dropQuotedHeaders(lines: ScannedLine[], body: string): ScannedLine[] {
  const byBlock = new Map<number, ScannedLine[]>();
  for (const l of lines) {
    if (!l.quoted) continue;
    const group = byBlock.get(l.block);
    if (group) group.push(l);
    else byBlock.set(l.block, [l]);
  }
  const drop = new Set<ScannedLine>();
  const labelCount = new Map<string, number>();
  for (const l of lines) if (l.label) labelCount.set(labelKey(l.label), (labelCount.get(labelKey(l.label)) ?? 0) + 1);
  for (const group of byBlock.values()) {
    // Each line a different label said nowhere else, none asking: fields, however long their values.
    const fields = group.filter((l) => l.label && labelCount.get(labelKey(l.label)) === 1 && !body.slice(l.start, l.end).includes('?'));
    if (group.length >= 2 && fields.length === group.length) for (const l of group) drop.add(l);
  }
  // An attribution line under a quote ("> -- P5", "> — Marie"): metadata.
  for (const l of lines) if (l.quoted && !l.label && ATTRIBUTION.test(body.slice(l.start, l.end))) drop.add(l);
  return drop.size === 0 ? lines : lines.filter((l) => !drop.has(l));
}

/**
 * A write-up whose participants' words are its blockquotes. A blockquoted metadata header ("> Date: …")
 * does not make one, nor does a form (its questions are set in the layout).
 */
function isQuotedWriteUp(lines: ScannedLine[], structure: NotesStructure): boolean {
  return lines.some((l) => l.quoted && !(l.label && (structure.metaFields.has(labelKey(l.label)) || structure.notSpeakers.has(labelKey(l.label)))));
}

export interface Transcript {
  utterances: Utterance[];
  speakers: Speaker[];
  /** The conventions detected, by name (see `inspect`). */
  formats: string[];
}

/** Split a note body (front matter blanked, LF endings) into utterances with their speaker and role. */
export function readTranscript(body: string, structure: NotesStructure, meta: Record<string, unknown>): Transcript {
  const { lines, cues } = scanLines(body, structure);
  // The questions are set in the layout (question headings, bold or numbered question lines) when at
  // least two are: then they are the interviewer's, and the text under them is the answers.
  const askedLines = lines.filter((l) => l.asked && !l.label && !l.planned);
  const questionLayout = askedLines.length >= 2;
  // Text before the first question is the author's introduction when the questions start early (a
  // published Q&A), not when they come at the end of long notes.
  const firstAsked = askedLines[0] ? lines.indexOf(askedLines[0]) : -1;
  const hasIntro = questionLayout && firstAsked <= Math.max(6, lines.length * 0.2);
  if (!questionLayout) for (const l of askedLines) if (l.emphasised) l.asked = false;
  const introduced = namedPeople(lines, body, structure);
  const speakerOf = resolveSpeakers(lines, body, structure, meta, questionLayout, introduced);
  // Lines that open a speaker's turn.
  const turns = lines.map((l) => l.label !== undefined && speakerOf.has(labelKey(l.label)));
  const turnCount = turns.filter(Boolean).length;
  const transcript = turnCount > 0;
  // Dense transcripts have turns on consecutive lines; there, a separate paragraph is the researcher's comment.
  const dense = lines.filter((l, i) => i > 0 && turns[i] && lines[i - 1]?.block === l.block).length * 2 > turnCount;
  const quoteMode = !transcript && !questionLayout && isQuotedWriteUp(lines, structure);
  const participant = namesFrom(meta.participant)[0];
  const defaultSpeaker = participant && participant.length <= 40 ? participant : null;
  // Subtitle cues are a transcript whatever else the lines look like; dashes and long paragraphs only
  // when nothing else structures the file.
  if (!transcript && (cues >= 2 || (!questionLayout && !quoteMode && looksUnlabelled(body, lines)))) {
    const utterances = readUnlabelled(body, lines.filter((l) => !l.researcher && !l.observation), cues >= 2);
    for (const u of utterances) if (u.role === 'interviewee') u.speaker = defaultSpeaker;
    return { utterances, speakers: [], formats: ['unlabelled-transcript'] };
  }

  const utterances: Utterance[] = [];
  let current: Utterance | undefined;
  let currentBlock = -1;
  // The last named turn and the section it was in: unlabelled lines after it run on in it.
  let lastTurn: { speaker: string | null; role: Role; section: number | undefined } | undefined;
  const open = (speaker: string | null, role: Role, block: number): Utterance => {
    current = { speaker, role, segments: [] };
    currentBlock = block;
    utterances.push(current);
    return current;
  };
  const add = (u: Utterance, line: ScannedLine): void => {
    if (line.end > line.start) u.segments.push({ start: line.start, end: line.end });
  };

  const interviewerName = namesFrom(meta.interviewer)[0] ?? null;
  let asked = false;
  let sponsor = false;
  for (const line of lines) {
    const speaker = line.label ? speakerOf.get(labelKey(line.label)) : undefined;
    // "45 min with Dana Whitfield and the team" before the turns: the session's description.
    if (transcript && !line.label && introduced.naming.has(line)) continue;
    if (line.label && !speaker && isMetaLabel(line.label, tokenCount(body, line.start, line.end), structure)) continue;
    if (line.label && !speaker && structure.notetakerLabels?.has(labelKey(line.label))) {
      // "My thoughts: …", "Idée : …": the note-taker's aside.
      line.start = line.beforeLabel;
      add(open(null, 'narrator', line.block), line);
      continue;
    }
    if (line.label && !speaker) {
      // A label with nothing after it that is nobody's voice is a caption or a list's lead-in
      // ("**Further reading:**", "- En amont :"): structure, not words.
      if (line.start >= line.end) continue;
      line.start = line.beforeLabel;
    }
    if (line.asked && !speaker) {
      asked = true;
      add(open(interviewerName, 'interviewer', line.block), line);
      // Until a voice is named, the answer is the interviewee's.
      lastTurn = { speaker: defaultSpeaker, role: 'interviewee', section: line.section };
      current = undefined;
      continue;
    }
    if (hasIntro && !asked && !speaker) {
      // Before the first question of a Q&A: the author's introduction.
      add(current?.role === 'narrator' && currentBlock === line.block ? current : open(null, 'narrator', line.block), line);
      continue;
    }
    if (line.researcher && (line.verbatim || (speaker && VERBATIM.test(body.slice(line.start, line.end).trim())))) {
      // A verbatim quoted in the researcher's findings ("…" — T3, P2 : « … »): the participant's words.
      add(open(speaker?.name ?? defaultSpeaker, speaker && speaker.role === 'interviewer' ? 'interviewer' : 'interviewee', line.block), line);
      continue;
    }
    if (line.researcher) {
      add(current?.role === 'narrator' && currentBlock === line.block && !line.listItem ? current : open(null, 'narrator', line.block), line);
      continue;
    }
    if (speaker) sponsor = false;
    // Sponsor reads are a podcast's: looked for in speaker-labelled transcripts only.
    // (A sponsor read announces itself at the start of its paragraph: only the first 300 characters are looked at.)
    if (transcript && structure.sponsorMarkers && line.end > line.start && structure.sponsorMarkers.test(body.slice(line.start, Math.min(line.end, line.start + 300)))) sponsor = true;
    if (sponsor) {
      // An advertisement read on air: not the guest's words.
      if (speaker) {
        lastTurn = { speaker: speaker.name, role: speaker.role, section: line.section };
      }
      add(current?.role === 'narrator' && currentBlock === line.block ? current : open(null, 'narrator', line.block), line);
      continue;
    }
    if (speaker) {
      // A label before a quotation ("P2 : « … »") cites someone in a write-up: the paragraphs after it
      // are not that person's turn.
      const cited = VERBATIM.test(body.slice(line.start, line.end).trim());
      lastTurn = cited ? undefined : { speaker: speaker.name, role: speaker.role, section: line.section };
      add(open(speaker.name, speaker.role, line.block), line);
      continue;
    }
    if (line.observation) {
      add(open(null, 'narrator', line.block), line);
      continue;
    }
    let who: { speaker: string | null; role: Role };
    // Under a new heading, unlabelled text is not the last speaker's turn running on.
    if (transcript && lastTurn && line.section !== lastTurn.section) lastTurn = undefined;
    if (transcript) {
      if (current && currentBlock === line.block) who = { speaker: current.speaker, role: current.role };
      else if (line.verbatim) who = { speaker: defaultSpeaker, role: 'interviewee' };
      else who = !dense && lastTurn ? lastTurn : { speaker: null, role: 'narrator' };
    } else if (quoteMode) {
      who = line.quoted || line.voiceMarked || line.verbatim ? { speaker: defaultSpeaker, role: 'interviewee' } : { speaker: null, role: 'narrator' };
    } else {
      who = { speaker: defaultSpeaker, role: 'interviewee' };
    }
    const continues = current && currentBlock === line.block && !line.listItem && current.role === who.role && current.speaker === who.speaker;
    add(continues && current ? current : open(who.speaker, who.role, line.block), line);
  }

  const stats = new Map<string, Speaker>();
  for (const u of utterances) {
    if (u.speaker === null || u.role === 'narrator' || !transcript) continue;
    const s = stats.get(u.speaker) ?? { name: u.speaker, role: u.role, turns: 0, words: 0 };
    s.turns++;
    u.words = u.segments.reduce((n, seg) => n + countWords(body.slice(seg.start, seg.end)), 0);
    s.words += u.words;
    stats.set(u.speaker, s);
  }
  const speakers = [...stats.values()].sort((a, b) => a.name.localeCompare(b.name));
  const formats = transcript ? ['speaker-labels'] : quoteMode ? ['quoted-write-up'] : ['participant-notes'];
  if (questionLayout) formats.push('question-layout');
  if (lines.some((l) => l.table)) formats.push('table-transcript');
  if (lines.some((l) => l.researcher)) formats.push('researcher-sections');
  return { utterances: utterances.filter((u) => u.segments.length > 0), speakers, formats };
}

/** The text of an utterance (segments joined by newlines) and a map back to source offsets. */
export function utteranceText(source: string, utterance: Utterance): { text: string; toSource: (index: number) => number } {
  const bases: Array<{ at: number; seg: Segment }> = [];
  let text = '';
  for (const seg of utterance.segments) {
    if (text.length > 0) text += '\n';
    bases.push({ at: text.length, seg });
    text += source.slice(seg.start, seg.end);
  }
  // The last segment starting at or before the index (a binary search: an utterance of a one-line
  // transcript can hold tens of thousands of segments).
  const toSource = (index: number): number => {
    let lo = 0;
    let hi = bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bases[mid] as { at: number }).at <= index) lo = mid;
      else hi = mid - 1;
    }
    const base = bases[lo] as { at: number; seg: Segment };
    return Math.min(base.seg.start + (index - base.at), base.seg.end);
  };
  return { text, toSource };
}
