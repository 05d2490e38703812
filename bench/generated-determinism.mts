/**
 * Determinism over generated scenarios (test/helpers/generated-scenario.ts), longer than the tests
 * can afford. For each scenario number FROM..TO-1 it compares, bit for bit (every stored column and
 * every chunk's sums, and summarize's JSON):
 *  - in-process runs (workers 0) against a warm engine's 1, 2 and 16 threads, at 1, 999, 1001 and 2500 trials
 *    (a run uses at most a thread a chunk: every fourth scenario also runs 16,500 trials on all 16);
 *  - shards K/N (N = 2, 3, 7) run one by one, written as part files and merged (mergeParts), against the whole run;
 *  - runs A, B, A at another seed, A in one process, in-process and on the warm engine (kept simulators,
 *    compiled plans and sum tables must carry nothing from one plan or seed to another), and on an engine
 *    with a tier cache: every run compared (B and A at another seed with their in-process runs);
 *  - simulateToPrecision in-process against the engine (same steps, same trials);
 *  - a re-forecast from a simulated year's first months, in-process against 2 threads and its shards, then
 *    from a month more on the same threads;
 *  - studio states (each driver control moved, a spread, a market year), answered as the studio does (a
 *    first pass of 1,000 trials, then the full 2,500 resumed from it, on an engine with a tier cache,
 *    one state after another) against a plain in-process run of the state's overlay saved as a file. The
 *    engine is called as studio/session.ts calls it, not through a StudioSession (whose first pass is
 *    2,000 trials: test/engine/generated-determinism.test.ts runs one); a state the schema refuses
 *    (ScenarioError) is counted, any other error stops the run.
 *
 * The scenarios come from test/helpers/generated-scenario.ts, imported from test/ on purpose: the bench
 * runs the scenarios the test runs, from one generator rather than a copy of it.
 *
 * Usage: npx tsx bench/generated-determinism.mts [FROM] [TO]   (default 0 10; about 2-4 s a scenario)
 * Prints one line a scenario, and every mismatch; exits 1 if there was any.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { generateScenario, loadGenerated } from '../test/helpers/generated-scenario.js';
import { simulate, simulateShard, type Simulation, type SimulationPart } from '../src/engine/simulate.js';
import { createEngine } from '../src/engine/engine.js';
import { summarize } from '../src/analysis/summarize.js';
import { writePartFile } from '../src/engine/part-file.js';
import { mergeParts } from '../src/engine/merge.js';
import { simulateToPrecision } from '../src/analysis/precision.js';
import { simulatedYear } from '../src/actuals/simulated-year.js';
import { parseScenario, type LoadedScenario } from '../src/scenario/parse.js';
import { loadScenario } from '../src/scenario/load.js';
import { openStudioScenario } from '../src/studio/studio-scenario.js';
import type { StudioState } from '../src/studio/state.js';
import { ScenarioError } from '../src/scenario/scenario-error.js';

const from = Number(process.argv[2] ?? 0);
const to = Number(process.argv[3] ?? 10);
const root = mkdtempSync(join(tmpdir(), 'det16-gen-'));
const problems: string[] = [];

const bytesOf = (c: Float64Array | Float32Array | Uint16Array) => {
  const a = c instanceof Uint16Array ? Float32Array.from(c) : c;
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
};
/** A digest of every stored column (in layout order) and every chunk's sums. */
function storeDigest(sim: Simulation | SimulationPart, first = 0, trials = sim.store.trials): string {
  const h = createHash('sha256');
  sim.store.columns.forEach((c) => h.update(bytesOf(c.subarray(first, first + trials))));
  return h.digest('hex').slice(0, 16);
}
function runDigest(sim: Simulation): string {
  const h = createHash('sha256').update(storeDigest(sim));
  for (let i = 0; i < sim.store.chunks; i++) h.update(bytesOf(sim.store.chunkSumsAt(i)!));
  return `${h.digest('hex').slice(0, 16)}:${createHash('sha256').update(JSON.stringify(summarize(sim))).digest('hex').slice(0, 16)}`;
}
function same(what: string, a: string, b: string): void {
  if (a !== b) problems.push(`${what}: ${a} != ${b}`);
}

