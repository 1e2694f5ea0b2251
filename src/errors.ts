/**
 * Named error classes, after Eleventy core's: each says which stage failed and
 * carries the file (and line) so the CLI can print one clear line instead of a stack.
 */

export class NewsArchiveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A seed that cannot become an article: the build reports it and goes on. */
export class SeedRejectedError extends NewsArchiveError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${reason}`);
  }
}

/** A knowledge data file (parties, places, …) that does not match its schema: fatal, the user must fix it. */
export class KnowledgeFileError extends NewsArchiveError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Bad command-line usage. */
export class UsageError extends NewsArchiveError {}

/** Output folder is locked by another build. */
export class BuildLockedError extends NewsArchiveError {}
