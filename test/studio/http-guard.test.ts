import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { checkRequest, readJsonBody, Refusal } from '../../src/studio/http-guard.js';

/** A request body as a stream the test writes, ends or cuts. */
const body = (headers: Record<string, string> = { 'content-type': 'application/json' }) => Object.assign(new PassThrough(), { headers });
const read = (req: PassThrough, limit = 100, timeoutMs = 1_000) => readJsonBody(req as unknown as IncomingMessage, limit, timeoutMs);
const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof Refusal ? [e.status, e.message] : e));

afterEach(() => {
  vi.useRealTimers();
});

describe('readJsonBody', () => {
  it('reads a whole body', async () => {
    const req = body();
    const got = read(req);
    req.end('{"a":[1,{"b":null}]}');
    expect(await got).toEqual({ a: [1, { b: null }] });
  });

  it('a client gone mid-body is a refusal in words, not an error for the terminal', async () => {
    const req = body();
    const got = refusal(read(req));
    req.write('{"state":');
    req.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    expect(await got).toEqual([400, 'the request was cut off before its body ended']);
  });

  it('a body that never ends is a 408 once its time is up', async () => {
    vi.useFakeTimers();
    const req = body();
    const got = refusal(read(req, 100, 1_500));
    req.write('{"state":');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(await got).toEqual([408, 'the body did not arrive within 1.5 s']);
  });

  it.each([
    ['another type', { 'content-type': 'text/plain' }, '{}', [415, 'send the body as application/json']],
    ['a declared length over the limit', { 'content-type': 'application/json', 'content-length': '101' }, '{}', [413, 'the body is larger than 100 bytes']],
    ['more bytes than the limit', { 'content-type': 'application/json' }, `"${'x'.repeat(100)}"`, [413, 'the body is larger than 100 bytes']],
    ['bad JSON', { 'content-type': 'application/json' }, '{"a":', [400, 'the body is not valid JSON']],
    ['__proto__ in a list', { 'content-type': 'application/json' }, '[{"__proto__":1}]', [400, 'a key "__proto__" is never part of a request']],
    ['17 levels', { 'content-type': 'application/json' }, '['.repeat(17) + ']'.repeat(17), [400, 'the body is nested deeper than 16 levels']],
  ])('refuses %s', async (_, headers, text, expected) => {
    const req = body(headers);
    const got = refusal(read(req));
    req.end(text);
    expect(await got).toEqual(expected);
  });
});

describe('checkRequest: Host and Origin as a browser writes them', () => {
  /** A request with these headers (each once), as node gives them. */
  const request = (headers: Record<string, string>) =>
    ({ headers, rawHeaders: Object.entries(headers).flat() }) as unknown as IncomingMessage;
  const status = (port: number, headers: Record<string, string>) => {
    try {
      checkRequest(request({ 'x-arrcast-token': 't', ...headers }), port, 't', true);
      return 200;
    } catch (e) {
      return e instanceof Refusal ? e.status : e;
    }
  };

  // A browser leaves out the default port of http (80) in Host and Origin (RFC 9110 7.2, RFC 6454 6.1),
  // and writes any other.
  it.each<[string, number, Record<string, string>, number]>([
    ['port 80, the page from 127.0.0.1', 80, { host: '127.0.0.1', origin: 'http://127.0.0.1' }, 200],
    ['port 80, the page from localhost', 80, { host: 'localhost', origin: 'http://localhost' }, 200],
    ['port 80, the port written', 80, { host: '127.0.0.1:80' }, 200],
    ['port 80, another host', 80, { host: 'evil.example' }, 403],
    ['port 80, another origin', 80, { host: '127.0.0.1', origin: 'http://evil.example' }, 403],
    ['port 8080, no port in Host', 8080, { host: '127.0.0.1' }, 403],
    ['port 8080, an origin without the port', 8080, { host: '127.0.0.1:8080', origin: 'http://127.0.0.1' }, 403],
    ['port 8080, as a browser writes it', 8080, { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' }, 200],
  ])('%s', (_, port, headers, expected) => {
    expect(status(port, headers)).toBe(expected);
  });
});
