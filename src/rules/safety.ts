/**
 * Catastrophic-backtracking check for patterns (shipped and from configurations):
 * - safe-regex2's star-height heuristic (nested repetition: `(a+)+`). Its parser does not know
 *   look-behinds or \p{…}, and it counts an optional group `(…)?` as a repetition, which cannot blow up by
 *   itself: those are rewritten before the check;
 * - repeated alternatives that can start with the same character (`(?:\d|\d)*x`, `(a|ab)+`, `(\w|\d)*`):
 *   each repetition can take either branch, so a failing match tries 2ⁿ ways. safe-regex2 does not see
 *   these (a pattern of this kind took 76 s on 28 digits).
 */
import safeRegex from 'safe-regex2';

export function isSafePattern(source: string): boolean {
  const plain = source
    .replace(/\(\?<[=!]/g, '(?:')
    .replace(/\(\?<[A-Za-z_$][\w$]*>/g, '(?:')
    .replace(/\\[pP]\{[^}]+\}/g, 'a')
    .replace(/\{\{\w+\}\}/g, 'x')
    .replace(/\)\?(?![?+*{])/g, ')');
  return safeRegex(plain, { limit: 60 }) && !hasOverlappingRepeatedAlternatives(source);
}

type CharTest = (ch: string) => boolean;

const ANY: CharTest = () => true;

/** What the atom at `i` can start with, and where it ends. */
function firstAtom(source: string, i: number): { test: CharTest; end: number } | undefined {
  const ch = source[i];
  if (ch === undefined || ch === '|' || ch === ')') return undefined;
  if (ch === '\\') {
    const next = source[i + 1] ?? '';
    if (next === 'p' || next === 'P') {
      const close = source.indexOf('}', i);
      return { test: ANY, end: close < 0 ? i + 2 : close + 1 };
    }
    const classes: Record<string, CharTest> = {
      d: (c) => c >= '0' && c <= '9',
      D: (c) => !(c >= '0' && c <= '9'),
      w: (c) => /\w/.test(c),
      W: (c) => !/\w/.test(c),
      s: (c) => /\s/.test(c),
      S: (c) => !/\s/.test(c),
    };
    const test = classes[next] ?? ((c: string) => c === next);
    return { test, end: i + 2 };
  }
  if (ch === '[') {
    let j = i + 1;
    const negated = source[j] === '^';
    if (negated) j++;
    const members: CharTest[] = [];
    for (; j < source.length && source[j] !== ']'; j++) {
      if (source[j] === '\\') {
        const inner = firstAtom(source, j);
        if (inner) members.push(inner.test);
        j = (inner?.end ?? j + 2) - 1;
      } else if (source[j + 1] === '-' && source[j + 2] !== undefined && source[j + 2] !== ']') {
        const from = source[j] as string;
        const to = source[j + 2] as string;
        members.push((c) => c >= from && c <= to);
        j += 2;
      } else {
        const literal = source[j] as string;
        members.push((c) => c === literal);
      }
    }
    const inClass: CharTest = (c) => members.some((m) => m(c));
    return { test: negated ? (c) => !inClass(c) : inClass, end: j + 1 };
  }
  if (ch === '.') return { test: ANY, end: i + 1 };
  if (ch === '(') return { test: ANY, end: i + 1 }; // a nested group: assume it can start with anything
  if (ch === '^' || ch === '$') return firstAtom(source, i + 1);
  return { test: (c) => c.toLowerCase() === ch.toLowerCase(), end: i + 1 };
}

/** An alternative that is plain text (letters, digits, spaces, apostrophes, hyphens): it matches one string. */
function isLiteral(text: string): boolean {
  return /^[\p{L}\p{N} '’-]+$/u.test(text);
}

/** Characters to try the first-character tests on: a fixed sample plus every literal of the pattern. */
function sampleOf(source: string): string[] {
  return [...new Set([...'az AZ09_-.,;:!?\'"é\t', ...source])];
}

/** True when a repeated group (`*`, `+`, `{n,}`) has two alternatives that can start with one character, or an empty one. */
export function hasOverlappingRepeatedAlternatives(source: string): boolean {
  const sample = sampleOf(source);
  const stack: Array<{ start: number; bars: number[] }> = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (ch === '(') {
      let start = i + 1;
      if (source[start] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        const named = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(start));
        start += named ? named[0].length : 1;
      }
      stack.push({ start, bars: [] });
      continue;
    }
    if (ch === '|' && stack.length > 0) {
      (stack[stack.length - 1] as { bars: number[] }).bars.push(i);
      continue;
    }
    if (ch === ')' && stack.length > 0) {
      const group = stack.pop() as { start: number; bars: number[] };
      const after = source.slice(i + 1);
      const repeated = /^(?:[*+]|\{\d+,\d*\})/.exec(after);
      const unbounded = repeated && (!/^\{\d+,\d+\}/.test(repeated[0]) || Number(/,(\d+)/.exec(repeated[0])?.[1] ?? 0) >= 10);
      if (!unbounded || group.bars.length === 0) continue;
      const starts = [group.start, ...group.bars.map((b) => b + 1)];
      const ends = [...group.bars, i];
      const texts = starts.map((s, k) => source.slice(s, ends[k]));
      const firsts: Array<CharTest | undefined> = starts.map((s) => firstAtom(source, s)?.test);
      if (firsts.some((f) => f === undefined)) return true; // an empty alternative under a repetition
      for (let a = 0; a < firsts.length; a++) {
        for (let b = a + 1; b < firsts.length; b++) {
          const ta = texts[a] as string;
          const tb = texts[b] as string;
          if (isLiteral(ta) && isLiteral(tb)) {
            // Words: ambiguous only when one is the other repeated ("a|aa", "ab|abab").
            const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
            if (long.length % short.length === 0 && short.repeat(long.length / short.length) === long) return true;
            continue;
          }
          const fa = firsts[a] as CharTest;
          const fb = firsts[b] as CharTest;
          if (sample.some((c) => fa(c) && fb(c))) return true;
        }
      }
    }
  }
  return false;
}
