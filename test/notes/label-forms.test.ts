import { describe, expect, it } from 'vitest';
import { LABEL_FORMS, labelAt } from '../../src/notes/formats/label-forms.js';

describe('label forms', () => {
  const cases = LABEL_FORMS.flatMap((form) => form.example.split(', ').map((example) => [form.name, example.replace('…', 'words follow')] as const));
  it.each(cases)('%s reads "%s"', (_name, example) => {
    const label = labelAt(example);
    expect(label).toBeDefined();
    expect(label?.name.trim().length).toBeGreaterThan(0);
    expect(example.slice(label?.length)).toBe('words follow');
  });
  // "Note that: …" or "Ce qui compte : …" do read as labels here; the speaker logic refuses them (not a name).
  it.each(['Il était une fois.', '- list item', 'e.g. this', 'a. lower case', '12:30 meeting'])('finds no label in "%s"', (text) => {
    expect(labelAt(text)).toBeUndefined();
  });
});
