/**
 * Required literals of a regular expression: a set of strings such that every match of the pattern
 * contains at least one of them. `\bwe (?:really )?need\b` needs "we need" or "we really need";
 * `\b(?:frustrat\w*|annoy\w*)` needs "frustrat" or "annoy". A text that contains none of a pattern's
 * literals cannot match it, so one literal scan (see literal-scanner.ts) can stand for many regex tests.
 *
 * White space counts as one character: `\s` is a space here, and the scanner reads every character
 * that `\s` matches as a space (see WHITE_SPACE).
 *
 * The analysis is conservative: whatever it does not understand (ranges and escapes in classes, `.`,
 * `\w`, back-references, flags it does not model) breaks a run of literals, and a pattern with no usable literal gets none
 * (it is then always tested). It never claims a literal that a match could lack.
 */

import { buildData } from './build-data.js';

/** What one part of a pattern is known to match. */
interface Info {
  /** Every string the part can match (when few enough to list): `(?:a|bc)?` → "", "a", "bc". */
  exact?: string[];
  /** Strings one of which every match starts with (`ab\w*` → "ab"); implied by exact. */
  head?: string[];
  /** Strings one of which every match ends with (`\w*ab` → "ab"); implied by exact. */
  tail?: string[];
  /** Literals one of which any match of the part contains (without the empty string). */
  required?: string[];
}

/** At most this many strings from a product (optional words multiply fast), and from a union. */
const MAX_PRODUCT = 32;
const MAX_UNION = 256;
/** ASCII literals shorter than this are too common to pay for themselves ("a", "i"); any emoji is rare enough. */
const MIN_USEFUL = 3;

function useful(set: string[], minLength: number): boolean {
  return set.every((s) => s.length >= minLength || /[^\0-\x7f]/.test(s));
}

const UNKNOWN: Info = {};
const EMPTY: Info = { exact: [''] };

/** The strings of a set, or undefined when one of them is empty (the set then guarantees nothing). */
function nonEmpty(set: string[] | undefined): string[] | undefined {
  return set && set.length > 0 && !set.includes('') ? set : undefined;
}

function shortest(set: string[]): number {
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return min;
}

/** The more selective of two guarantees: longer shortest literal first, then fewer literals. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const la = shortest(a);
  const lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

const headOf = (info: Info): string[] => info.exact ?? info.head ?? [''];
const tailOf = (info: Info): string[] => info.exact ?? info.tail ?? [''];

function guarantee(info: Info): string[] | undefined {
  if (info.exact) return nonEmpty(info.exact);
  return better(better(nonEmpty(info.required), nonEmpty(info.head)), nonEmpty(info.tail));
}

function unique(strings: string[]): string[] {
  return [...new Set(strings)];
}

function product(left: string[], right: string[]): string[] | undefined {
  if (left.length === 1 && left[0] === '') return right;
  if (right.length === 1 && right[0] === '') return left;
  if (left.length * right.length > MAX_PRODUCT) return undefined;
  const out: string[] = [];
  for (const l of left) for (const r of right) out.push(l + r);
  return unique(out);
}

/**
 * A sequence of parts matched one after the other. `run` holds what the parts since the last
 * unlisted one matched exactly; an unlisted part still joins it with its head, and starts the next
 * run with its tail (`a\s+b` needs "a " and " b").
 */
function concatenate(parts: Info[]): Info {
  let run: string[] = [''];
  let head: string[] | undefined;
  let required: string[] | undefined;
  for (const part of parts) {
    if (part.exact) {
      const joined = product(run, part.exact);
      if (joined) run = joined;
      else {
        // Too many combinations: what ran so far is one guarantee, the part starts a new run.
        head ??= run;
        required = better(required, nonEmpty(run));
        run = part.exact;
      }
      continue;
    }
    const joined = product(run, headOf(part));
    head ??= joined ?? run;
    required = better(required, nonEmpty(joined) ?? better(nonEmpty(run), nonEmpty(headOf(part))));
    required = better(required, nonEmpty(part.required));
    run = tailOf(part);
  }
  if (!head) return { exact: run };
  required = better(required, nonEmpty(run));
  return { head, tail: run, ...(required ? { required } : {}) };
}

/** A union of string sets, or undefined past MAX_UNION or when one set is unknown. */
function union(sets: Array<string[] | undefined>): string[] | undefined {
  const out = new Set<string>();
  for (const set of sets) {
    if (!set) return undefined;
    for (const s of set) out.add(s);
    if (out.size > MAX_UNION) return undefined;
  }
  return [...out];
}

/** Branches of an alternation: a match takes one of them. */
function alternate(branches: Info[]): Info {
  if (branches.length === 1) return branches[0] as Info;
  const exact = union(branches.map((b) => b.exact));
  if (exact) return { exact };
  const head = union(branches.map(headOf));
  const tail = union(branches.map(tailOf));
  const required = union(branches.map(guarantee));
  return { ...(head ? { head } : {}), ...(tail ? { tail } : {}), ...(required ? { required } : {}) };
}

function repeat(info: Info, min: number, max: number): Info {
  if (min === 0) return max <= 1 && info.exact ? { exact: unique(['', ...info.exact]) } : UNKNOWN;
  if (min === 1 && max === 1) return info;
  // One or more: every match starts like the part, ends like it, and contains one whole.
  const sure = guarantee(info);
  return { head: headOf(info), tail: tailOf(info), ...(sure ? { required: sure } : {}) };
}

