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
 * Complexity: O(size of the stream): each character is searched for a line end once.
 */
export async function* boundedLines(input: Readable, maxChars: number): AsyncGenerator<string> {
  let pending = '';
  let line = 0;
  for await (const chunk of input) {
    const piece = chunk as string;
    // A chunk without a line end only lengthens the pending line: appended without searching the
    // whole of it again (a 16 MB line in 64 kB chunks was searched from its start 256 times).
    if (piece.indexOf('\n') < 0) {
      pending += piece;
      if (pending.length > maxChars + 1) throw new LineTooLongError(line + 1, maxChars);
      continue;
    }
    let text = pending + piece;
    let start = 0;
    // pending holds no line end: the search starts where the new chunk does.
    for (let nl = text.indexOf('\n', pending.length); nl >= 0; nl = text.indexOf('\n', start)) {
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