const engine = createEngine({ workers: 16 });
const cached = createEngine({ workers: 2, tierCacheBytes: 64 * 2 ** 20 });
try {
  for (let n = from; n < to; n++) {
    const started = performance.now();
    const generated = generateScenario(n);
    const { loaded } = await loadGenerated(root, generated);
    const seed = String(loaded.scenario.seed);
    const tag = `scenario ${n}`;
    // Workers and trial counts.
    for (const trials of [1, 999, 1001, 2500]) {
      const base = runDigest(await simulate(loaded, { trials, workers: 0 }));
      for (const workers of [1, 2, 16]) same(`${tag} ${trials} trials, ${workers} workers`, runDigest(await engine.simulate(loaded, { trials, workers })), base);
    }
    if (n % 4 === 0) same(`${tag} 16,500 trials, 16 workers`, runDigest(await engine.simulate(loaded, { trials: 16_500, workers: 16 })), runDigest(await simulate(loaded, { trials: 16_500, workers: 0 })));
    const whole = await simulate(loaded, { trials: 2500, workers: 0 });
    const wholeDigest = runDigest(whole);
    // Shards, in memory and through part files.
    for (const count of [2, 3, 7]) {
      const files: string[] = [];
      for (let index = 0; index < count; index++) {
        const part = await simulateShard(loaded, { trials: 2500, workers: index % 2, shard: { index, count } });
        const offset = part.chunks[0]?.offset ?? 0;
        same(`${tag} shard ${index + 1}/${count} trials`, storeDigest(part), storeDigest(whole, offset, part.store.trials));
        const file = join(root, `g${n}-${index + 1}-of-${count}.arrcast-part`);
        await writePartFile(file, part);
        files.push(file);
      }
      same(`${tag} merged ${count} shards`, runDigest(await mergeParts(files, { allowedRoots: [root] })), wholeDigest);
      for (const f of files) rmSync(f, { force: true });
    }
    // A, B, A in one process: B another generated scenario and seed.
    const other = (await loadGenerated(root, generateScenario(n + 100_000))).loaded;
    // The in-process runner's runs of B and of A at another seed are the others' references.
    let bDigest = '';
    let otherSeedDigest = '';
    for (const [label, run] of [
      ['in-process', (l: LoadedScenario, s?: string) => simulate(l, { trials: 2500, workers: 0, ...(s ? { seed: s } : {}) })],
      ['engine', (l: LoadedScenario, s?: string) => engine.simulate(l, { trials: 2500, workers: 2, ...(s ? { seed: s } : {}) })],
      ['tier cache', (l: LoadedScenario, s?: string) => cached.simulate(l, { trials: 2500, ...(s ? { seed: s } : {}) })],
    ] as const) {
      const b = runDigest(await run(other));
      const a2 = runDigest(await run(loaded, 'another seed'));
      if (label === 'in-process') [bDigest, otherSeedDigest] = [b, a2];
      same(`${tag} B after A (${label})`, b, bDigest);
      same(`${tag} A at another seed after B (${label})`, a2, otherSeedDigest);
      same(`${tag} A after B (${label})`, runDigest(await run(loaded)), wholeDigest);
    }
    // The tier cache when one tier changes: every tier's book shifted by a renewal stress, then back.
    const stressed = parseScenario(JSON.stringify({ ...JSON.parse(generated.text), stress: { renewal: -0.02, leads: -0.1 } }), join(root, `generated-${n}`, 'stressed.json'));
    if (!loaded.files) {
      const plain = runDigest(await simulate(stressed, { trials: 2500, workers: 0 }));
      same(`${tag} stressed on the tier cache`, runDigest(await cached.simulate(stressed, { trials: 2500 })), plain);
      same(`${tag} plan after stressed (tier cache)`, runDigest(await cached.simulate(loaded, { trials: 2500 })), wholeDigest);
    }
    // simulateToPrecision: the same steps whatever runs them.
    const p0 = await simulateToPrecision(loaded, { precision: 0.02, startTrials: 1000, maxTrials: 8000, workers: 0 });
    const p2 = await simulateToPrecision(loaded, { precision: 0.02, startTrials: 1000, maxTrials: 8000, engine, workers: 2 });
    same(`${tag} precision steps`, JSON.stringify(p2.precision.steps), JSON.stringify(p0.precision.steps));
    same(`${tag} precision run`, runDigest(p2.sim), runDigest(p0.sim));
    // A re-forecast from the first months of a simulated year.
    const year = simulatedYear(whole.plan, seed, 0);
    const months = 1 + (n % 6);
    const actuals = { file: year.file, months };
    let r0: Simulation | undefined;
    try {
      r0 = await simulate(loaded, { trials: 2500, workers: 0, actuals });
    } catch (err) {
      console.log(`${tag}: no re-forecast (${(err as Error).message.slice(0, 120)})`);
    }
    if (r0) {
      const r0Digest = runDigest(r0);
      same(`${tag} re-forecast, 2 workers`, runDigest(await engine.simulate(loaded, { trials: 2500, workers: 2, actuals })), r0Digest);
      same(`${tag} re-forecast, 16 workers`, runDigest(await simulate(loaded, { trials: 2500, workers: 16, actuals })), r0Digest);
      for (let index = 0; index < 3; index++) {
        const part = await simulateShard(loaded, { trials: 2500, workers: index, actuals, shard: { index, count: 3 } });
        same(`${tag} re-forecast shard ${index + 1}/3`, storeDigest(part), storeDigest(r0, part.chunks[0]?.offset ?? 0, part.store.trials));
      }
      // A month more on the same warm threads: what they compiled for `months` must not answer for it.
      const more = { file: year.file, months: months + 1 };
      same(`${tag} re-forecast of ${months + 1} months after ${months}, 2 workers`, runDigest(await engine.simulate(loaded, { trials: 2500, workers: 2, actuals: more })), runDigest(await simulate(loaded, { trials: 2500, workers: 0, actuals: more })));
    }
    // Studio states against plain runs of their saved overlays.
    const studio = await openStudioScenario(join(root, `generated-${n}`, 'scenario.json'), { allowedRoots: [root] });
    const states: StudioState[] = [];
    for (const c of studio.controls.drivers) {
      const moved = c.values[Math.min(c.values.length - 1, c.planIndex + 3)]!;
      states.push({ drivers: { [c.id]: { central: moved } }, market: null, confidence: 0.8 });
      if (c.spreads) states.push({ drivers: { [c.id]: { spread: c.spreads.at(-1)! } }, market: null, confidence: 0.8 });
    }
    if (studio.controls.market) states.push({ drivers: {}, market: 0.2, confidence: 0.8 });
    let s = 0;
    let refused = 0;
    for (const state of states) {
      let stateLoaded: LoadedScenario;
      let text: string;
      try {
        ({ loaded: stateLoaded, text } = await studio.scenarioOf(state));
      } catch (err) {
        if (!(err instanceof ScenarioError)) throw err;
        refused++; // a state the schema refuses (the studio answers it with the refusal)
        continue;
      }
      const first = await cached.simulate(stateLoaded, { trials: 1000, seed });
      const full = await cached.simulate(stateLoaded, { trials: 2500, seed, resumeFrom: first });
      const file = join(root, `generated-${n}`, `state-${s++}.yaml`);
      writeFileSync(file, text);
      const plain = await simulate(await loadScenario(file, { allowedRoots: [root] }), { trials: 2500, seed, workers: 0 });
      same(`${tag} studio state ${JSON.stringify(state.drivers)} market ${state.market}`, storeDigest(full), storeDigest(plain));
    }
    console.log(`${tag}: ${states.length} studio states (${refused} refused); ${loaded.scenario.tiers.length} tiers${loaded.files ? ', files' : ''}, ${((performance.now() - started) / 1000).toFixed(1)} s, ${problems.length} mismatches so far`);
  }
} finally {
  await engine.close();
  await cached.close();
  rmSync(root, { recursive: true, force: true });
}
for (const p of problems) console.log(`MISMATCH ${p}`);
process.exitCode = problems.length > 0 ? 1 : 0;
