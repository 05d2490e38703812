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

/** The hosts a local studio answers to on `port`: a page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own name. */
export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

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

/** Read a JSON body of at most `limit` bytes: 413 beyond it, 415 for another type, 400 for bad JSON. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new Refusal(415, 'send the body as application/json');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new Refusal(413, `the body is larger than ${limit} bytes`);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Refusal(413, `the body is larger than ${limit} bytes`);
    parts.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch {
    throw new Refusal(400, 'the body is not valid JSON');
  }
}
