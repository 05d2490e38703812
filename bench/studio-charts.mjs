#!/usr/bin/env node
// What interpreting Vega's expressions (the studio page's CSP-safe path, no 'unsafe-eval') costs against
// compiling them, on the studio's own three charts: parse, build the view and render to SVG, in Node, the
// two ways alternately. Usage, after `npm run build`: node bench/studio-charts.mjs [SCENARIO] [--repeats N]
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { loadavg } from 'node:os';
import { createEngine } from '../dist/engine/engine.js';
import { openStudioScenario } from '../dist/studio/studio-scenario.js';
import { StudioSession } from '../dist/studio/session.js';
import { EMPTY_STATE } from '../dist/studio/state.js';

const args = process.argv.slice(2);
const scenario = args[0] && !args[0].startsWith('--') ? args[0] : 'scenarios/example.yaml';
const i = args.indexOf('--repeats');
const repeats = i >= 0 ? Number(args[i + 1]) : 30;

const engine = createEngine({ workers: 1 });
const studio = await openStudioScenario(scenario, { targets: [{ metric: 'revenue', value: 120e6 }] });
const answer = await new StudioSession(studio, engine, { trials: 2_000, seed: 5 }).answer(EMPTY_STATE, 'full', new AbortController().signal);
await engine.close();
const specs = [answer.charts.distribution, answer.charts.fan, answer.charts.tornado].filter(Boolean);

const draw = async (ast) => {
  for (const spec of specs) {
    const view = new vega.View(vega.parse(compile(spec).spec, undefined, { ast }), { renderer: 'none', ...(ast ? { expr: expressionInterpreter } : {}) });
    await view.toSVG();
    view.finalize();
  }
};
for (let k = 0; k < 5; k++) for (const ast of [false, true]) await draw(ast);
const times = { compiled: [], interpreted: [] };
for (let k = 0; k < repeats; k++)
  for (const ast of [false, true]) {
    const t = performance.now();
    await draw(ast);
    times[ast ? 'interpreted' : 'compiled'].push(performance.now() - t);
  }
const median = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
console.log(`${scenario}: the studio's ${specs.length} charts, parsed, built and rendered to SVG, median of ${repeats} each, alternating; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [name, t] of Object.entries(times)) console.log(`  ${name}: median ${median(t).toFixed(1)} ms (${Math.min(...t).toFixed(1)} to ${Math.max(...t).toFixed(1)})`);
