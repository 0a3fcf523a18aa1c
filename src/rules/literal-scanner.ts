/**
 * One pass over a text finds which of many literals occur in it (an Aho–Corasick automaton, compiled to
 * a table over the characters the literals use). PatternIndex builds on it: given regular expressions,
 * it tells which of them can match a text at all, so that only those are run (see anchors.ts).
 */
import { WHITE_SPACE } from '../language/white-space.js';
import { requiredLiterals } from './anchors.js';

const SPACE_CODES = [...WHITE_SPACE].map((c) => c.charCodeAt(0));

export class LiteralScanner {
  /** Character code → column of the transition table (0: a character no literal uses). */
  private readonly columnOf: Uint8Array | Uint16Array;
  private readonly width: number;
  private readonly next: Uint16Array | Uint32Array;
  /** States from this number on are where literals end. */
  private readonly firstFinal: number;
  /** Literals ending in state s: outputs[outputStart[s] … outputStart[s + 1]). */
  private readonly outputStart: Uint32Array;
  private readonly outputs: Uint32Array;

  /** Each literal is reported by its index in `literals`; the empty string is never reported. */
  constructor(literals: readonly string[]) {
    const used = new Set<number>();
    for (const literal of literals) for (let i = 0; i < literal.length; i++) used.add(literal.charCodeAt(i));
    for (const code of SPACE_CODES) used.delete(code);
    if (literals.some((l) => /\s/.test(l))) used.add(32);
    const codes = [...used].sort((a, b) => a - b);
    this.width = codes.length + 1;
    this.columnOf = this.width <= 256 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
    codes.forEach((code, i) => (this.columnOf[code] = i + 1));
    // White space reads as a space (patterns' \s is a space in their literals).
    for (const code of SPACE_CODES) this.columnOf[code] = this.columnOf[32] as number;

    // The trie, in typed arrays (a literal has at most one state per character): transitions, the
    // children of each state as a list to walk, and the literals that end in each state, as a list
    // (-1: none; two literals end in the same state when they differ only in their white space).
    const width = this.width;
    const capacity = literals.reduce((n, l) => n + l.length, 1);
    const trie = capacity <= 0x10000 ? new Uint16Array(capacity * width) : new Uint32Array(capacity * width);
    const firstChild = new Int32Array(capacity).fill(-1);
    const nextSibling = new Int32Array(capacity).fill(-1);
    const columnInto = new Uint32Array(capacity);
    const own = new Int32Array(capacity).fill(-1);
    const nextOwn = new Int32Array(literals.length).fill(-1);
    let states = 1;
    literals.forEach((literal, id) => {
      if (literal === '') return; // found everywhere: not worth reporting
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const column = this.columnOf[literal.charCodeAt(i)] as number;
        let child = trie[state * width + column] as number;
        if (child === 0) {
          child = states++;
          trie[state * width + column] = child;
          columnInto[child] = column;
          nextSibling[child] = firstChild[state] as number;
          firstChild[state] = child;
        }
        state = child;
      }
      nextOwn[id] = own[state] as number;
      own[state] = id;
    });

    // Breadth first: each state's fallback (the longest proper suffix that is a trie state) and the
    // nearest state on its fallback chain where a literal ends (0: none).
    const fallback = new Uint32Array(states);
    const nearestEnd = new Uint32Array(states);
    const order = new Uint32Array(states);
    let queued = 1;
    for (let head = 0; head < queued; head++) {
      const state = order[head] as number;
      for (let child = firstChild[state] as number; child >= 0; child = nextSibling[child] as number) {
        const column = columnInto[child] as number;
        let back = fallback[state] as number;
        while (state !== 0 && back !== 0 && trie[back * width + column] === 0) back = fallback[back] as number;
        const target = state === 0 ? 0 : (trie[back * width + column] as number);
        fallback[child] = target;
        nearestEnd[child] = (own[target] as number) >= 0 ? target : (nearestEnd[target] as number);
        order[queued++] = child;
      }
    }
    const isFinal = (s: number): boolean => (own[s] as number) >= 0 || nearestEnd[s] !== 0;

