// Counts (does not time) the engine runs the studio's session asks for in the review's probe: a state's
// full pass reaches the server before its first, and a target is typed meanwhile (the page drops the
// older requests and asks for the new state's two passes). Prints each run: its trials, and the trials
// it resumes from, first of the file as written (the plan), then of the state. Usage: node bench/studio-runs-counted.mjs [dist folder, default ./dist] [trials, default 20000]
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const TRIALS = Number(process.argv[3] ?? 20_000);
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { createEngine } = await load('engine/engine.js');
const { openStudioScenario } = await load('studio/studio-scenario.js');
const { StudioSession } = await load('studio/session.js');

const engine = createEngine({ workers: 1 });
const runs = [];
const counted = new Proxy(engine, {
  get(target, property, receiver) {
    if (property === 'simulate')
      return (loaded, options, ...rest) => {
        runs.push(options.resumeFrom ? `${options.trials} from ${options.resumeFrom.trials}` : String(options.trials));
        return target.simulate(loaded, options, ...rest);
      };
    return Reflect.get(target, property, receiver);
  },
});
const scenario = await openStudioScenario(resolve('scenarios/example.yaml'));
const session = new StudioSession(scenario, counted, { trials: TRIALS, seed: 5 });
const untouched = { drivers: {}, market: null, confidence: 0.8 };
await Promise.all([session.answer(untouched, 'first'), session.answer(untouched, 'full')]);
// The file as written ("against the plan"), at both counts.
console.log('plan', JSON.stringify(runs));
runs.length = 0;
const moved = { drivers: { '0/conversion': { central: 0.027 } }, market: null, confidence: 0.8 };
const typed = { ...moved, targets: scenario.controls.targets.map((t) => t.value * 0.97) };
const older = new AbortController();
const passes = [session.answer(moved, 'full', older.signal), session.answer(moved, 'first', older.signal)];
for (const p of passes) p.catch(() => undefined);
while (runs.length === 0) await new Promise((r) => setTimeout(r, 1));
older.abort();
await Promise.all([session.answer(typed, 'first'), session.answer(typed, 'full')]);
console.log('state', JSON.stringify(runs));
await engine.close();
