/**
 * One regular expression that matches wherever any of several patterns matches: a cheap test that lets
 * a caller skip all of them (most sentences match none of a rule's patterns). Named groups become plain
 * groups; patterns with back-references cannot be merged, and then there is no prefilter.
 */
const cache = new WeakMap<RegExp[], RegExp | null>();

export function prefilter(patterns: RegExp[]): RegExp | undefined {
  const known = cache.get(patterns);
  if (known !== undefined) return known ?? undefined;
  let combined: RegExp | null = null;
  if (patterns.length > 0 && !patterns.some((r) => /\\[1-9]|\\k</.test(r.source))) {
    const flags = patterns.some((r) => r.flags.includes('u')) ? 'u' : '';
    const sources = patterns.map((r) => r.source.replace(/\(\?<(?![=!])[A-Za-z_$][\w$]*>/g, '(?:'));
    // Most patterns start with \b: test the boundary once per position, then the alternatives
    // (irregexp does not factor a common prefix out of an alternation by itself; measured 2× faster).
    const bounded = sources.filter((src) => src.startsWith('\\b') && !src.includes('|'));
    const others = sources.filter((src) => !bounded.includes(src));
    const parts = [...(bounded.length > 0 ? [`\\b(?:${bounded.map((src) => src.slice(2)).join('|')})`] : []), ...others.map((src) => `(?:${src})`)];
    combined = new RegExp(parts.join('|'), flags);
  }
  cache.set(patterns, combined);
  return combined ?? undefined;
}
