/** How notes are read: the label lists, field words and section words of rules/notes/structure.yaml, compiled. */
export interface NotesStructure {
  interviewerLabels: Set<string>;
  intervieweeLabels: Set<string>;
  /** Numbered labels ("P3", "Participant 2", "Int1"), as patterns on the folded label. */
  interviewerPatterns: RegExp[];
  intervieweePatterns: RegExp[];
  /** Labels that are never speakers ("Note:", "Date :", "Besoin :"). */
  notSpeakers: Set<string>;
  /** Labels of the note's own metadata ("Date :", "Lieu :"): their line is metadata. */
  metaFields: Set<string>;
  /** Field labels naming who took part ("Participante :", "Attendees:"): their line is metadata. */
  personFields?: Set<string>;
  /** Words that open a clause: a line ending with a colon that starts with one is a sentence, not a caption. */
  clauseOpeners?: Set<string>;
  /** Labels of the note-taker's own asides ("My thoughts:", "Idée :"): their line is the note-taker's. */
  notetakerLabels?: Set<string>;
  /** Heading words of the research team's own sections, as one pattern on the folded heading. */
  researcherSections: RegExp;
  voiceMarkers: string[];
  /** Line markers of the note-taker's own observations (👀 she scrolls…, 📝 a note). */
  observationMarkers?: string[];
  /** Phrases that open a sponsor read (to the end of the speaker's turn), on the folded line. */
  sponsorMarkers?: RegExp;
}
