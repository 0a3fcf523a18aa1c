/**
 * --redact: personal data out of every output. E-mail addresses and phone numbers (international and
 * national forms of FR, UK, US/CA, DE, BE, CH…) become stable numbered placeholders ([EMAIL-1],
 * [PHONE-2]); the names given in front matter (participant, interviewer, company and the fields listed
 * under `redact:` in the configuration, structured values included) and the names that label speakers
 * become [PARTICIPANT], [INTERVIEWER], [COMPANY]… wherever they appear — matched without regard to case,
 * accents or Unicode normalisation, whole or by part; file paths become stable pseudonyms (note-01.md).
 * Names are found with one pass over the words of a text (a map from each word to the names it can
 * start), so the cost does not grow with the number of participants.
 */

import { NAME_PARTICLES } from '../notes/speaker-roles.js';

export const DEFAULT_NAME_FIELDS = ['participant', 'participants', 'interviewer', 'interviewers', 'interviewee', 'company'];

/** E-mail: Unicode local parts and domains (jörg@müller.de), and single-label hosts such as localhost. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}|localhost)(?![\p{L}\p{N}-])/gu;
const PHONES = [
  // French: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, +33 (0)6 12 34 56 78, 0033 6…
  /(?<![\w+])(?:\+33[\s.-]?(?:\(0\)[\s.-]?)?|0033[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g,
  // International / E.164: +44 20 7946 0958, +1 (415) 555-2671, +4915123456789, +49 (0)30 901820
  /(?<![\w+])(?:\+|00)\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){1,6}(?!\d)/g,
  // North American: (415) 555-2671, 415-555-2671
  /(?<![\w+(])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)/g,
  // National forms with a trunk 0: UK 07700 900123, 020 7946 0958; DE 030 901820, 0151 23456789;
  // BE 02 123 45 67, 0470 12 34 56; CH 044 668 18 00 (groups of 2 to 8 digits).
  /(?<![\w+/.,-])\(?0\d{1,4}\)?(?:[\s.-]\d{2,8}){1,4}(?!\d)(?![/.,]\d)/g,
];
const MIN_PHONE_DIGITS = 8;
const MAX_PHONE_DIGITS = 15;

/** Keys whose values are structure, not content: never rewritten (paths get their pseudonym). */
const STRUCTURAL_KEYS = new Set(['tool', 'version', 'kind', 'source', 'ruleId', 'severity', 'emotion', 'polarity', 'lang', 'role', 'uri']);

/** Words that may stand inside a name but must not be redacted alone ("Le" of "Marie Le Gall", "Mme", "and"). */
const NOT_REDACTED_ALONE = new Set([...NAME_PARTICLES, 'les', 'et', 'and', 'mr', 'mrs', 'ms', 'mme', 'm', 'dr']);

/** The same French number written +33 6…, 0033 6…, +33 (0)6… or 06… is the same number. */
function phoneKey(text: string): string {
  const digits = text.replace(/\D/g, '');
  const french = /^(?:0033|33)0?([1-9]\d{8})$/.exec(digits);
  return french ? `0${french[1]}` : digits;
}

function placeholderFor(field: string): string {
  const base = field.replace(/s$/, '').replace(/[^A-Za-z0-9]+/g, '-').toUpperCase();
  return `[${base}]`;
}

/** Lower case, no diacritics, NFC: "Hélène", "HELENE" and a decomposed "Hélène" give the same key. */
export function nameKey(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Every string inside a front-matter value (a string, a number, a list, or `{first: Marie, last: Dupont}`). */
function stringsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  const values = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  const out = values.flatMap((v) => stringsOf(v, depth + 1));
  // A structured name also stands written whole ("Marie Dupont").
  if (!Array.isArray(value) && out.length > 1 && out.length <= 4) out.push(out.join(' '));
  return out;
}

/** Words of a text with their offsets (letters, digits, apostrophes and hyphens inside a word; combining marks kept). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

interface NameEntry {
  /** The keys of the name's words, in order. */
  words: string[];
  placeholder: string;
  /** Short parts must be capitalised in the text ("Li" the name, not "li" the word). */
  capitalised: boolean;
}

export class Redactor {
  private readonly emails = new Map<string, string>();
  private readonly phones = new Map<string, string>();
  /** First word key → names starting with it (longest first). */
  private readonly names = new Map<string, NameEntry[]>();
  private readonly seen = new Set<string>();
  private readonly paths = new Map<string, string>();

  /** Learn the names of one file's front matter. */
  addNames(meta: Record<string, unknown>, fields: string[]): void {
    for (const field of [...DEFAULT_NAME_FIELDS, ...fields]) {
      for (const value of stringsOf(Object.hasOwn(meta, field) ? meta[field] : undefined)) this.addName(value, placeholderFor(field));
    }
  }

