/** A report, cache or configuration that cannot be written where asked: one line on stderr, exit code 2. */
export class OutputError extends Error {}
