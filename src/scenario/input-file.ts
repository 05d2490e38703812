/** A file a command reads, named for messages: `what` says what it is (`the scenario`, `the pipeline file`). */
export interface InputFile {
  /** Where it is read (absolute for a data file): what a check of outputs compares. */
  readonly path: string;
  /** Its name in messages, as the user named it (shownBeside), when not `path`. */
  readonly shown?: string;
  readonly what: string;
}
