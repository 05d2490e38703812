import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRaw, startTestStudio, type TestStudio } from './studio-fixture.js';

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio();
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
    ['POST', '/api/nothing', 404, 'not found'],
    ['GET', '/api/__proto__', 404, 'not found'],
  ];
  it.each(cases)('%s %s: %i', async (method, path, status, error) => {
    const r = await studio.send(method, path, { 'x-arrcast-token': studio.server.token, 'content-type': 'application/json' }, method === 'GET' || method === 'TRACE' ? undefined : JSON.stringify({ state: EMPTY, pass: 'first' }));
    expect(r.status).toBe(status);
    expect(r.json().error).toBe(error);
  });
});
