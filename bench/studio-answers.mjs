#!/usr/bin/env node
// The studio's answers in process, as the server makes them for a move (both passes asked at once,
// on a warm 2-worker engine with the studio's tier-part cache): a driver moved through new states,
// then back through states seen before (answers kept: the compile of the state is most of the time).
// Prints each move's milliseconds, the medians, the CPU of the process and a digest of every answer
// (compare builds: the digests must be equal), and each new state's CPU (the whole process: a loaded
// machine's wall times are noise). Usage, after `npm run build`:
//   node bench/studio-answers.mjs [DIST] [SCENARIO] [--trials N] [--control ID]   (default dist, scenarios/example.yaml, 10,000, the first driver)
import { createHash } from 'node:crypto';
import { resolve, join } from 'node:path';
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const trials = Number(opt('--trials', 10_000));
const controlId = opt('--control', undefined);
const dist = resolve(args[0] ?? 'dist');
const file = args[1] ?? 'scenarios/example.yaml';
const { createEngine } = await import(join(dist, 'engine/engine.js'));
const { StudioSession } = await import(join(dist, 'studio/session.js'));
const { openStudioScenario } = await import(join(dist, 'studio/studio-scenario.js'));

const engine = createEngine({ workers: 2, tierCacheBytes: 256 * 2 ** 20 });
try {
  const scenario = await openStudioScenario(file);
  const session = new StudioSession(scenario, engine, { trials });
  const control = controlId ? scenario.controls.drivers.find((c) => c.id === controlId) : scenario.controls.drivers[0];
  const digest = createHash('sha256');
  // Each move's CPU, of the whole process (main thread and workers: getrusage of the process).
  const cpus = [];
  const move = async (central) => {
    const state = { drivers: central === undefined ? {} : { [control.id]: { central } }, market: null, confidence: 0.8 };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const [first, full] = await Promise.all([session.answer(state, 'first'), session.answer(state, 'full')]);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
    const { timing: _a, ...f1 } = first;
    const { timing: _b, ...f2 } = full;
    digest.update(JSON.stringify([f1, f2]));
    return ms;
  };
  await move(undefined);
  // Positions below the plan, one step at a time (new states), then back up (states seen before).
  const down = [];
  for (let i = control.planIndex - 1; i >= 0 && down.length < 8; i--) down.push(control.values[i]);
  const warm = down.shift();
  await move(warm);
  const fresh = [];
  cpus.length = 0;
  for (const v of down) fresh.push(await move(v));
  const freshCpu = [...cpus];
  const back = [];
  for (const v of [...down].reverse()) back.push(await move(v));
  back.push(await move(warm));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cpu = process.cpuUsage();
  console.log(`${file}, ${control.label}, ${trials} trials: new states ${fresh.map((x) => x.toFixed(0)).join(' ')} ms (median ${median(fresh).toFixed(1)}); seen before ${back.map((x) => x.toFixed(1)).join(' ')} ms (median ${median(back).toFixed(2)}); CPU a new state ${freshCpu.map((x) => x.toFixed(0)).join(' ')} ms (median ${median(freshCpu).toFixed(0)}, whole process); process CPU in all ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; answers ${digest.digest('hex').slice(0, 16)}`);
} finally {
  await engine.close();
}
