import { getSystemErrorMap } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isSystemErrorCode, withSystemWords } from '../../src/scenario/system-error-words.js';
import { asWriteError, isErrno, OutputWriteError } from '../../src/report/write-error.js';
import { describeFailure, EXIT } from '../../src/cli/exit-codes.js';
import { readPartFile, readPartHeader } from '../../src/engine/part-file.js';
import { PartFileError } from '../../src/engine/part-format.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const errno = (code: string, message: string, path?: string) => Object.assign(new Error(message), { code, ...(path ? { path } : {}) });

describe('one rule for a system error code, with or without underscores', () => {
  it('takes codes of capitals and digits joined by single underscores, and UNKNOWN, and nothing else (not Node\'s ERR_*)', () => {
    for (const code of ['ENOSPC', 'EIO', 'E2BIG', 'EAI_AGAIN', 'EAI_NONAME', 'ENOTDIR', 'UNKNOWN']) expect(isSystemErrorCode(code), code).toBe(true);
    const nodeOwn = ['ERR_INVALID_ARG_TYPE', 'ERR_OUT_OF_RANGE', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_FS_CP_EINVAL', 'ERR_WORKER_INIT_FAILED', 'ERR'];
    for (const code of ['', 'E', 'E_', 'EAI_', 'E__X', '_EIO', 'eio', 'invalid_type', 'BAD_INDENT', 'ENOSPC ', 'UNKNOWN_X', 'unknown', ...nodeOwn, 42, undefined])
      expect(isSystemErrorCode(code), String(code)).toBe(false);
  });

  it('libuv\'s every errno name is a system error code', () => {
    for (const [, [name]] of getSystemErrorMap()) expect(isSystemErrorCode(name), name).toBe(true);
  });

  it('a Node programming error (ERR_*) inside a write is an internal error, not "cannot write"', () => {
    const typeError = Object.assign(new TypeError('The "data" argument must be of type string. Received type number (42)'), { code: 'ERR_INVALID_ARG_TYPE' });
    expect(isErrno(typeError)).toBe(false);
    const range = Object.assign(new RangeError('The value of "offset" is out of range.'), { code: 'ERR_OUT_OF_RANGE' });
    const err = asWriteError(range, '/r/.arrcast-tmp-out-new-1-ab', '/r/out');
    expect(err).toBe(range);
    expect(describeFailure(err).message).toMatch(/^arrcast: internal error: The value of "offset" is out of range\./);
    // Even with a path, as writingTo would give it one.
    expect(describeFailure(Object.assign(typeError, { path: '/r/out/report.html' })).message).toMatch(/^arrcast: internal error: /);
  });

  it('a system error with a path and code UNKNOWN says it cannot write that path', () => {
    expect(describeFailure(errno('UNKNOWN', 'UNKNOWN: unknown error, write', '/r/out/report.html'))).toEqual({
      message: 'arrcast: cannot write /r/out/report.html: unknown error (UNKNOWN)',
      code: EXIT.failed,
    });
  });

  it('a write that fails with EAI_AGAIN is an output write error in words, like ENOSPC', () => {
    expect(isErrno(errno('EAI_AGAIN', 'getaddrinfo EAI_AGAIN host'))).toBe(true);
    const err = asWriteError(errno('EAI_AGAIN', 'getaddrinfo EAI_AGAIN host', '/r/.arrcast-tmp-out-new-1-ab/x'), '/r/.arrcast-tmp-out-new-1-ab', '/r/out');
    expect(err).toBeInstanceOf(OutputWriteError);
    expect(describeFailure(err)).toEqual({ message: 'arrcast: cannot write /r/out/x: temporary failure (EAI_AGAIN); no output was written', code: EXIT.failed });
  });

  it('a code in a message is found by the same rule', () => {
    expect(withSystemWords('getaddrinfo EAI_AGAIN host')).toBe('getaddrinfo temporary failure (EAI_AGAIN) host');
    expect(withSystemWords('write E__X')).toBe('write E__X');
  });
});

describe('a part file\'s open failure is a part file problem only when the system says so', () => {
  it('a missing part is a PartFileError; Node\'s ERR_* for a bad argument stays the bug it is', async () => {
    const missing = join(tmpdir(), `arrcast-no-such-dir-${process.pid}`, 'shard-1-of-2.arrcast-part');
    for (const read of [readPartFile, readPartHeader]) {
      await expect(read(missing)).rejects.toBeInstanceOf(PartFileError);
      const err = await read(42 as unknown as string).catch((e: unknown) => e);
      expect(err).not.toBeInstanceOf(PartFileError);
      expect((err as NodeJS.ErrnoException).code).toBe('ERR_INVALID_ARG_TYPE');
      expect(describeFailure(err).message).toMatch(/^arrcast: internal error: /);
    }
  });
});
