import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { boundedLines, LineTooLongError } from '../../src/report/bounded-lines.js';

/** Lines of a stream split across chunks anywhere, LF or CRLF, none longer than the bound. */
async function lines(chunks: string[], max = 10): Promise<string[]> {
  const out: string[] = [];
  for await (const l of boundedLines(Readable.from(chunks), max)) out.push(l);
  return out;
}

describe('boundedLines', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['empty', [], []],
    ['one line without an end', ['abc'], ['abc']],
    ['LF and CRLF', ['a\nb\r\nc\n'], ['a', 'b', 'c']],
    ['a CRLF split between chunks', ['a\r', '\nb'], ['a', 'b']],
    ['a line split across chunks', ['ab', 'cd\ne', 'f'], ['abcd', 'ef']],
    ['blank lines kept', ['\n\na\n'], ['', '', 'a']],
    ['a line of exactly the bound', ['0123456789\n'], ['0123456789']],
  ];
  it.each(cases)('%s', async (_, chunks, expected) => {
    expect(await lines(chunks)).toEqual(expected);
  });

  it('throws at the line past the bound, ended or not', async () => {
    await expect(lines(['ok\n01234567890\n'])).rejects.toEqual(new LineTooLongError(2, 10));
    await expect(lines(['ok\n', '0123456', '789012345'])).rejects.toEqual(new LineTooLongError(2, 10));
  });
});
