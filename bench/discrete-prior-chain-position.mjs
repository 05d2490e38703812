// act25 (review finding 1; fixed by act26: discrete and empirical priors take a Gibbs move of their own): a discrete renewal prior, 0.6 at weight 1% else 0.9, 120 customers, month 1
// renewing 5 of 10 due, re-forecast at 100,000 trials for seeds 1-8: the share of trials at 0.6 by
// position within each chain of 1,000 (10 bins of 100 draws), against the exact posterior of the
// weights as written, (w L) / (w L + 1 - w), L = (0.6/0.9)^5 (0.4/0.1)^5.
// Usage: npm run build && node bench/discrete-prior-chain-position.mjs
const D = new URL('../dist/', import.meta.url).href;
const { simulate } = await import(`${D}engine/simulate.js`);
const { parseScenario } = await import(`${D}scenario/parse.js`);
const { parseMonthlyFile } = await import(`${D}actuals/read-monthly-file.js`);
const spec = '{ dist: discrete, values: [0.6, 0.9], weights: [0.01, 0.99] }';
const loaded = parseScenario(`name: p\nfiscalYearStartMonth: 1\ntiers:\n  - name: Book\n    existing: { openingArr: 120000, customers: 120, renewalRate: ${spec} }\n`, 'p.yaml');
const csv = 'month,tier,renewed_arr,churned_arr,due_arr,ending_arr\n1,Book,5000,5000,10000,115000\n';
const file = parseMonthlyFile(csv, 'a.csv', { kind: 'actuals', tiers: ['Book'], calendar: { startMonth: 1 } });
const L = (0.6 / 0.9) ** 5 * (0.4 / 0.1) ** 5;
const B = 10;
const low = Array(B).fill(0);
const all = Array(B).fill(0);
for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
  const sim = await simulate(loaded, { trials: 100000, seed, workers: 0, actuals: { file, months: 1 } });
  const d = sim.reforecast.model.drivers[0];
  const col = sim.store.column(d.driver?.ownColumn ?? d.ownColumn);
  for (let i = 0; i < col.length; i++) {
    const b = Math.floor((i % 1000) / (1000 / B));
    all[b]++;
    if (col[i] < 0.75) low[b]++;
  }
}
console.log(`exact P(0.6 | data) for the weights as written: ${((0.01 * L) / (0.01 * L + 0.99)).toFixed(4)}`);
console.log(`share at 0.6 by position in chain (bins of 100 draws), 8 seeds x 100 chains: ${low.map((x, k) => (x / all[k]).toFixed(3)).join(' ')}`);
