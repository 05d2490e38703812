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
 * A system error code standing alone in a message: E and capitals, digits or '_' (EAI_AGAIN: `\b`
 * does not break at '_', so the code is delimited by hand), not with its words already (a ':' after
 * it, brackets around it) and not part of a path or a file name ('/data/EIO/x', 'EIO.txt', quoted).
 */
const LONE_CODE = /(?<![\w/\\.'"`(-])E[A-Z0-9_]*[A-Z0-9](?![\w/\\'"`:)-]|\.\w)/g;

/**
 * A message with each system error code that stands in it alone given in words, then the code:
 * Node says some failures by their code only ('Worker initialization failure: EMFILE', 'write
 * EPIPE', 'getaddrinfo EAI_AGAIN host'). A code already with its words ('EMFILE: too many open
 * files, open ...', 'too many open files (EMFILE)') is kept, and so is a path that holds such a name.
 *
 * @example withSystemWords('Worker initialization failure: EMFILE') // => 'Worker initialization failure: too many open files (EMFILE)'
 */
export function withSystemWords(message: string): string {
  return message.replace(LONE_CODE, (code: string) => {
    const words = systemErrorWords(code);
    return words === undefined ? code : `${words} (${code})`;
  });
}
