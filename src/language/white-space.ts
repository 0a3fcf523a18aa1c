/** White space as JavaScript's `\s` reads it, for code that tests characters one at a time. */

/** The characters `\s` matches (ECMAScript WhiteSpace and LineTerminator; a test checks them against /\s/). */
export const WHITE_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** Whether a code unit is one of WHITE_SPACE (a numeric test, for hot loops). */
export function isWhiteSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 0x80 && (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));
}