  /** Learn one name (a front-matter value, a speaker label): whole, and each part of a short name. */
  addName(value: string, placeholder: string): void {
    const name = value.trim();
    if (!name) return;
    const words = [...name.matchAll(WORD)].map((m) => m[0]);
    if (words.length === 0) return;
    this.addTerm(words, placeholder);
    if (name.length > 60 || words.length > 5) return;
    for (const part of words) {
      const key = nameKey(part);
      // Parts of two letters or more that stand as words; never a particle or a bare number.
      if (part.length < 2 || NOT_REDACTED_ALONE.has(key) || /^\p{N}+$/u.test(part)) continue;
      this.addTerm([part], placeholder);
    }
  }

  private addTerm(words: string[], placeholder: string): void {
    const keys = words.map(nameKey);
    const id = keys.join(' ');
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const entry: NameEntry = { words: keys, placeholder, capitalised: keys.length === 1 && (keys[0] as string).length <= 3 };
    const list = this.names.get(keys[0] as string) ?? [];
    list.push(entry);
    list.sort((a, b) => b.words.length - a.words.length);
    this.names.set(keys[0] as string, list);
  }

  /** A stable pseudonym for each path (note-01.md…), given every path of the run once, in order. */
  setPaths(paths: string[]): void {
    const width = Math.max(2, String(paths.length).length);
    paths.forEach((path, i) => {
      if (this.paths.has(path)) return;
      const ext = /\.[A-Za-z0-9]{1,8}$/.exec(path)?.[0] ?? '';
      this.paths.set(path, `note-${String(i + 1).padStart(width, '0')}${ext}`);
    });
  }

  path(value: string): string {
    return this.paths.get(value) ?? this.text(value);
  }

  text(value: string): string {
    let out = value.includes('@') ? value.replace(EMAIL, (m) => this.numbered(this.emails, 'EMAIL', m.normalize('NFC').toLowerCase())) : value;
    if (/\d/.test(out)) {
      for (const phone of PHONES) {
        out = out.replace(phone, (m) => {
          const digits = m.match(/\d/g)?.length ?? 0;
          return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS ? this.numbered(this.phones, 'PHONE', phoneKey(m)) : m;
        });
      }
    }
    return this.names.size > 0 ? this.replaceNames(out) : out;
  }

  /** One pass over the words: at each word, the longest name that starts there. */
  private replaceNames(text: string): string {
    const source = text.normalize('NFC');
    const words = [...source.matchAll(WORD)];
    let out = '';
    let last = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as RegExpExecArray;
      const candidates = this.names.get(nameKey(word[0]));
      if (!candidates) continue;
      for (const name of candidates) {
        if (name.capitalised && !/^\p{Lu}/u.test(word[0])) continue;
        let ok = i + name.words.length <= words.length;
        for (let k = 1; ok && k < name.words.length; k++) {
          const next = words[i + k] as RegExpExecArray;
          const previous = words[i + k - 1] as RegExpExecArray;
          // Words of a name are next to each other (spaces, a hyphen or an apostrophe between them).
          ok = nameKey(next[0]) === name.words[k] && /^[\s'’-]{1,3}$/u.test(source.slice(previous.index + previous[0].length, next.index));
        }
        if (!ok) continue;
        const end = words[i + name.words.length - 1] as RegExpExecArray;
        out += source.slice(last, word.index) + name.placeholder;
        last = end.index + end[0].length;
        i += name.words.length - 1;
        break;
      }
    }
    return last === 0 ? source : out + source.slice(last);
  }

  private numbered(seen: Map<string, string>, label: string, key: string): string {
    let placeholder = seen.get(key);
    if (!placeholder) {
      placeholder = `[${label}-${seen.size + 1}]`;
      seen.set(key, placeholder);
    }
    return placeholder;
  }

  /** Every content string of a report (object keys and structural values are kept; paths get their pseudonym). */
  deep<T>(value: T, key?: string): T {
    if (typeof value === 'string') {
      if (key === 'path') return this.path(value) as T;
      return (key && STRUCTURAL_KEYS.has(key) ? value : this.text(value)) as T;
    }
    if (Array.isArray(value)) return value.map((v) => this.deep(v, key)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.deep(v, k)])) as T;
    }
    return value;
  }
}

/** Remove the front-matter fields a configuration lists under `private:`. */
export function withoutPrivateFields(meta: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  if (fields.length === 0) return meta;
  return Object.fromEntries(Object.entries(meta).filter(([k]) => !fields.includes(k)));
}
