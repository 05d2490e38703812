// act26: likelihood evaluations of the re-forecast chain per chunk of 1,000 trials, for the discrete renewal prior of
// bench/discrete-prior-chain-position.mjs (mean of chunks 0-9, seed 1): the cost of the atoms' Gibbs move.
// Usage: npm run build && node bench/discrete-prior-evaluations.mjs [DIST_DIR] (default this checkout's dist/)
const D = process.argv[2] ?? new URL("../dist", import.meta.url).pathname;
const { compileReforecast } = await import(`${D}/actuals/reforecast.js`);
const { posteriorDraws } = await import(`${D}/actuals/posterior-draws.js`);
const { parseScenario } = await import(`${D}/scenario/parse.js`);
const { parseMonthlyFile } = await import(`${D}/actuals/read-monthly-file.js`);
const loaded = parseScenario(`name: p\nfiscalYearStartMonth: 1\ntiers:\n  - name: Book\n    existing: { openingArr: 120000, customers: 120, renewalRate: { dist: discrete, values: [0.6, 0.9], weights: [0.01, 0.99] } }\n`, 'p.yaml');
const file = parseMonthlyFile('month,tier,renewed_arr,churned_arr,due_arr,ending_arr\n1,Book,5000,5000,10000,115000\n', 'a.csv', { kind: 'actuals', tiers: ['Book'], calendar: { startMonth: 1 } });
const r = compileReforecast(loaded.scenario ?? loaded, loaded.files, { file, months: 1 }, '1');
let e = 0; for (let c = 0; c < 10; c++) e += posteriorDraws(r.model, '1', c, 1000).evaluations;
console.log('likelihood evaluations per chunk of 1,000 trials (mean of 10 chunks):', e / 10);
