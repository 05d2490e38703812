import { afterAll, describe, expect, it, vi } from 'vitest';

// open() fails as the file system makes it: a code of libuv's (UNKNOWN, EAI_*-shaped) or Node's own ERR_*.
const failure = vi.hoisted(() => ({ code: '' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (...args: Parameters<typeof actual.open>) => {
    if (String(args[0]).endsWith('failing.arrcast-part')) throw Object.assign(new Error(`${failure.code}: failure, open '${String(args[0])}'`), { code: failure.code, path: args[0] });
    return actual.open(...args);
  }) as typeof actual.open;
  return { ...actual, open, default: { ...actual, open } };
});

// The forks pool runs files one after another with their module cache kept (isolate: false): part-file
// may already be loaded without the mock (a real open, whose ENOENT is a part file problem for every code
// below), as in part-no-hard-links.test.ts. Loaded afresh, it takes the mocked open...
vi.resetModules();
// ...and the files after this one in the fork get the real open again.
afterAll(() => {
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});
const { readPartFile, readPartHeader } = await import('../../src/engine/part-file.js');
const { PartFileError } = await import('../../src/engine/part-format.js');

describe('part-file.ts tells a part\'s open failure by the one system-error rule', () => {
  it('UNKNOWN and EAI_AGAIN are part file problems naming the part; ERR_INVALID_ARG_TYPE is not', async () => {
    for (const read of [readPartFile, readPartHeader]) {
      for (const code of ['UNKNOWN', 'EAI_AGAIN']) {
        failure.code = code;
        const err = await read('/parts/failing.arrcast-part').catch((e: unknown) => e);
        expect(err, code).toBeInstanceOf(PartFileError);
        expect((err as Error).message, code).toContain('/parts/failing.arrcast-part');
      }
      failure.code = 'ERR_INVALID_ARG_TYPE';
      const err = await read('/parts/failing.arrcast-part').catch((e: unknown) => e);
      expect(err).not.toBeInstanceOf(PartFileError);
      expect((err as NodeJS.ErrnoException).code).toBe('ERR_INVALID_ARG_TYPE');
    }
  });
});
