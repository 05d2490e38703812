import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/studio/state.js';
import { parseRaw, startTestStudio, type TestStudio } from './studio-fixture.js';

let studio: TestStudio;
beforeAll(async () => {
  // A short wait for a body, so a body that never ends is refused within the test.
  studio = await startTestStudio({ bodyTimeoutMs: 1_500 });
});
afterAll(async () => {
  await studio?.close();
});

const EMPTY = { drivers: {}, market: null, confidence: 0.8 };

describe('arrcast studio: headers the guard reads come once', () => {
  const get = (headers: string) => `GET /api/controls HTTP/1.1\r\n${headers}\r\n\r\n`;
  const cases: Array<[string, number, string, string | undefined]> = [
    ['two Hosts, its own first', 400, get('Host: 127.0.0.1:$PORT\r\nHost: evil.example:$PORT\r\nx-arrcast-token: $TOKEN'), 'the host header is sent 2 times; send it once'],
    ['two Hosts, its own last', 400, get('Host: evil.example:$PORT\r\nHost: 127.0.0.1:$PORT\r\nx-arrcast-token: $TOKEN'), 'the host header is sent 2 times; send it once'],
    ['two Origins, its own first', 400, get('Host: 127.0.0.1:$PORT\r\nOrigin: http://127.0.0.1:$PORT\r\nOrigin: http://evil.example\r\nx-arrcast-token: $TOKEN'), 'the origin header is sent 2 times; send it once'],
    ['the token twice', 400, get('Host: 127.0.0.1:$PORT\r\nx-arrcast-token: $TOKEN\r\nX-Arrcast-Token: $TOKEN'), 'the x-arrcast-token header is sent 2 times; send it once'],
    ['each once (the control)', 200, get('Host: 127.0.0.1:$PORT\r\nOrigin: http://127.0.0.1:$PORT\r\nx-arrcast-token: $TOKEN'), undefined],
  ];
  it.each(cases)('%s: %i', async (_, status, text, error) => {
    const r = parseRaw(await studio.raw(text));
    expect(r.status).toBe(status);
    expect(r.body.error).toBe(error);
  });
});

describe('arrcast studio: methods', () => {
  const cases: Array<[string, string, number, string]> = [
    ['PUT', '/api/answer', 405, '/api/answer takes POST, not PUT'],
    ['DELETE', '/api/save', 405, '/api/save takes POST, not DELETE'],
    ['GET', '/api/save', 405, '/api/save takes POST, not GET'],
    ['OPTIONS', '/api/answer', 405, '/api/answer takes POST, not OPTIONS'],
    ['POST', '/api/controls', 405, '/api/controls takes GET, not POST'],
    ['TRACE', '/api/controls', 405, '/api/controls takes GET, not TRACE'],
    ['POST', '/', 405, '/ takes GET, not POST'],
    ['PUT', '/studio.js', 405, '/studio.js takes GET, not PUT'],
    ['DELETE', '/studio.css', 405, '/studio.css takes GET, not DELETE'],
    ['OPTIONS', '/', 405, '/ takes GET, not OPTIONS'],
    ['GET', '/constructor', 404, 'not found'],
    ['POST', '/api/nothing', 404, 'not found'],
    ['GET', '/api/__proto__', 404, 'not found'],
  ];
  it.each(cases)('%s %s: %i', async (method, path, status, error) => {
    const r = await studio.send(method, path, { 'x-arrcast-token': studio.server.token, 'content-type': 'application/json' }, method === 'GET' || method === 'TRACE' ? undefined : JSON.stringify({ state: EMPTY, pass: 'first' }));
    expect(r.status).toBe(status);
    expect(r.json().error).toBe(error);
  });
});

