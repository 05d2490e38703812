import type { Readable } from 'node:stream';

/** A line longer than the reader allows: the file is not what it claims to be. */
export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';
  constructor(
    readonly line: number,
    readonly maxChars: number,
  ) {
    super(`line ${line} is longer than ${maxChars.toLocaleString('en-US')} characters`);
  }
}

/**
 * The lines of a text stream (LF or CRLF), none longer than `maxChars`: a file with a longer line
 * throws LineTooLongError as soon as the line passes the bound, so a forged file of one endless line
 * costs at most about `maxChars` of memory (readline would hold the whole line).
 *
 * Complexity: O(size of the stream).
 */
export async function* boundedLines(input: Readable, maxChars: number): AsyncGenerator<string> {
  let pending = '';
  let line = 0;
  for await (const chunk of input) {
    let text = pending + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      line++;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end - start > maxChars) throw new LineTooLongError(line, maxChars);
      yield text.slice(start, end);
      start = nl + 1;
    }
    pending = text.slice(start);
    text = '';
    if (pending.length > maxChars + 1) throw new LineTooLongError(line + 1, maxChars);
  }
  if (pending.endsWith('\r')) pending = pending.slice(0, -1);
  if (pending !== '') yield pending;
}