/** Characters that stand for themselves after a backslash in a `u` pattern. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/-'.split(''));
const CONTROL: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };

class Parser {
  private i = 0;
  constructor(private readonly source: string) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.source.length) throw new Error('unbalanced');
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.source[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return alternate(branches);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
      const atom = this.atom();
      parts.push(this.quantified(atom));
    }
    return concatenate(parts);
  }

  private quantified(atom: Info): Info {
    const s = this.source;
    const ch = s[this.i];
    let min = 1;
    let max = 1;
    if (ch === '*' || ch === '+' || ch === '?') {
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
      this.i++;
    } else if (ch === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!braces) return atom;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      this.i += braces[0].length;
    } else return atom;
    if (s[this.i] === '?') this.i++;
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const s = this.source;
    const ch = s[this.i] as string;
    if (ch === '(') return this.group();
    if (ch === '[') return this.characterClass();
    if (ch === '\\') return this.escape();
    this.i++;
    if (ch === '^' || ch === '$') return EMPTY;
    if (ch === '.') return UNKNOWN;
    const code = ch.charCodeAt(0);
    // A surrogate pair is one character of a `u` pattern.
    if (code >= 0xd800 && code <= 0xdbff && this.i < s.length) return { exact: [ch + s[this.i++]] };
    return { exact: [ch] };
  }

  private group(): Info {
    const s = this.source;
    this.i++;
    let lookaround = false;
    if (s.startsWith('?:', this.i)) this.i += 2;
    else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) (lookaround = true), (this.i += 2);
    else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) (lookaround = true), (this.i += 3);
    else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
    else if (s[this.i] === '?') throw new Error('unknown group');
    const inner = this.alternation();
    if (s[this.i] !== ')') throw new Error('unclosed group');
    this.i++;
    return lookaround ? EMPTY : inner;
  }

  private characterClass(): Info {
    const s = this.source;
    let j = this.i + 1;
    const negated = s[j] === '^';
    if (negated) j++;
    const members: string[] = [];
    let simple = !negated;
    while (j < s.length && s[j] !== ']') {
      const c = s[j] as string;
      if (c === '\\') {
        const next = s[j + 1] ?? '';
        if (SYNTAX.has(next)) members.push(next);
        else simple = false;
        j += /[pPu]/.test(next) && s[j + 2] === '{' ? s.indexOf('}', j) + 1 - j : 2;
        continue;
      }
      if (c === '-' && members.length > 0 && s[j + 1] !== ']') simple = false;
      else if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) simple = false;
      else members.push(c);
      j++;
    }
    if (s[j] !== ']') throw new Error('unclosed class');
    this.i = j + 1;
    return simple && members.length > 0 && members.length <= 8 ? { exact: unique(members) } : UNKNOWN;
  }

  private escape(): Info {
    const s = this.source;
    const next = s[this.i + 1] ?? '';
    this.i += 2;
    if (next === 'b' || next === 'B') return EMPTY;
    // Any white space: the scanner reads every \s character as a plain space.
    if (next === 's') return { exact: [' '] };
    if (SYNTAX.has(next)) return { exact: [next] };
    if (CONTROL[next] !== undefined) return { exact: [CONTROL[next]] };
    if ((next === 'p' || next === 'P' || next === 'u') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
    else if (next === 'k' && s[this.i] === '<') this.i = s.indexOf('>', this.i) + 1;
    else if (next === 'u') this.i += 4;
    else if (next === 'x') this.i += 2;
    else if (next === 'c') this.i += 1;
    else if (next >= '1' && next <= '9') while (/\d/.test(s[this.i] ?? '')) this.i++;
    // \d \w, properties, code points, back-references: not modelled.
    return UNKNOWN;
  }
}

/**
 * Literals one of which every match of `regex` contains, or undefined when the pattern has none worth
 * scanning for (then it must always be tested). Only `u` patterns without `i` are analysed: those are
 * the ones rules compile (on folded text, where case needs no flag). The shipped patterns' literals
 * come from the build (see precomputedLiterals).
 */
export function requiredLiterals(regex: RegExp, minLength = MIN_USEFUL): string[] | undefined {
  if (minLength === MIN_USEFUL) {
    const known = precomputed().get(memoKey(regex));
    if (known !== undefined) return known ?? undefined;
  }
  return analyseLiterals(regex, minLength);
}

/** requiredLiterals computed from the pattern itself. */
export function analyseLiterals(regex: RegExp, minLength = MIN_USEFUL): string[] | undefined {
  if (!regex.unicode || regex.ignoreCase || /[v]/.test(regex.flags)) return undefined;
  let info: Info;
  try {
    info = new Parser(regex.source).parse();
  } catch {
    return undefined;
  }
  const sure = guarantee(info);
  return sure && useful(sure, minLength) ? [...sure].sort() : undefined;
}

/**
 * The literals of the patterns under rules/, computed by the build (dist/anchors-data.json, see
 * scripts/bundle.mjs): analysing some 800 patterns costs about 20 ms per run. Keyed by flags and
 * source, so a pattern that changed since is simply analysed again; ANALYSIS_VERSION retires the file
 * when the analysis changes.
 */
export const ANALYSIS_VERSION = 1;
let memo: Map<string, string[] | null> | undefined;

export function memoKey(regex: RegExp): string {
  return `${regex.flags}/${regex.source}`;
}

function precomputed(): Map<string, string[] | null> {
  if (!memo) {
    const data = buildData<{ version: number; literals: Record<string, string[] | null> }>('anchors-data.json');
    memo = data?.version === ANALYSIS_VERSION ? new Map(Object.entries(data.literals)) : new Map();
  }
  return memo;
}

/** What the build writes to dist/anchors-data.json for these patterns. */
export function precomputedLiterals(patterns: Iterable<RegExp>): { version: number; literals: Record<string, string[] | null> } {
  const literals: Record<string, string[] | null> = {};
  for (const regex of patterns) literals[memoKey(regex)] = analyseLiterals(regex) ?? null;
  return { version: ANALYSIS_VERSION, literals };
}
