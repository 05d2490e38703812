import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import { ChunkFailedError, RunOptionError, WorkerStartError } from '../engine/errors.js';
import { formatPath, ScenarioError } from '../scenario/scenario-error.js';
import { checkRequest, readJsonBody, Refusal } from './http-guard.js';
import { InTurn } from './in-turn.js';
import { LatestOnly } from './latest-only.js';
import { withConfidence, type Controls } from './controls.js';
import { bodyProblem } from './body-refusal.js';
import { StateError } from './overlay.js';
import { overlayText } from './overlay.js';
import { freeSaveName, saveFileName, saveOverlay, takeBackOverlay } from './save.js';
import { shellWord } from '../report/shell-word.js';
import { isCancellation } from './cancellation.js';
import type { StudioSession } from './session.js';
import { MAX_BODY_BYTES, type StudioState } from './state.js';
import { answerBody, reportBody, saveBody } from './request-bodies.js';
import { withSystemWords } from '../scenario/system-error-words.js';

/** The page's files, by the only paths served: a request can name nothing else. */
const ASSETS: Record<string, { readonly file: string; readonly type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/studio.js': { file: 'studio.js', type: 'text/javascript; charset=utf-8' },
  '/studio.css': { file: 'studio.css', type: 'text/css; charset=utf-8' },
};

/** Where the built page is: dist/studio/assets, from this module once built or from the CLI's bundle in dist/cli/ (from the sources, the build's). */
export function defaultAssetsDir(): string {
  const here = import.meta.url;
  return fileURLToPath(here.endsWith('.ts') ? new URL('../../dist/studio/assets/', here) : new URL('../studio/assets/', here));
}

/** A page state is a few hundred bytes: ten seconds is ample on a loopback, and a body that never ends is dropped after it. */
export const BODY_TIMEOUT_MS = 10_000;

/**
 * Nothing runs but the page's own script, which may connect to this server only. No 'unsafe-eval':
 * the page has Vega parse its expressions to an AST and interpret them (vega-interpreter, through
 * vega-embed's `ast: true`), so nothing is compiled with `new Function`. Styles may be inline: Vega's
 * SVG renderer writes style attributes.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface StudioServerOptions {
  /** 0: any free port. */
  readonly port?: number;
  readonly assetsDir?: string;
  /** The token the API asks for; default 24 random bytes (node:crypto), hex. */
  readonly token?: string;
  /** Most milliseconds a request's body may take to arrive (408 after); default BODY_TIMEOUT_MS. */
  readonly bodyTimeoutMs?: number;
  /** A line about a failure the page only sees as "internal error". */
  readonly log?: (line: string) => void;
  /** A testing hook (cli/pause-hook.ts): called at each named step of a save ('saving': its temporary file written, not yet in place). */
  readonly onStep?: (step: string) => Promise<void>;
}

export interface StudioServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** The API's routes that take a POST. */
const API_POSTS = new Set(['/api/answer', '/api/report', '/api/save']);

/** Saves that may wait their turn (InTurn) besides the one running; one more is refused (503). */
export const MAX_SAVES_WAITING = 16;

/** Parse a body with a schema: 400 naming the first field it refuses, the value and what it takes (bodyProblem). */
function parseBody<T>(schema: z.ZodType<T>, body: unknown, controls: Controls): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const problem = bodyProblem(schema, body, controls)!;
  throw new Refusal(400, problem.message, problem.field);
}

/**
 * The studio's HTTP server on 127.0.0.1: the page, and an API over a StudioSession. Every request
 * must come to its own Host (and Origin, when sent); API calls carry the token. A page's newer answer
 * request for another state cancels that page's answers still running, down to their chunks (another
 * page's are left to run: LatestOnly), and a newer report the report; so
 * does a page that goes away. Saves run one at a time, in turn, none cancelled by another.
 */
