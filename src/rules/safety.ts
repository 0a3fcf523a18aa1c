/**
 * Catastrophic-backtracking check for patterns (shipped and from configurations), with safe-regex2's
 * star-height heuristic. Its parser does not know look-behinds or \p{…}, and it counts an optional group
 * `(…)?` as a repetition, which cannot blow up by itself: those are rewritten before the check.
 */
import safeRegex from 'safe-regex2';

export function isSafePattern(source: string): boolean {
  const plain = source
    .replace(/\(\?<[=!]/g, '(?:')
    .replace(/\(\?<[A-Za-z_$][\w$]*>/g, '(?:')
    .replace(/\\[pP]\{[^}]+\}/g, 'a')
    .replace(/\{\{\w+\}\}/g, 'x')
    .replace(/\)\?(?![?+*{])/g, ')');
  return safeRegex(plain, { limit: 60 });
}
