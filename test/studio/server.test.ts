import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import { shellWord } from '../../src/report/shell-word.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { MAX_BODY_BYTES } from '../../src/studio/state.js';
import { runCli } from '../helpers/in-process-cli.js';
import { countedEngine } from '../helpers/counted-engine.js';
import { ROOT } from '../helpers/fixtures.js';

const engine = createEngine({ workers: 1 });
/** Every simulation the session asked the engine for: its scenario's hash and trials (and the trials it resumes from). */
const simulations: Array<{ hash: string; trials: number | undefined; from?: number }> = [];
const counted = countedEngine(engine, (r) => simulations.push({ hash: r.loaded.hash, trials: r.trials, ...(r.from !== undefined ? { from: r.from } : {}) }));
let server: StudioServer;
let dir: string;
const TRIALS = 3_000;
const SEED = 5;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
  const scenario = await openStudioScenario(join(dir, 'example.yaml'), { targets: [{ metric: 'revenue', value: 120e6 }] });
  const session = new StudioSession(scenario, counted, { trials: TRIALS, seed: SEED });
  // The page's files: any folder holding them will do for the API's tests.
  const assets = mkdtempSync(join(tmpdir(), 'arrcast-studio-assets-'));
  for (const f of ['index.html', 'studio.js', 'studio.css']) writeFileSync(join(assets, f), f);
  server = await startStudioServer(session, { port: 0, assetsDir: assets });
});
afterAll(async () => {
  await server?.close();
  await engine.close();
});

interface Reply {
  readonly status: number;
  readonly body: string;
  json(): Record<string, unknown> & { error?: string; field?: string };
}

/** A raw HTTP request to the studio (node:http, so Host and Origin can be anything). */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const token = () => ({ 'x-arrcast-token': server.token });
const post = (path: string, value: unknown, headers: Record<string, string> = {}) =>
  send('POST', path, { ...token(), 'content-type': 'application/json', ...headers }, JSON.stringify(value));
const EMPTY = { drivers: {}, market: null, confidence: 0.8 };
const MOVED = { drivers: { '0/conversion': { central: 0.025 }, '2/renewalRate': { central: 0.92, spread: 1.5 } }, market: 0.3, confidence: 0.9 };

describe('arrcast studio: who may ask (DNS rebinding, other pages, the token)', () => {
  const cases: Array<[string, number, () => Promise<Reply>]> = [
    ['the API without the token', 403, () => send('GET', '/api/controls')],
    ['the API with a wrong token', 403, () => send('GET', '/api/controls', { 'x-arrcast-token': 'f'.repeat(48) })],
    ['the API with the token in the query, not the header', 403, () => send('GET', `/api/controls?token=${server.token}`)],
    ['a foreign Host (DNS rebinding), with the token', 403, () => send('GET', '/api/controls', { ...token(), host: `evil.example:${server.port}` })],
    ['a foreign Host for the page itself', 403, () => send('GET', '/', { host: `evil.example:${server.port}` })],
    ['the right name on another port', 403, () => send('GET', '/api/controls', { ...token(), host: `127.0.0.1:${server.port + 1}` })],
    ['a foreign Origin, with the token', 403, () => send('GET', '/api/controls', { ...token(), origin: 'http://evil.example' })],
    ['a foreign Origin posting an answer', 403, () => post('/api/answer', { state: EMPTY, pass: 'first' }, { origin: `http://evil.example:${server.port}` })],
    ['the origin "null" (a sandboxed frame or a file)', 403, () => send('GET', '/api/controls', { ...token(), origin: 'null' })],
    ['its own Host and Origin with the token', 200, () => send('GET', '/api/controls', { ...token(), origin: `http://127.0.0.1:${server.port}` })],
    ['localhost, with the token', 200, () => send('GET', '/api/controls', { ...token(), host: `localhost:${server.port}` })],
    ['the page, with no token (it holds none)', 200, () => send('GET', '/')],
    ['a path outside the page', 404, () => send('GET', '/../package.json')],
    ['a file of the page by another name', 404, () => send('GET', '/studio.js.map')],
  ];
  it.each(cases)('%s: %i', async (_, status, ask) => {
    expect((await ask()).status).toBe(status);
  });
});

