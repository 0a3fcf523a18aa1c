/**
 * Format unit: an automatic transcript without speaker labels — subtitle cues (SRT, WebVTT), turns
 * opened by dialogue dashes ("— Parfait. … — OK. …", often all in one paragraph), or one long paragraph.
 * Turns are split on the dashes and alternate between two voices: the voice whose turns ask is the
 * interviewer. Without dashes, each cue or sentence that asks is the interviewer's, the rest the
 * interviewee's.
 */
import type { Role, Utterance } from '../types.js';

export interface PlainLine {
  start: number;
  end: number;
  block: number;
}

/** A dialogue dash opening a turn: at the start of the text or after white space, then a space. */
const DASH = /(?:^|(?<=\s))[—–](?=\s)/gu;
/** The end of a sentence: . ! ? … followed by white space. */
const SENTENCE_END = /[.!?…]+(?=\s)/gu;

/** A question without its mark, as automatic transcripts write it: « est-ce que tu utilises… », "do you…". */
const QUESTION_WORDS = /\b(?:est-ce qu|qu'est-ce|qu’est-ce|do you|did you|have you|are you|how do you|what do you)/iu;
/** Speaking to the other person (tu, vous, you), not of oneself. */
const SECOND_PERSON = /(?:^|[^\p{L}])(?:(?:tu|toi|vous|you|your)(?![\p{L}])|t['’](?=\p{L}))/iu;
const FIRST_PERSON = /(?:^|[^\p{L}])(?:(?:je|moi|me|i|my|on|nous)(?![\p{L}])|[jm]['’](?=\p{L}))/iu;
/** A request for a story ("tell me about…", « raconte-moi ») asks, whoever it mentions. */
const REQUEST = /\b(?:racont\w*|décri[sv]\w*|dis-moi|dites-moi|expliqu\w*|tell me|walk me through|describe|explain)\b/iu;
/** « tu vois », « tu sais », "you know": fillers, not address. */
const FILLER_ADDRESS = /(?:^|[^\p{L}])(?:tu vois|tu sais|vous voyez|vous savez|you know|you see)(?![\p{L}])/giu;

/**
 * Whether a unit of an unlabelled transcript is the interviewer's: it asks (a question mark, a request for
 * a story, a question word addressed to the other), or it speaks to the other about them without speaking
 * of oneself (a reformulation: « Donc ça, c'est toi qui as déterminé cette limite. »). A question about
 * oneself (« qu'est-ce que j'utilise ? ») is the speaker thinking aloud.
 */
export function unitAsks(unit: string): boolean {
  const address = SECOND_PERSON.test(unit.replace(FILLER_ADDRESS, ' '));
  const self = FIRST_PERSON.test(unit);
  if (REQUEST.test(unit)) return true;
  if (unit.includes('?')) return address || !self;
  return address && (QUESTION_WORDS.test(unit) || !self);
}

/** A single paragraph of at least this many characters is an automatic transcript. */
const LONG_PARAGRAPH = 1500;

/** Dialogue dashes, or one long paragraph, in a file nothing else structures (subtitle cues are decided by the caller). */
export function looksUnlabelled(text: string, lines: PlainLine[]): boolean {
  let dashes = 0;
  let long = false;
  for (const line of lines) {
    const slice = text.slice(line.start, line.end);
    if (slice.length >= LONG_PARAGRAPH) long = true;
    if (slice.startsWith('—') || slice.startsWith('– ')) dashes++;
    else if (slice.length >= 200) {
      DASH.lastIndex = 0;
      let n = 0;
      while (DASH.exec(slice) && n < 3) n++;
      if (n >= 3) dashes += n;
    }
  }
  return dashes >= 3 || (long && lines.length <= 3);
}

interface Piece {
  start: number;
  end: number;
  asks: boolean;
  turn: number;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return [start, end];
}

/** Utterances of an unlabelled transcript, in order (a piece per dash turn, cue or sentence). */
/** Dashes open turns when there are a few and turns are of a talk's length, not three in 50,000 characters. */
function dashesOpenTurns(text: string, lines: PlainLine[]): boolean {
  let dashes = 0;
  let length = 0;
  for (const line of lines) {
    const slice = text.slice(line.start, line.end);
    length += slice.length;
    DASH.lastIndex = 0;
    while (DASH.exec(slice)) dashes++;
  }
  return dashes >= 3 && length / dashes <= 2000;
}

export function readUnlabelled(text: string, lines: PlainLine[], cues = false): Utterance[] {
  const pieces: Piece[] = [];
  const useDashes = !cues && dashesOpenTurns(text, lines);
  let turn = -1;
  let dashed = false;
  for (const line of lines) {
    const slice = text.slice(line.start, line.end);
    const cuts: number[] = [];
    DASH.lastIndex = 0;
    // In subtitles the cue is the unit; a stray dash inside one is punctuation.
    if (useDashes) for (let m = DASH.exec(slice); m; m = DASH.exec(slice)) cuts.push(m.index);
    if (cuts.length > 0) dashed = true;
    if (cuts.length === 0 || cuts[0] !== 0) cuts.unshift(-1); // the part before the first dash continues the last turn
    for (let c = 0; c < cuts.length; c++) {
      const from = cuts[c] as number;
      const to = c + 1 < cuts.length ? (cuts[c + 1] as number) : slice.length;
      if (from >= 0) turn++;
      else if (turn < 0 || !dashed) turn++;
      const bodyStart = from >= 0 ? from + 1 : 0;
      if (cues && cuts.length === 1) {
        // A subtitle cue is a unit; whether it asks is decided below, with the cues its sentence runs over.
        const [s, e] = trimmed(text, line.start + bodyStart, line.start + to);
        if (e > s) pieces.push({ start: s, end: e, asks: false, turn });
        continue;
      }
      // Sentences inside the turn, so that a long turn is not one piece.
      let at = bodyStart;
      SENTENCE_END.lastIndex = bodyStart;
      const sentence = (a: number, b: number): void => {
        const [s, e] = trimmed(text, line.start + a, line.start + b);
        if (e > s) pieces.push({ start: s, end: e, asks: unitAsks(text.slice(s, e)), turn });
      };
      for (let m = SENTENCE_END.exec(slice); m && m.index < to; m = SENTENCE_END.exec(slice)) {
        const end = m.index + m[0].length;
        sentence(at, end);
        at = end;
      }
      sentence(at, to);
    }
  }
  let roleOf: (p: Piece) => Role;
  if (dashed) {
    // Two voices alternate: the parity whose turns ask more often is the interviewer's.
    const asked = [new Set<number>(), new Set<number>()];
    const turns = [new Set<number>(), new Set<number>()];
    for (const p of pieces) {
      turns[p.turn % 2]?.add(p.turn);
      if (p.asks) asked[p.turn % 2]?.add(p.turn);
    }
    const share = (i: number): number => (asked[i]?.size ?? 0) / Math.max(1, turns[i]?.size ?? 0);
    const interviewerParity = share(0) >= share(1) ? 0 : 1;
    roleOf = (p) => (p.turn % 2 === interviewerParity ? 'interviewer' : 'interviewee');
  } else {
    if (cues) {
      // A sentence runs over several cues: cues up to one that ends a sentence are one unit, which asks
      // or answers as a whole.
      let group: Piece[] = [];
      let unit = '';
      const close = (): void => {
        const asks = unitAsks(unit);
        for (const p of group) p.asks = asks;
        group = [];
        unit = '';
      };
      for (const p of pieces) {
        group.push(p);
        unit += ` ${text.slice(p.start, p.end)}`;
        if (/[.!?…]["”»)]?$/u.test(text.slice(p.start, p.end))) close();
      }
      if (group.length > 0) close();
    }
    roleOf = (p) => (p.asks ? 'interviewer' : 'interviewee');
  }
  const out: Utterance[] = [];
  let current: Utterance | undefined;
  let currentTurn = -1;
  for (const p of pieces) {
    const role = roleOf(p);
    if (!current || current.role !== role || (dashed && p.turn !== currentTurn)) {
      current = { speaker: null, role, segments: [] };
      out.push(current);
    }
    currentTurn = p.turn;
    current.segments.push({ start: p.start, end: p.end });
  }
  return out;
}
