/** A file a command reads, named for messages: `what` says what it is (`the scenario`, `the pipeline file`). */
export interface InputFile {
  readonly path: string;
  readonly what: string;
}
