#!/usr/bin/env node
// CPU of the reps' capacity bound (model/capacity-slack.ts capacityBindChance) on the reviewer's case:
// Poisson(2,000) leads a month at a beta conversion (mean 4%, sd 0.5%) against 10 reps of 20 to 30 deals.
//   npm run build --silent && node bench/capacity-bound-cpu.mjs [DIST] [two-betas]     (DIST: a build's dist/, ../dist by default)
// With `two-betas`: two lead sources of Poisson(1,000) leads, each at its own beta conversion (mean 4%,
// sd 0.5%), against 10 reps of 18 deals (test/model/capacity-slack.test.ts: the nested bound over both).
// Prints the bound and the CPU (user + sys) per call over 200 calls after 20 warm-up calls. To pair
// two builds, build the other one in a copy (git archive REV | tar -x -C DIR; link node_modules) and
// run this with its dist, in turn with this one's.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = process.argv[2] ? pathToFileURL(resolve(process.argv[2])).href : new URL('../dist', import.meta.url).href;
const { simulate } = await import(`${dist}/engine/simulate.js`);
const { capacityBindChance } = await import(`${dist}/model/capacity-slack.js`);
const yaml = `
name: reps at a beta conversion
tiers:
  - name: R
    newBusiness:
      acv: 12000
      leadsPerMonth: { dist: poisson, mean: 2000 }
      conversion: { dist: beta, mean: 0.04, sd: 0.005 }
      reps:
        start: 10
        capacity: { dist: pert, min: 20, mode: 25, max: 30 }
`;
const twoBetas = `
name: two betas
tiers:
  - name: R
    newBusiness:
      acv: 12000
      leadSources:
        - grade: A
          leadsPerMonth: { dist: poisson, mean: 1000 }
          conversion: { dist: beta, mean: 0.04, sd: 0.005 }
        - grade: B
          leadsPerMonth: { dist: poisson, mean: 1000 }
          conversion: { dist: beta, mean: 0.04, sd: 0.005 }
      reps:
        start: 10
        capacity: 18
`;
const { parseScenario } = await import(`${dist}/scenario/parse.js`);
const sim = await simulate(parseScenario(process.argv[3] === 'two-betas' ? twoBetas : yaml, 'bench.yaml'), { trials: 1, seed: 1, workers: 0 });
const tier = sim.plan.tiers[0];
for (let i = 0; i < 20; i++) capacityBindChance(tier);
const before = process.cpuUsage();
let bound = 0;
for (let i = 0; i < 200; i++) bound = capacityBindChance(tier);
const used = process.cpuUsage(before);
console.log(`bound ${bound}, CPU ${((used.user + used.system) / 200 / 1000).toFixed(3)} ms a call (${dist})`);
