import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer, type StudioServerOptions } from '../../src/studio/server.js';
import { ROOT } from '../helpers/fixtures.js';

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  json(): Record<string, unknown> & { error?: string; field?: string };
}

/** A studio on scenarios/example.yaml copied to a temporary folder, with stand-in page files; `close` ends it and its engine. */
export interface TestStudio {
  readonly server: StudioServer;
  readonly dir: string;
  readonly engine: Engine;
  /** A request by node:http, so Host and Origin can be anything; Host is the studio's unless given. */
  send(method: string, path: string, headers?: Record<string, string>, body?: string): Promise<Reply>;
  /** A POST of `value` as JSON with the token. */
  post(path: string, value: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Bytes written as they are on a socket (`$PORT` and `$TOKEN` filled in): what the studio answers, status line first: one whole answer, or all it sent before closing. */
  raw(text: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestStudio(options: Omit<StudioServerOptions, 'assetsDir'> = {}): Promise<TestStudio> {
  const engine = createEngine({ workers: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
  const scenario = await openStudioScenario(join(dir, 'example.yaml'));
  const session = new StudioSession(scenario, engine, { trials: 3_000, seed: 5 });
  const assets = mkdtempSync(join(tmpdir(), 'arrcast-studio-assets-'));
  for (const f of ['index.html', 'studio.js', 'studio.css']) writeFileSync(join(assets, f), f);
  const server = await startStudioServer(session, { port: 0, assetsDir: assets, ...options });

  const { send, post } = requester(server);
  const raw = (text: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let got = '';
      socket.setEncoding('utf8');
      socket.on('data', (c: string) => {
        got += c;
        // One answer is all a probe wants: its head, then the body its content-length gives.
        const head = got.indexOf('\r\n\r\n');
        const length = /content-length: (\d+)/i.exec(got.slice(0, head));
        if (head >= 0 && length && Buffer.byteLength(got.slice(head + 4)) >= Number(length[1])) {
          socket.destroy();
          resolve(got);
        }
      });
      socket.on('close', () => resolve(got));
      socket.on('error', reject);
      socket.write(text.replaceAll('$PORT', String(server.port)).replaceAll('$TOKEN', server.token));
    });
  return {
    server,
    dir,
    engine,
    send,
    post,
    raw,
    close: async () => {
      await server.close();
      await engine.close();
    },
  };
}

/** The status and the JSON body of a raw answer. */
export function parseRaw(text: string): { status: number; body: Record<string, unknown> } {
  const status = Number(text.slice(9, 12));
  const body = text.slice(text.indexOf('\r\n\r\n') + 4);
  return { status, body: body.startsWith('{') ? JSON.parse(body) : {} };
}

/** Requests to a studio by node:http: `send` with any headers (Host is the studio's unless given), `post` JSON with the token. */
export function requester(server: StudioServer): Pick<TestStudio, 'send' | 'post'> {
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }), ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text, json: () => JSON.parse(text) }));
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  const post = (path: string, value: unknown, headers: Record<string, string> = {}) =>
    send('POST', path, { 'x-arrcast-token': server.token, 'content-type': 'application/json', ...headers }, typeof value === 'string' ? value : JSON.stringify(value));
  return { send, post };
}
