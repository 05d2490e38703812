import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A request refused before it reaches a route: its HTTP status and a message in words. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/**
 * The hosts a local studio answers to on `port`: a page elsewhere that resolves its own name to
 * 127.0.0.1 (DNS rebinding) sends its own name. On port 80 a browser writes Host and Origin without
 * the port (http's default), so the bare names are its own there too: `--port 80` refused its own page.
 */
export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`, ...(port === 80 ? ['127.0.0.1', 'localhost'] : [])];

/**
 * Refuse (403) a request whose Host is not the studio's own, whose Origin (when sent) is not the
 * studio's own page, or, for the API, whose token is missing or wrong.
 */
export function checkRequest(req: IncomingMessage, port: number, token: string, needsToken: boolean): void {
  refuseRepeated(req);
  const hosts = allowedHosts(port);
  const host = req.headers.host;
  if (host === undefined || !hosts.includes(host.toLowerCase())) throw new Refusal(403, 'this studio answers only to its own address (Host)');
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) throw new Refusal(403, 'requests from other pages are refused (Origin)');
  if (!needsToken) return;
  const given = req.headers['x-arrcast-token'];
  if (typeof given !== 'string' || !sameToken(given, token)) throw new Refusal(403, 'missing or wrong token: open the address the studio printed');
}

/** Headers the guard reads: each must come once, since node keeps the first Host and joins repeated Origins, where a proxy might read another. */
const SINGLE = ['host', 'origin', 'x-arrcast-token'] as const;

/** Refuse (400) a request that sends Host, Origin or the token more than once: which one counts would be a guess. */
function refuseRepeated(req: IncomingMessage): void {
  for (const name of SINGLE) {
    let seen = 0;
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === name) seen++;
    if (seen > 1) throw new Refusal(400, `the ${name} header is sent ${seen} times; send it once`, name);
  }
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Read a JSON body of at most `limit` bytes within `timeoutMs`. Refused: 415 for another type, 413
 * beyond the limit, 408 when it has not all come in time (a body that never ends holds nothing for
 * long), 400 when the client goes away before its end, and 400 for bad JSON, nesting deeper than
 * MAX_BODY_DEPTH, or a `__proto__` key anywhere (JSON.parse makes it an own key, which a record's
 * parse then drops without a word, or an object spread turns into a prototype).
 */
export async function readJsonBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new Refusal(415, 'send the body as application/json');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new Refusal(413, `the body is larger than ${limit} bytes`);
  const text = await new Promise<string>((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const done = (err?: Error) => {
      clearTimeout(timer);
      req.off('data', data).off('end', end).off('error', cut);
      if (err) reject(err);
      else resolve(Buffer.concat(parts).toString('utf8'));
    };
    const data = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(new Refusal(413, `the body is larger than ${limit} bytes`));
      else parts.push(chunk);
    };
    const end = () => done();
    // A client that goes away mid-body (node's "aborted") is not a failure of the studio's: a refusal, not a line on the terminal.
    const cut = () => done(new Refusal(400, 'the request was cut off before its body ended'));
    const timer = setTimeout(() => done(new Refusal(408, `the body did not arrive within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on('data', data).on('end', end).on('error', cut);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Refusal(400, 'the body is not valid JSON');
  }
  checkShape(value);
  return value;
}

/** Deepest nesting a request has any use for: a page state is three levels inside the body. */
export const MAX_BODY_DEPTH = 16;

/** Refuse (400) a parsed body nested deeper than MAX_BODY_DEPTH or with a `__proto__` key anywhere; iterative, so no depth overflows a stack. */
function checkShape(value: unknown): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [at, depth] = stack.pop()!;
    if (at === null || typeof at !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) throw new Refusal(400, `the body is nested deeper than ${MAX_BODY_DEPTH} levels`);
    if (!Array.isArray(at) && Object.hasOwn(at, '__proto__')) throw new Refusal(400, 'a key "__proto__" is never part of a request', '__proto__');
    for (const v of Object.values(at)) stack.push([v, depth + 1]);
  }
}