    // Renumbered so that the states where literals end come last (the scan then tests one number), in
    // breadth-first order otherwise, so that a state's fallback row is filled before its own.
    const finalLast: number[] = [];
    for (const s of order) if (!isFinal(s)) finalLast.push(s);
    const firstFinal = finalLast.length;
    for (const s of order) if (isFinal(s)) finalLast.push(s);
    const renamed = new Uint32Array(states);
    finalLast.forEach((old, i) => (renamed[old] = i));
    const next = states <= 0x10000 ? new Uint16Array(states * width) : new Uint32Array(states * width);
    for (const old of order) {
      const row = (renamed[old] as number) * width;
      // The fallback's row, then this state's own children over it.
      const back = (renamed[fallback[old] as number] as number) * width;
      if (old !== 0) next.copyWithin(row, back, back + width);
      for (let child = firstChild[old] as number; child >= 0; child = nextSibling[child] as number) next[row + (columnInto[child] as number)] = renamed[child] as number;
    }
    this.next = next;
    this.firstFinal = firstFinal;
    const outputs: number[] = [];
    this.outputStart = new Uint32Array(states + 1);
    finalLast.forEach((old, i) => {
      for (let s = old; s !== 0; s = nearestEnd[s] as number) for (let id = own[s] as number; id >= 0; id = nextOwn[id] as number) outputs.push(id);
      this.outputStart[i + 1] = outputs.length;
    });
    this.outputs = new Uint32Array(outputs);
  }

  /** Calls `onLiteral` with the id of each literal occurrence in text[from, to) (the same id once per occurrence). */
  scan(text: string, from: number, to: number, onLiteral: (id: number) => void): void {
    const { columnOf, next, width, firstFinal } = this;
    let state = 0;
    for (let i = from; i < to; i++) {
      state = next[state * width + (columnOf[text.charCodeAt(i)] as number)] as number;
      if (state >= firstFinal) this.report(state, onLiteral);
    }
  }

  private report(state: number, onLiteral: (id: number) => void): void {
    const end = this.outputStart[state + 1] as number;
    for (let k = this.outputStart[state] as number; k < end; k++) onLiteral(this.outputs[k] as number);
  }
}

/**
 * Which of a list of patterns can match a text: those with a required literal in it, and those without
 * required literals (always candidates). `mark` then `has`: valid until the next `mark`.
 */
export class PatternIndex {
  private readonly scanner: LiteralScanner;
  /** Literal id → the patterns it stands for. */
  private readonly patternsOf: number[][];
  private readonly always: Uint8Array;
  private readonly stamps: Uint32Array;
  private stamp = 0;
  private readonly onLiteral = (id: number): void => {
    for (const p of this.patternsOf[id] as number[]) this.stamps[p] = this.stamp;
  };

  constructor(patterns: readonly RegExp[]) {
    const idOf = new Map<string, number>();
    this.patternsOf = [];
    this.always = new Uint8Array(patterns.length);
    this.stamps = new Uint32Array(patterns.length);
    patterns.forEach((regex, p) => {
      const literals = requiredLiterals(regex);
      if (!literals) {
        this.always[p] = 1;
        return;
      }
      for (const literal of literals) {
        let id = idOf.get(literal);
        if (id === undefined) {
          id = this.patternsOf.length;
          idOf.set(literal, id);
          this.patternsOf.push([]);
        }
        this.patternsOf[id]?.push(p);
      }
    });
    this.scanner = new LiteralScanner([...idOf.keys()]);
  }

  /** Find the candidates of text[from, to). */
  mark(text: string, from = 0, to = text.length): void {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.scanner.scan(text, from, to, this.onLiteral);
  }

  /** Whether pattern p (its index in the list given to the constructor) can match the marked text. */
  has(p: number): boolean {
    return this.always[p] === 1 || this.stamps[p] === this.stamp;
  }

  /** Whether any of the patterns ids[from, to) can match the marked text. */
  hasAny(ids: readonly number[]): boolean {
    for (const p of ids) if (this.always[p] === 1 || this.stamps[p] === this.stamp) return true;
    return false;
  }
}
