import { getSystemErrorMap } from 'node:util';

/** System error names (EMFILE) to their words (too many open files), built on first use. */
let WORDS: Map<string, string> | undefined;

/**
 * The words of a system error code as the system gives them ('too many open files' for EMFILE), or
 * undefined for a name that is no system error.
 *
 * @example systemErrorWords('EMFILE') // => 'too many open files'
 */
export function systemErrorWords(code: string): string | undefined {
  WORDS ??= new Map([...getSystemErrorMap().values()].map(([name, words]) => [name, words]));
  return WORDS.get(code);
}

/**
 * A message with each system error code that stands in it alone given in words, then the code:
 * Node says some failures by their code only ('Worker initialization failure: EMFILE', 'write
 * EPIPE'). A code already with its words ('EMFILE: too many open files, open ...', 'too many open
 * files (EMFILE)') is kept.
 *
 * @example withSystemWords('Worker initialization failure: EMFILE') // => 'Worker initialization failure: too many open files (EMFILE)'
 */
export function withSystemWords(message: string): string {
  return message.replace(/(?<!\()\b(E[A-Z0-9]{2,})\b(?![:)])/g, (code: string) => {
    const words = systemErrorWords(code);
    return words === undefined ? code : `${words} (${code})`;
  });
}