describe('arrcast studio: bodies', () => {
  const answer = (state: string) => `{"state":${state},"pass":"first"}`;
  const cases: Array<[string, string, number, string, string | undefined]> = [
    ['a driver named __proto__', answer('{"drivers":{"__proto__":{"central":1}}}'), 400, 'a key "__proto__" is never part of a request', '__proto__'],
    ['__proto__ in the state', answer('{"__proto__":{"confidence":0.5}}'), 400, 'a key "__proto__" is never part of a request', '__proto__'],
    ['__proto__ at the top', '{"__proto__":{"pass":"full"},"state":{},"pass":"first"}', 400, 'a key "__proto__" is never part of a request', '__proto__'],
    ['a driver named constructor', answer('{"drivers":{"constructor":{"central":1}}}'), 400, 'state.drivers.constructor: no such driver on this page; its drivers are "0/conversion", …', 'state.drivers.constructor'],
    ['a driver named toString', answer('{"drivers":{"toString":{"central":1}}}'), 400, 'state.drivers.toString: no such driver on this page; its drivers are "0/conversion", …', 'state.drivers.toString'],
    ['NaN', answer('{"drivers":{"0/conversion":{"central":NaN}}}'), 400, 'the body is not valid JSON', undefined],
    ['1e309', answer('{"drivers":{"0/conversion":{"central":1e309}}}'), 400, "state.drivers[\"0/conversion\"].central (SMB conversion): got Infinity; it takes a number: the driver's central value in its unit (a rate as 0.02, an amount as 12000), one of the values GET /api/controls lists for it", 'state.drivers["0/conversion"].central'],
    ['deep nesting', '['.repeat(30_000) + ']'.repeat(30_000), 400, 'the body is nested deeper than 16 levels', undefined],
    ['a huge array', `{"state":{"targets":[${'1,'.repeat(1_000)}1]},"pass":"first"}`, 400, 'state.targets: got a list of 1001 items (at most 50); it takes a list of numbers at least 0, one per target on the page, in its order', 'state.targets'],
  ];
  it.each(cases)('%s', async (_, body, status, error, field) => {
    const r = await studio.post('/api/answer', body);
    expect(r.status).toBe(status);
    // Ending in "…": the message begins so (the rest lists the page's drivers).
    if (error?.endsWith('…')) expect(String(r.json().error).startsWith(error.slice(0, -1))).toBe(true);
    else expect(r.json().error).toBe(error);
    expect(r.json().field).toBe(field);
  });

  const head = (more: string) => `POST /api/answer HTTP/1.1\r\nHost: 127.0.0.1:$PORT\r\nx-arrcast-token: $TOKEN\r\ncontent-type: application/json\r\n${more}\r\n`;
  it('a body that never ends is refused (408) and its connection closed, not held', async () => {
    const r = await studio.raw(head('content-length: 100\r\n') + '{"state":');
    expect(parseRaw(r)).toEqual({ status: 408, body: { error: 'the body did not arrive within 1.5 s' } });
    expect(r).toMatch(/\r\nconnection: close\r\n/i);
  });

  it.each([
    ['another content type', 415, 'content-type: text/plain\r\ncontent-length: 100000000\r\n', 'send the body as application/json'],
    ['a wrong token', 403, 'content-type: application/json\r\ncontent-length: 100000000\r\n', 'missing or wrong token: open the address the studio printed'],
  ])('a body refused unread (%s: %i) ends its connection: nothing drains it for a next request', async (_, status, headers, error) => {
    const text = `POST /api/answer HTTP/1.1\r\nHost: 127.0.0.1:$PORT\r\nx-arrcast-token: ${status === 403 ? 'f'.repeat(48) : '$TOKEN'}\r\n${headers}\r\n{"state":`;
    const r = await studio.raw(text);
    expect(parseRaw(r)).toEqual({ status, body: { error } });
    expect(r).toMatch(/\r\nconnection: close\r\n/i);
  });

  it('a chunked body over the limit is refused (413) and its connection closed', async () => {
    const chunk = `8000\r\n${' '.repeat(0x8000)}\r\n`;
    const r = await studio.raw(head('transfer-encoding: chunked\r\n') + chunk.repeat(3) + '0\r\n\r\n');
    expect(parseRaw(r)).toEqual({ status: 413, body: { error: `the body is larger than ${MAX_BODY_BYTES} bytes` } });
    expect(r).toMatch(/\r\nconnection: close\r\n/i);
  });
});
