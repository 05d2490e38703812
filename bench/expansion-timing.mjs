// Existing-customer expansion's timing against the renewal calendar (README, "Existing customers expand
// at renewal"): 120 customers, $12M of ARR, renewal and expansion certain, each renewing customer adding
// 10% ($1.2M of ARR), on a uniform calendar, a 25/25/50% last-quarter one and all in month 12. Prints,
// per calendar, the revenue the year recognizes from the expansion and the ending ARR (exact: nothing is
// random here, 50 trials in process all alike).
//
//   node bench/expansion-timing.mjs [dist-dir]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const load = (m) => import(pathToFileURL(resolve(dist, m)).href);
const { parseScenario } = await load('scenario/parse.js');
const { simulate } = await load('engine/simulate.js');
const yaml = (calendar) => `
name: expansion timing
tiers:
  - name: T
    existing:
      customers: 120
      openingArr: 12000000
      renewalRate: 1
      priceUplift: 0
      renewalCalendar: ${calendar}
      expansion: { probability: 1, size: 0.1 }
`;
for (const [label, calendar] of [
  ['uniform', 'uniform'],
  ['25% / 25% / 50% in the last quarter', '[0, 0, 0, 0, 0, 0, 0, 0, 0, 0.25, 0.25, 0.5]'],
  ['all in month 12', '[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]'],
]) {
  const sim = await simulate(parseScenario(yaml(calendar), 'expansion-timing.yaml'), { trials: 50, seed: 1, workers: 0 });
  const first = (key) => sim.store.column(key)[0];
  console.log(`${label}: expansion revenue ${Math.round(first('component.revenue.existingExpansion'))}, ending ARR ${Math.round(first('endingArr'))}`);
}
