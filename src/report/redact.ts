/**
 * --redact: personal data out of every output. E-mail addresses and phone numbers (French and
 * international forms) become stable numbered placeholders ([EMAIL-1], [PHONE-2]); the names given in
 * front matter (participant, interviewer, company and the fields listed under `redact:` in the
 * configuration) become [PARTICIPANT], [INTERVIEWER], [COMPANY]… wherever they appear.
 */

export const DEFAULT_NAME_FIELDS = ['participant', 'participants', 'interviewer', 'interviewers', 'interviewee', 'company'];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONES = [
  // French: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, +33 (0)6 12 34 56 78, 0033 6…
  /(?<![\w+])(?:\+33[\s.-]?(?:\(0\)[\s.-]?)?|0033[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g,
  // International / E.164: +44 20 7946 0958, +1 (415) 555-2671, +4915123456789
  /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){1,6}(?!\d)/g,
  // North American: (415) 555-2671, 415-555-2671
  /(?<![\w+(])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)/g,
];
const MIN_PHONE_DIGITS = 8;

/** Keys whose values are structure, not content: never rewritten. */
const STRUCTURAL_KEYS = new Set(['path', 'tool', 'version', 'kind', 'source', 'ruleId', 'severity', 'emotion', 'polarity', 'lang', 'role', 'uri']);

/** The same French number written +33 6…, 0033 6…, +33 (0)6… or 06… is the same number. */
function phoneKey(text: string): string {
  const digits = text.replace(/\D/g, '');
  const french = /^(?:0033|33)0?([1-9]\d{8})$/.exec(digits);
  return french ? `0${french[1]}` : digits;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function placeholderFor(field: string): string {
  const base = field.replace(/s$/, '').replace(/[^A-Za-z0-9]+/g, '-').toUpperCase();
  return `[${base}]`;
}

export class Redactor {
  private readonly emails = new Map<string, string>();
  private readonly phones = new Map<string, string>();
  private readonly names: Array<{ regex: RegExp; placeholder: string }> = [];
  private readonly seenNames = new Set<string>();

  /** Learn the names of one file's front matter. */
  addNames(meta: Record<string, unknown>, fields: string[]): void {
    for (const field of [...DEFAULT_NAME_FIELDS, ...fields]) {
      const raw = meta[field];
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
      for (const value of values) {
        const name = value.trim();
        if (!name) continue;
        const placeholder = placeholderFor(field);
        // The whole value; and each word of a short name ("Marie Dupont" → "Marie", "Dupont").
        const words = name.length <= 40 && name.split(/\s+/).length <= 4 ? name.split(/[\s,;()«»"]+/).filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w)) : [];
        for (const term of [name, ...words]) {
          const key = term.toLowerCase();
          if (this.seenNames.has(key)) continue;
          this.seenNames.add(key);
          this.names.push({ regex: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(term)}(?![\\p{L}\\p{N}])`, 'giu'), placeholder });
        }
      }
    }
    this.names.sort((a, b) => b.regex.source.length - a.regex.source.length);
  }

  text(value: string): string {
    let out = value.replace(EMAIL, (m) => this.numbered(this.emails, 'EMAIL', m.toLowerCase()));
    for (const phone of PHONES) {
      out = out.replace(phone, (m) => ((m.match(/\d/g)?.length ?? 0) >= MIN_PHONE_DIGITS ? this.numbered(this.phones, 'PHONE', phoneKey(m)) : m));
    }
    for (const { regex, placeholder } of this.names) out = out.replace(regex, placeholder);
    return out;
  }

  private numbered(seen: Map<string, string>, label: string, key: string): string {
    let placeholder = seen.get(key);
    if (!placeholder) {
      placeholder = `[${label}-${seen.size + 1}]`;
      seen.set(key, placeholder);
    }
    return placeholder;
  }

  /** Every content string of a report (object keys and structural values are kept). */
  deep<T>(value: T, key?: string): T {
    if (typeof value === 'string') return (key && STRUCTURAL_KEYS.has(key) ? value : this.text(value)) as T;
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
