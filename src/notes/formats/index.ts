/**
 * The conventions the notes reader recognises in a file, by the names `inspect` prints. Each has its
 * fixtures in fixtures/notes-formats/ (checked by test/notes/formats.test.ts); the label forms it reads
 * are in label-forms.ts.
 */
export interface NotesFormat {
  name: string;
  description: string;
}

export const NOTES_FORMATS: readonly NotesFormat[] = [
  { name: 'speaker-labels', description: 'turns opened by speaker labels (Q:/A:, **Name:**, Name 0:00, <v Name>…); the one who asks interviews' },
  { name: 'table-transcript', description: 'a transcript exported as a table whose header names a speaker column and a text column' },
  { name: 'question-layout', description: 'questions set in the layout (question headings, bold or numbered questions, form questions, planned questions); the text under them answers' },
  { name: 'unlabelled-transcript', description: 'a transcript without labels (subtitle cues, dialogue dashes, one long paragraph); the voice that asks interviews' },
  { name: 'quoted-write-up', description: "a write-up whose participants' words are its blockquotes; the rest is the researcher's" },
  { name: 'participant-notes', description: "notes without speakers: the participant's words, reported or verbatim" },
  { name: 'researcher-sections', description: "sections of the researcher's own (summary, synthesis, takeaways)" },
];

export function isKnownFormat(name: string): boolean {
  return NOTES_FORMATS.some((f) => f.name === name);
}
