import { getSystemErrorMap } from 'node:util';

/**
 * The shape of a system error's code: E, then capitals and digits in groups joined by '_' (ENOSPC,
 * EAI_AGAIN: libuv's and the system's errno names). `/^E[A-Z0-9]+$/` took EAI_AGAIN for some other
 * error: a failure to resolve a host while writing read as an internal error.
 */
const SYSTEM_ERROR_CODE = 'E[A-Z0-9]+(?:_[A-Z0-9]+)*';
/**
 * A whole code that is a system error's: the shape above but not Node's own ERR_* codes
 * (ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE: an arrcast bug, to be told as an internal error, never as
 * 'cannot write'), or UNKNOWN, libuv's code for a system call's failure it has no name for (a file
 * system that returns an unlisted errno): that is the system's failure at a path, not arrcast's.
 */
const WHOLE_CODE = new RegExp(`^(?:(?!ERR(?:_|$))${SYSTEM_ERROR_CODE}|UNKNOWN)$`);

/**
 * Whether `code` is a system error's code (WHOLE_CODE), the one rule every errno test in arrcast uses.
 * @example isSystemErrorCode('EAI_AGAIN') // => true; isSystemErrorCode('ERR_OUT_OF_RANGE') // => false
 */
export const isSystemErrorCode = (code: unknown): code is string => typeof code === 'string' && WHOLE_CODE.test(code);

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
const LONE_CODE = new RegExp(`(?<![\\w/\\\\.'"\`(-])${SYSTEM_ERROR_CODE}(?![\\w/\\\\'"\`:)-]|\\.\\w)`, 'g');

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