describe('arrcast studio: the command', () => {
  it('refuses a port in use, in words (exit 2), and a port out of range', async () => {
    const busy = await runCli('studio', join(dir, 'example.yaml'), '--port', String(server.port), '--workers', '1');
    expect(busy.code).toBe(2);
    expect(busy.err).toContain(`port ${server.port} on 127.0.0.1 is in use; choose another, or --port 0 for a free one`);
    const range = await runCli('studio', join(dir, 'example.yaml'), '--port', '70000');
    expect(range.code).toBe(2);
    expect(range.err).toContain('port must be from 0 to 65535, got "70000"');
  });
});

describe('arrcast studio: what a request may say', () => {
  it('refuses a body over the limit (413), another content type (415), and JSON it cannot read (400)', async () => {
    const big = JSON.stringify({ state: { ...EMPTY, drivers: { x: { central: 1 } } }, pass: 'first', pad: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await send('POST', '/api/answer', { ...token(), 'content-type': 'application/json' }, big)).status).toBe(413);
    expect((await send('POST', '/api/answer', { ...token(), 'content-type': 'text/plain' }, '{}')).status).toBe(415);
    expect((await send('POST', '/api/answer', { ...token(), 'content-type': 'application/json' }, '{"state":')).status).toBe(400);
  });

  it('refuses a body that names a file or a path, anywhere: only controls of the page are read', async () => {
    for (const body of [
      { state: EMPTY, pass: 'first', file: '/etc/passwd' },
      { state: { ...EMPTY, extends: '../../etc/passwd' }, pass: 'first' },
      { state: { ...EMPTY, drivers: { '0/conversion': { central: 0.02, customersFile: '/etc/passwd' } } }, pass: 'first' },
    ]) {
      const r = await post('/api/answer', body);
      expect(r.status).toBe(400);
      expect(r.json().error).toMatch(/^[^:]+: "(file|extends|customersFile)" is not a field of (the body|state|state\.drivers\["0\/conversion"\]); its fields are /);
    }
    const saved = await post('/api/save', { state: EMPTY, name: 'x', path: '/tmp/x.yaml' });
    expect(saved.status).toBe(400);
  });

  it.each([
    ['a rate above 1', { '0/conversion': { central: 1.5 } }, 'tiers[0].newBusiness.conversion.mean'],
    ['a beta spread too wide for its mean', { '0/conversion': { central: 0.001, spread: 10 } }, 'tiers[0].newBusiness.conversion.sd'],
    // The overlay lists only the tiers moved: Enterprise's is its first, but the field is the scenario's tiers[2].
    ['a rate above 1 in the third tier', { '2/conversion': { central: 1.5 } }, 'tiers[2].newBusiness.conversion.mean'],
    ['a negative rate in the second tier, the third moved too', { '2/conversion': { central: 0.05 }, '1/renewalRate': { central: -0.5 } }, 'tiers[1].existing.renewalRate.quantiles'],
    ['a driver the page does not have', { 'nope': { central: 1 } }, 'state.drivers.nope'],
    ['a spread on a driver with none', { '0/leadsPerMonth': { central: 2000, spread: 2 } }, 'state.drivers["0/leadsPerMonth"].spread'],
  ])('an invalid value is a 400 naming the field: %s', async (_, drivers, field) => {
    const r = await post('/api/answer', { state: { ...EMPTY, drivers }, pass: 'first' });
    expect(r.status).toBe(400);
    expect(r.json().field).toBe(field);
  });

  it('names the field of other bad values: a market year outside (0, 1), a negative target, a confidence of 1', async () => {
    for (const [state, field] of [
      [{ ...EMPTY, market: 1.2 }, 'state.market'],
      [{ ...EMPTY, targets: [-5] }, 'state.targets[0]'],
      [{ ...EMPTY, confidence: 1 }, 'state.confidence'],
    ] as const) {
      const r = await post('/api/answer', { state, pass: 'first' });
      expect(r.status).toBe(400);
      expect(r.json().field).toBe(field);
    }
  });

  it("names every field of the state in one style, the body's, whichever check refuses it (the schema's or the page's controls')", async () => {
    // Before December 2026 the controls' refusals said `drivers.0/leadsPerMonth.spread` and `targets`,
    // the schema's `state.drivers["0/conversion"].central` and `state.targets[0]`: a script matched two styles.
    for (const [state, field] of [
      [{ ...EMPTY, drivers: { '0/conversion': { central: '2%' } } }, 'state.drivers["0/conversion"].central'],
      [{ ...EMPTY, drivers: { '0/leadsPerMonth': { central: 2000, spread: 2 } } }, 'state.drivers["0/leadsPerMonth"].spread'],
      [{ ...EMPTY, drivers: { nope: { central: 1 } } }, 'state.drivers.nope'],
      [{ ...EMPTY, targets: [-5] }, 'state.targets[0]'],
      [{ ...EMPTY, targets: [1, 2] }, 'state.targets'],
    ] as const) {
      const r = await post('/api/answer', { state, pass: 'first' });
      expect(r.status).toBe(400);
      expect(r.json().field).toBe(field);
      expect(r.json().error!.startsWith(field)).toBe(true);
    }
  });

  it('saves only a what-if it can answer: one the model refuses gets the run\'s own message, and no file', async () => {
    // Schema-valid (any positive mean), but 1e9 leads a month at SMB's 3% conversion are 3e7 deals a month,
    // each drawn: the model refuses it when it runs (model-limit-error.ts), not when the file is read.
    const state = { ...EMPTY, drivers: { '0/leadsPerMonth': { central: 1e9 } } };
    const answer = await post('/api/answer', { state, pass: 'full' });
    expect(answer.status).toBe(400);
    expect(answer.json().error).toMatch(/in one month/);
    const saved = await post('/api/save', { state, name: 'too many leads' });
    expect([saved.status, saved.json().error]).toEqual([400, answer.json().error]);
    expect(existsSync(join(dir, 'too many leads.yaml'))).toBe(false);
    // The same name takes a state it can answer.
    expect((await post('/api/save', { state: { ...EMPTY, drivers: { '0/leadsPerMonth': { central: 2100 } } }, name: 'too many leads' })).status).toBe(200);
    expect(existsSync(join(dir, 'too many leads.yaml'))).toBe(true);
  });

  it('a save while the page\'s full answer of that state still runs waits for it: one run, not two', async () => {
    const state = { ...EMPTY, drivers: { '0/conversion': { central: 0.0291 } } };
    const before = simulations.length;
    const answer = post('/api/answer', { state, pass: 'full' });
    // The answer's run has started (the engine was asked) before the save comes.
    while (simulations.length === before) await new Promise((r) => setTimeout(r, 2));
    const hash = simulations[before]!.hash;
    const saved = await post('/api/save', { state, name: 'while it runs' });
    expect(saved.status).toBe(200);
    expect((await answer).status).toBe(200);
    // A full pass resumes from its state's first pass (asking for it when the page has not): its trials once.
    expect(simulations.slice(before).filter((s) => s.hash === hash)).toEqual([
      { hash, trials: 2_000 },
      { hash, trials: TRIALS, from: 2_000 },
    ]);
  });

  it('saves only under a plain name, in the scenario folder, never over a file', async () => {
    for (const name of ['../escape', 'sub/dir', '/tmp/abs', '..', '.hidden', 'a\u0000b', 'example']) {
      const r = await post('/api/save', { state: EMPTY, name });
      expect(r.status, name).toBeGreaterThanOrEqual(400);
      expect(r.json().field, name).toBe('name');
    }
    const first = await post('/api/save', { state: MOVED, name: 'once' });
    expect(first.status).toBe(200);
    const text = readFileSync(join(dir, 'once.yaml'), 'utf8');
    const again = await post('/api/save', { state: EMPTY, name: 'once.yaml' });
    expect(again.status).toBe(409);
    expect(readFileSync(join(dir, 'once.yaml'), 'utf8')).toBe(text);
  });
});

