import { describe, expect, it } from 'vitest';
import { isSystemErrorCode, withSystemWords } from '../../src/scenario/system-error-words.js';
import { asWriteError, isErrno, OutputWriteError } from '../../src/report/write-error.js';
import { describeFailure, EXIT } from '../../src/cli/exit-codes.js';

const errno = (code: string, message: string, path?: string) => Object.assign(new Error(message), { code, ...(path ? { path } : {}) });

describe('one rule for a system error code, with or without underscores', () => {
  it('takes codes of capitals and digits joined by single underscores, and nothing else', () => {
    for (const code of ['ENOSPC', 'EIO', 'E2BIG', 'EAI_AGAIN', 'EAI_NONAME', 'ERR_FS_CP_EINVAL']) expect(isSystemErrorCode(code), code).toBe(true);
    for (const code of ['', 'E', 'E_', 'EAI_', 'E__X', '_EIO', 'eio', 'invalid_type', 'BAD_INDENT', 'ENOSPC ', 42, undefined]) expect(isSystemErrorCode(code), String(code)).toBe(false);
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
