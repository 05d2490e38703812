/** Where the CLI writes: injectable so tests can capture it. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}
