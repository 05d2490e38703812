// The studio's numbers against `arrcast run` of the saved state, over every control: for each scenario
// named (in scenarios/, copied to a temporary folder), each driver at both ends of its slider, its
// spread at x0.25 and at the widest its plan takes, the market at P10/P50/P90, targets at 90%, and a
// confidence of 60%; or, with COMBOS=N, N seeded random combinations of them (TGT='[...]' adds start
// targets). Compares revenue's P10/P50/P90 and mean, the budget and every P(target) of the answer,
// and bookings' and ending ARR's P10/P50/P90 and mean of the simulation the answer was made from
// (the page shows revenue only), exactly; prints each mismatch and the totals. The engine is the
// one-worker engine without the tier cache, or with CACHE=1 the studio's own (2 workers and
// STUDIO_TIER_CACHE_BYTES, as `arrcast studio` makes it).
// Usage: [CACHE=1] [COMBOS=12] npx tsx bench/studio-vs-run.mts example.yaml hybrid-company.yaml
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { createEngine, type Engine } from '../src/engine/engine.js';
import type { Simulation } from '../src/engine/simulate.js';
import { summarize } from '../src/analysis/summarize.js';
import { buildProgram } from '../src/cli/program.js';
import { describeFailure, EXIT } from '../src/cli/exit-codes.js';
import { STUDIO_TIER_CACHE_BYTES } from '../src/cli/studio-command.js';
import { openStudioScenario } from '../src/studio/studio-scenario.js';
import { StudioSession } from '../src/studio/session.js';
import { overlayText } from '../src/studio/overlay.js';

/** `arrcast ...args` in this process, as main.ts maps its outcomes to exit codes (test/helpers/in-process-cli.ts's few lines). */
async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  let code: number = EXIT.ok;
  const program = buildProgram({ out: (t) => (out += t), err: (t) => (err += t) }, (c) => (code = c));
  try {
    await program.parseAsync(['node', 'arrcast', ...args]);
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    else { const failure = describeFailure(e); err += `${failure.message}\n`; code = failure.code; }
  }
  return { code, out, err };
}

const TRIALS = 2500, SEED = 11;
const cached = process.env.CACHE === '1';
const inner = createEngine(cached ? { workers: 2, tierCacheBytes: STUDIO_TIER_CACHE_BYTES } : { workers: 1 });
/** Each simulation the session asks for, by its scenario's hash and trials: the one an answer was made from. */
const made = new Map<string, Simulation>();
const engine: Engine = Object.assign(Object.create(inner), {
  simulate: async (...args: Parameters<Engine['simulate']>) => {
    const sim = await inner.simulate(...args);
    made.set(`${sim.loaded.hash}:${sim.trials}`, sim);
    return sim;
  },
});
console.log(cached ? 'engine: 2 workers, tier cache' : 'engine: 1 worker, no tier cache');
const files = process.argv.slice(2);
let n = 0, bad = 0;
for (const f of files) {
  const dir = mkdtempSync(join(tmpdir(), 'studio-vs-run-'));
  cpSync('scenarios', dir, { recursive: true });
  const sc = await openStudioScenario(join(dir, f), process.env.TGT ? { targets: JSON.parse(process.env.TGT) } : {});
  const session = new StudioSession(sc, engine, { trials: TRIALS, seed: SEED });
  const c = sc.controls;
  const states: any[] = [];
  let r = 12345; const rnd = () => ((r = (r * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  if (process.env.COMBOS) { for (let k = 0; k < Number(process.env.COMBOS); k++) {
    const drivers: any = {};
    for (const d of c.drivers) if (rnd() < 0.35) {
      let ci = Math.floor(rnd() * d.values.length);
      let spread: number | undefined;
      if (d.spreads && rnd() < 0.5) { const w = d.widest![ci]!; spread = d.spreads[Math.floor(rnd() * (w + 1))]; }
      drivers[d.id] = { central: d.values[ci], ...(spread !== undefined && spread !== 1 ? { spread } : {}) };
    }
    states.push({ drivers, ...(c.market && rnd() < 0.5 ? { market: pick(c.market.percentiles) } : {}), ...(c.targets.length && rnd() < 0.5 ? { targets: c.targets.map((t) => Math.round(t.value * (0.8 + 0.4 * rnd()))) } : {}), confidence: pick(c.confidences) });
  } } else {
  for (const d of c.drivers) {
    const vals = [d.values[0], d.values[d.values.length - 1]];
    for (const v of vals) if (v !== d.plan) states.push({ drivers: { [d.id]: { central: v } } });
    if (d.spreads) { states.push({ drivers: { [d.id]: { spread: 0.25 } } }); states.push({ drivers: { [d.id]: { spread: d.spreads[d.widest![d.planIndex]!] } } }); }
  }
  if (c.market) for (const p of [0.1, 0.5, 0.9]) states.push({ market: p });
  if (c.targets.length) states.push({ targets: c.targets.map((t) => t.value * 0.9) });
  states.push({ confidence: 0.6 }); }
  for (const s0 of states) {
    const state = { drivers: {}, market: null, confidence: 0.8, ...s0 };
    n++;
    let a;
    try { a = await session.answer(state, 'full'); } catch (e) { console.log(f, JSON.stringify(s0), 'ANSWER ERR', (e as Error).message); continue; }
    const { overlay, loaded } = await sc.scenarioOf(state);
    const sim = made.get(`${loaded.hash}:${TRIALS}`);
    const name = `p${n}.yaml`;
    writeFileSync(join(dir, name), overlayText(sc.base, overlay, []));
    const out = join(dir, `out${n}`);
    const r = await runCli('run', join(dir, name), '--trials', String(TRIALS), '--seed', String(SEED), '--confidence', String(state.confidence), '--out', out, '--outputs', 'summary', '--quiet', '--workers', '0');
    if (r.code !== 0) { console.log(f, JSON.stringify(s0), 'RUN ERR', r.err.slice(0, 300)); bad++; continue; }
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const rev = s.metrics.revenue;
    const diffs: string[] = [];
    const cmp = (k: string, x: number, y: number) => { if (x !== y) diffs.push(`${k} studio=${x} run=${y}`); };
    cmp('p10', a.revenue.p10.value, rev.percentiles.p10); cmp('p50', a.revenue.p50.value, rev.percentiles.p50); cmp('p90', a.revenue.p90.value, rev.percentiles.p90); cmp('mean', a.revenue.mean.value, rev.mean);
    cmp('budget', a.budget.revenue.value, s.decisions.budgets.metrics.revenue.value);
    a.targets.forEach((t: any, i: number) => cmp(`P(${t.label})`, t.probability.value, s.decisions.targets[i]?.probability.value));
    if (!sim) diffs.push('no simulation seen for the answer');
    else {
      const mine = summarize(sim, { confidence: state.confidence }).metrics;
      for (const m of ['bookings', 'endingArr'] as const) {
        for (const q of ['p10', 'p50', 'p90'] as const) cmp(`${m} ${q}`, mine[m].percentiles[q], s.metrics[m].percentiles[q]);
        cmp(`${m} mean`, mine[m].mean, s.metrics[m].mean);
      }
    }
    if (a.targets.length !== (s.decisions.targets?.length ?? 0)) diffs.push(`targets count ${a.targets.length} vs ${s.decisions.targets?.length}`);
    if (diffs.length) { bad++; console.log(f, JSON.stringify(s0), 'MISMATCH', diffs.join('; ')); }
  }
  console.log(f, 'states', states.length);
  rmSync(dir, { recursive: true, force: true });
}
console.log('total', n, 'bad', bad);
await inner.close();
