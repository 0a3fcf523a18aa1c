/**
 * Format unit: the forms a speaker label takes at the start of a line. A new form is a new entry here
 * (a name, the character it needs, its pattern with the name in group 1) and a fixture in
 * fixtures/notes-formats/; whether a label is a speaker is decided later, from the whole file.
 */

export interface LabelForm {
  name: string;
  example: string;
  /** A cheap test on the line: the pattern runs only when it passes. */
  gate: (text: string) => boolean;
  pattern: RegExp;
}

const EMPHASIS = '(?:\\*\\*|__|\\*|_)';
const NAME = "([\\p{L}][\\p{L}\\p{N}'’.·\\- ]{0,29}?)";
const COLON_AFTER = `(?:${EMPHASIS}\\s*:|:(?:\\s*${EMPHASIS})?)(?=\\s|$)\\s*`;

export const LABEL_FORMS: readonly LabelForm[] = [
  {
    name: 'name-colon',
    example: '**Marie :** …, Q: …, 12 C : …, Ravi (00:02:10) : …, *Léa :* …',
    gate: (text) => text.includes(':'),
    pattern: new RegExp(`^(?:\\d{1,4}[.)]?\\s+)?${EMPHASIS}?${NAME}\\s*(?:[[(]\\d{1,2}:\\d{2}(?::\\d{2})?[\\])]\\s*)?${COLON_AFTER}`, 'u'),
  },
  {
    name: 'name-role-colon',
    example: '*Camille (UX) :* …, Hugo (gérant): …',
    gate: (text) => text.includes(':') && text.includes('('),
    pattern: new RegExp(`^${EMPHASIS}?${NAME}\\s*\\([^)\\n]{1,30}\\)\\s*${COLON_AFTER}`, 'u'),
  },
  {
    name: 'emphasised-name-dash',
    example: '*Camille -* …',
    gate: (text) => (text[0] === '*' || text[0] === '_') && /[-–—]/u.test(text),
    pattern: new RegExp(`^${EMPHASIS}([\\p{L}][\\p{L}\\p{N}'’.· ]{0,29}?)\\s*[-–—]\\s*${EMPHASIS}\\s*`, 'u'),
  },
  {
    name: 'name-long-dash',
    example: 'Noor — …',
    gate: (text) => text.includes('—') || text.includes('–'),
    pattern: /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2})\s+[—–]\s+/u,
  },
  {
    name: 'letter-dot',
    example: 'Q. …, R. …',
    gate: (text) => text[1] === '.',
    pattern: /^([A-Z])\.\s+/u,
  },
];

/** The first label form that opens the text: the name, how many characters the label takes, whether it is set apart (emphasis). */
export function labelAt(text: string): { name: string; length: number; bold: boolean; form: string } | undefined {
  for (const form of LABEL_FORMS) {
    if (!form.gate(text)) continue;
    const match = form.pattern.exec(text);
    if (match) return { name: match[1] ?? '', length: match[0].length, bold: /^(?:\d{1,4}[.)]?\s+)?[*_]/u.test(match[0]), form: form.name };
  }
  return undefined;
}
