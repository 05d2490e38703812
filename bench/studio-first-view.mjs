// The studio's first view (the file's own state, both passes asked at once, 10,000 trials) on a warm
// 2-worker engine with the studio's 256 MB tier cache, with and without a --target given at the start:
// prints its CPU (the whole process) and wall. With a target, the untouched state is not the file
// (its targets differ), so the same model is simulated twice (found in the nineteenth session, not fixed).
// Usage, after `npm run build`: node bench/studio-first-view.mjs [target]
import { createEngine } from '../dist/engine/engine.js';
import { openStudioScenario } from '../dist/studio/studio-scenario.js';
import { StudioSession } from '../dist/studio/session.js';
const withTarget = process.argv[2] === 'target';
const engine = createEngine({ workers: 2, tierCacheBytes: 256 * 2 ** 20 });
const sc = await openStudioScenario('scenarios/example.yaml', withTarget ? { targets: [{ metric: 'revenue', value: 120e6 }] } : {});
const session = new StudioSession(sc, engine, { trials: 10000 });
await engine.simulate(sc.loaded, { trials: 200, seed: 'warm' }); // warm the pool
const c0 = process.cpuUsage(); const t0 = performance.now();
await Promise.all([session.answer({ drivers: {}, market: null, confidence: 0.8 }, 'first'), session.answer({ drivers: {}, market: null, confidence: 0.8 }, 'full')]);
const c = process.cpuUsage(c0);
console.log(withTarget ? 'with --target' : 'no target', 'first view: CPU', ((c.user + c.system) / 1000).toFixed(0), 'ms, wall', (performance.now() - t0).toFixed(0), 'ms');
await engine.close();