describe('arrcast studio: the numbers', () => {
  const figures = (a: Record<string, unknown>) => {
    const x = a as { revenue: Record<string, { value: number }>; budget: { revenue: { value: number } }; targets: Array<{ probability: { value: number } }> };
    return { p10: x.revenue.p10!.value, p50: x.revenue.p50!.value, p90: x.revenue.p90!.value, budget: x.budget.revenue.value, targets: x.targets.map((t) => t.probability.value) };
  };
  const runFigures = async (file: string, trials: number, confidence: number) => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const r = await runCli('run', file, '--trials', String(trials), '--seed', String(SEED), '--confidence', String(confidence), '--out', out, '--outputs', 'summary', '--quiet', '--workers', '0');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    return {
      p10: s.metrics.revenue.percentiles.p10,
      p50: s.metrics.revenue.percentiles.p50,
      p90: s.metrics.revenue.percentiles.p90,
      budget: s.decisions.budgets.metrics.revenue.value,
      targets: s.decisions.targets.map((t: { probability: { value: number } }) => t.probability.value),
    };
  };

  it('a saved state gives, under arrcast run with the same seed and trials, the full answer exactly; the first answer is the first 2,000 trials', async () => {
    const first = (await post('/api/answer', { state: MOVED, pass: 'first' })).json();
    const full = (await post('/api/answer', { state: MOVED, pass: 'full' })).json();
    expect(full.trials).toBe(TRIALS);
    const saved = (await post('/api/save', { state: MOVED, name: 'what if' })).json();
    expect(saved.command).toBe(`arrcast run ${shellWord(join(dir, 'what if.yaml'))} --trials ${TRIALS} --seed ${SEED} --confidence 0.9`);
    expect(figures(full)).toEqual(await runFigures(join(dir, 'what if.yaml'), TRIALS, 0.9));
    expect(figures(first)).toEqual(await runFigures(join(dir, 'what if.yaml'), 2_000, 0.9));
    const p = full.againstPlan as { p50: { value: number } };
    expect(p.p50.value).toBe(figures(full).p50 - (await runFigures(join(dir, 'example.yaml'), TRIALS, 0.9)).p50);
  });

  it('"download report" is the report.html arrcast run writes of the saved state, but for the file it names and the files beside it (none)', async () => {
    const r = await post('/api/report', { state: MOVED });
    expect(r.status).toBe(200);
    await post('/api/save', { state: MOVED, name: 'for-report' });
    const out = join(dir, 'report-run');
    const run = await runCli('run', join(dir, 'for-report.yaml'), '--trials', String(TRIALS), '--seed', String(SEED), '--confidence', '0.9', '--out', out, '--outputs', 'html', '--quiet', '--workers', '0');
    expect(run.code, run.err).toBe(0);
    const written = readFileSync(join(out, 'report.html'), 'utf8');
    // The download is a page on its own: it named summary.json and scenario.json as beside it.
    const beside = ' Files beside this page: <code>summary.json</code>, <code>scenario.json</code>.';
    expect(written).toContain(beside);
    expect(r.body).not.toContain('Files beside this page');
    expect(r.body.replaceAll("example.yaml with the studio&#39;s changes", join(dir, 'for-report.yaml'))).toBe(written.replace(beside, ''));
  });

  it('moving a control and back gives the original numbers exactly', async () => {
    const before = (await post('/api/answer', { state: EMPTY, pass: 'full' })).json();
    const moved = (await post('/api/answer', { state: { ...EMPTY, drivers: { '0/conversion': { central: 0.0285 } } }, pass: 'full' })).json();
    const back = (await post('/api/answer', { state: { ...EMPTY, drivers: { '0/conversion': { central: 0.03 } } }, pass: 'full' })).json();
    expect(figures(moved).p50).not.toBe(figures(before).p50);
    expect(back).toEqual(before);
    expect((back.againstPlan as { text: string }).text).toBe('P50 ±0 against the plan; P(revenue >= $120M) ±0 pts');
  });
});
