#!/usr/bin/env node
// What a studio started with --target simulates: the engine's runs (counted) and the process's CPU
// (main thread and workers) for the first view (both passes of the untouched state), then a moved
// driver, then a new target value and a new confidence at that state. Run it on two builds to compare:
//   node bench/studio-target-runs.mjs [DIST] [--trials N]    (DIST default ./dist, after `npm run build`)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const dist = resolve(args[0] && !args[0].startsWith('--') ? args[0] : 'dist');
const i = args.indexOf('--trials');
const trials = i >= 0 ? Number(args[i + 1]) : 10_000;
const from = (m) => import(pathToFileURL(`${dist}/${m}`).href);
const [{ createEngine }, { openStudioScenario }, { StudioSession }] = await Promise.all([from('engine/engine.js'), from('studio/studio-scenario.js'), from('studio/session.js')]);

const engine = createEngine({ tierCacheBytes: 256 * 2 ** 20 });
const runs = [];
const counted = new Proxy(engine, {
  get: (t, p, r) => (p === 'simulate' ? (loaded, options, ...rest) => (runs.push(options.trials), t.simulate(loaded, options, ...rest)) : Reflect.get(t, p, r)),
});
const scenario = await openStudioScenario('scenarios/example.yaml', { targets: [{ metric: 'revenue', value: 120e6 }] });
const session = new StudioSession(scenario, counted, { trials });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const step = async (what, states) => {
  runs.length = 0;
  const c = cpu();
  await Promise.all(states.flatMap((s) => [session.answer(s, 'first'), session.answer(s, 'full')]));
  console.log(`${what}: runs ${JSON.stringify(runs)}, ${Math.round(cpu() - c)} ms CPU`);
};
const start = { drivers: {}, market: null, confidence: 0.8 };
const moved = { ...start, drivers: { '0/conversion': { central: 0.028 } } };
await step('first view', [start]);
await step('SMB conversion moved', [moved]);
await step('a new target there', [{ ...moved, targets: [118e6] }]);
await step('a new confidence there', [{ ...moved, targets: [118e6], confidence: 0.7 }]);
await engine.close();
