/**
 * One pass over a text finds which of many literals occur in it (an Aho–Corasick automaton, compiled to
 * a table over the characters the literals use). PatternIndex builds on it: given regular expressions,
 * it tells which of them can match a text at all, so that only those are run (see anchors.ts).
 */
import { requiredLiterals, WHITE_SPACE } from './anchors.js';

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

  constructor(literals: readonly string[]) {
    const used = new Set<number>();
    for (const literal of literals) for (let i = 0; i < literal.length; i++) used.add(WHITE_SPACE.includes(literal[i] as string) ? 32 : literal.charCodeAt(i));
    const codes = [...used].sort((a, b) => a - b);
    this.width = codes.length + 1;
    this.columnOf = this.width <= 256 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
    codes.forEach((code, i) => (this.columnOf[code] = i + 1));
    // White space reads as a space (patterns' \s is a space in their literals).
    for (let i = 0; i < WHITE_SPACE.length; i++) this.columnOf[WHITE_SPACE.charCodeAt(i)] = this.columnOf[32] as number;

    // The trie: children per state, and the literals that end there.
    const children: Array<Map<number, number>> = [new Map()];
    const ending: number[][] = [[]];
    literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const column = this.columnOf[literal.charCodeAt(i)] as number;
        let child = children[state]?.get(column);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          ending.push([]);
          children[state]?.set(column, child);
        }
        state = child;
      }
      ending[state]?.push(id);
    });

    // Breadth first: each state's fallback (the longest proper suffix that is a trie state) and full transitions.
    const states = children.length;
    const next = states <= 0x10000 ? new Uint16Array(states * this.width) : new Uint32Array(states * this.width);
    const fallback = new Uint32Array(states);
    const found: number[][] = ending.map((ids) => [...ids]);
    const queue: number[] = [];
    for (const [column, child] of children[0] ?? []) {
      next[column] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const back = fallback[state] as number;
      (found[state] as number[]).push(...(found[back] as number[]));
      // The fallback's row, then this state's own children over it.
      next.copyWithin(state * this.width, back * this.width, (back + 1) * this.width);
      for (const [column, child] of children[state] ?? []) {
        fallback[child] = next[back * this.width + column] as number;
        next[state * this.width + column] = child;
        queue.push(child);
      }
    }
    // Renumbered so that the states where literals end come last: the scan then tests one number.
    const order = [...Array(states).keys()].sort((a, b) => Number((found[a] as number[]).length > 0) - Number((found[b] as number[]).length > 0) || a - b);
    const renamed = new Uint32Array(states);
    order.forEach((old, i) => (renamed[old] = i));
    this.next = states <= 0x10000 ? new Uint16Array(next.length) : new Uint32Array(next.length);
    for (let old = 0; old < states; old++) {
      const row = (renamed[old] as number) * this.width;
      for (let column = 0; column < this.width; column++) this.next[row + column] = renamed[next[old * this.width + column] as number] as number;
    }
    this.firstFinal = order.findIndex((old) => (found[old] as number[]).length > 0);
    if (this.firstFinal < 0) this.firstFinal = states;
    this.outputStart = new Uint32Array(states + 1);
    order.forEach((old, i) => (this.outputStart[i + 1] = (this.outputStart[i] as number) + (found[old] as number[]).length));
    this.outputs = new Uint32Array(order.flatMap((old) => found[old] as number[]));
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