export async function startStudioServer(session: StudioSession, options: StudioServerOptions = {}): Promise<StudioServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const assetsDir = options.assetsDir ?? defaultAssetsDir();
  const log = options.log ?? (() => undefined);
  let port = options.port ?? 0;
  // Answers (for each page) and reports each run one at a time: a newer one cancels the older, down to its chunks.
  const answers = new LatestOnly();
  const reports = new LatestOnly();
  // Saves run one at a time, each to its end: none is cancelled by a newer one.
  const saves = new InTurn();
  /** Aborted when the server closes (the studio stopped): a save in progress then writes nothing. */
  const closing = new AbortController();

  // The name Save as offers, free when asked (freeSaveName): the page is given the next after each save.
  const saveName = () => freeSaveName(session.scenario.dir, session.scenario.base);
  const info = async () => ({
    name: session.scenario.loaded.scenario.name,
    file: session.scenario.base,
    saveName: await saveName(),
    trials: session.fullTrials,
    firstTrials: session.firstTrials,
    seed: session.seed,
    confidence: session.confidence,
    currency: session.scenario.loaded.scenario.currency,
    controls: { ...session.scenario.controls, confidences: withConfidence(session.scenario.controls.confidences, session.confidence) },
  });

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': type,
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': CSP,
      'cross-origin-resource-policy': 'same-origin',
      ...extra,
    });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

  const route = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const asset = Object.hasOwn(ASSETS, path) ? ASSETS[path] : undefined;
    if (asset) {
      checkRequest(req, port, token, false);
      if (req.method !== 'GET') throw new Refusal(405, `${path} takes GET, not ${req.method}`);
      send(res, 200, await readFile(`${assetsDir}/${asset.file}`), asset.type);
      return;
    }
    if (!path.startsWith('/api/')) throw new Refusal(404, 'not found');
    checkRequest(req, port, token, true);
    if (path === '/api/controls') {
      if (req.method !== 'GET') throw new Refusal(405, `${path} takes GET, not ${req.method}`);
      return json(res, 200, await info());
    }
    if (!API_POSTS.has(path)) throw new Refusal(404, 'not found');
    if (req.method !== 'POST') throw new Refusal(405, `${path} takes POST, not ${req.method}`);
    const body = await readJsonBody(req, MAX_BODY_BYTES, options.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
    // A request that goes away (the page moved on) stops its run.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    if (path === '/api/answer') {
      const { state, pass, order } = parseBody(answerBody, body, session.scenario.controls);
      // The first and the full pass of one state run side by side (the page asks for both at once);
      // another state of the same page cancels them, unless it is an older change (refused at once).
      const signal = answers.start(gone.signal, JSON.stringify(state), order);
      signal.throwIfAborted();
      const { answer, dataEdited } = await session.answerOnData(state, pass, signal);
      signal.throwIfAborted();
      // dataEdited: the page says its numbers are of data files edited since the studio opened.
      return json(res, 200, { pass, ...answer, dataEdited });
    }
    if (path === '/api/report') {
      const { state, order } = parseBody(reportBody, body, session.scenario.controls);
      const html = await session.reportHtml(state, reports.start(gone.signal, undefined, order));
      return send(res, 200, html, 'text/html; charset=utf-8', { 'content-disposition': 'attachment; filename="report.html"' });
    }
    if (path === '/api/save') {
      const { state, name, shown } = parseBody(saveBody, body, session.scenario.controls);
      const file = saveFileName(name, session.scenario.base);
      // Each save waiting is a planner waiting: beyond a bound (at 10,000 trials a save of a new state
      // takes about 1.4 s, so 16 are about 20 s) the save is refused at once rather than left hanging.
      if (saves.waiting >= MAX_SAVES_WAITING)
        throw new Refusal(503, `${MAX_SAVES_WAITING} saves are already waiting their turn; save again once they are written`);
      // Saves run one after another (InTurn), in the order they came: each may run a full answer, and
      // saves are not cancelled by newer ones. A save joins its turn as soon as it is read: compiling
      // its state first (3 to 16 ms for a new state, 0.3 ms for one seen) let a later save overtake.
      const command = await saves.run(async () => {
        const { overlay } = await session.scenario.scenarioOf(state);
        // Only a what-if the studio can answer is saved: the file's comment promises `arrcast run` gives
        // its numbers, so a state the model refuses (a driver moved so far that a month's deals would not
        // finish, a rate that draws NaN) is refused here with the run's own message, and nothing is written.
        // The page has usually asked for this answer already: then it is known, and nothing runs.
        const { answer } = await session.answerOnData(state, 'full', gone.signal);
        const command = reproduceCommand(file, session, state);
        const text = overlayText(session.scenario.base, overlay, [
          `What-if saved by arrcast studio from ${session.scenario.base}.`,
          `The studio's numbers: ${command}`,
        ]);
        // The saved what-if runs on the file and its bases as on disk, and on its data files as on disk.
        // The studio holds the file and its bases as read at its start: edited since, the what-if would
        // extend the edit. It reads the data files for every answer: the save is of the data its own
        // answer read, which must be the page's (`shown`) and still on disk once the file is written.
        // Checked before the write and again after it (not one step on disk): an edit in between takes
        // the file just written back, and nothing is saved.
        const chainEdited = () =>
          new Refusal(
            409,
            `${session.scenario.base} or a file it extends was changed on disk after the studio started; the studio reads them once, at its start, so a what-if saved now would extend the edited file and give other numbers than the page's: nothing was saved. Restart arrcast studio to save a what-if of the edited files.`,
          );
        const dataMoved = () =>
          new Refusal(
            409,
            `a data file of ${session.scenario.base} changed on disk since the page's numbers were made, so a what-if saved now would give other numbers than the page shows: nothing was saved. Move a control or reload the page for the numbers of the data as it is now, then save.`,
          );
        if (shown !== undefined && shown !== answer.hash) throw dataMoved();
        if (await session.scenario.chainChangedSinceStart()) throw chainEdited();
        // Stopped (close: SIGINT, SIGTERM, SIGHUP) or the page gone while writing: nothing is put in place.
        const written = await saveOverlay(session.scenario.dir, file, text, { signal: AbortSignal.any([gone.signal, closing.signal]), ...(options.onStep ? { onStep: options.onStep } : {}) });
        const chainNow = await session.scenario.chainChangedSinceStart();
        if (chainNow || !(await session.stillOnDisk(state, answer))) {
          await takeBackOverlay(written, text);
          throw chainNow ? chainEdited() : dataMoved();
        }
        return command;
      }, gone.signal);
      return json(res, 200, { file, command, saveName: await saveName() });
    }
    throw new Refusal(404, 'not found');
  };

  // Headers that trickle in (slowloris) are dropped after ten seconds, a whole request after thirty (checked every second, not node's thirty).
  const server: Server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    route(req, res, path).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      // A body left unread (refused before or while reading it) is not drained for the next request: the connection ends.
      if (!req.complete) res.setHeader('connection', 'close');
      if (err instanceof Refusal) {
        return json(res, err.status, { error: err.message, ...(err.field ? { field: err.field } : {}) });
      }
      if (isCancellation(err))
        return json(res, 409, { error: 'cancelled by a newer change', cancelled: true });
      if (err instanceof StateError) return json(res, 400, { error: err.message, field: err.field });
      if (err instanceof ScenarioError)
        return json(res, 400, {
          error: err.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; '),
          field: formatPath(err.issues[0]?.path ?? []),
          issues: err.issues.map((i) => ({ field: formatPath(i.path), message: i.message })),
        });
      if (err instanceof RunOptionError) return json(res, 400, { error: err.message });
      // A worker that failed (out of memory, killed): the page says why, as the CLI does, not "internal error".
      if (err instanceof ChunkFailedError || err instanceof WorkerStartError) {
        log(`arrcast studio: ${err.message}`);
        return json(res, 500, { error: `the simulation failed: ${err.message}` });
      }
      // Node says some failures by their code alone ('spawn EMFILE'): in words, as the CLI's internal-error line.
      log(`arrcast studio: ${withSystemWords((err as Error)?.message ?? String(err))}`);
      return json(res, 500, { error: 'internal error; see the terminal running arrcast studio' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      // First, synchronously: a save between its temporary file and its move puts nothing in place.
      closing.abort();
      answers.cancel();
      reports.cancel();
      // Runs no one waits for go on for whoever asks next (SharedRun): none will now.
      session.cancelOrphans();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * The command that gives the saved state's numbers: the saved file by its absolute path (in the
 * scenario's folder as the studio was given it, so a linked scenario's data files resolve as the
 * studio's did), the studio's seed, trials and confidence, and each folder the studio was allowed
 * to read from (--allow-path, real paths), without which `run` refuses a data file or base that the
 * studio read there. It named the file alone, so it ran only from the scenario's folder: from
 * anywhere else `run` found no such file.
 */
function reproduceCommand(file: string, session: StudioSession, state: StudioState): string {
  const allowed = session.scenario.allowedRoots.map((root) => ` --allow-path ${shellWord(root)}`).join('');
  return `arrcast run ${shellWord(join(session.scenario.dir, file))} --trials ${session.fullTrials} --seed ${shellWord(session.seed)} --confidence ${state.confidence}${allowed}`;
}
