// Coverage of fit's 95% intervals on history simulated by arrcast's own model (simulatedYear), and two
// alternatives for conversion's interval on the same histories. Needs `npm run build`.
//   node bench/fit-recovery-own-model.mjs [CONVERSION] [LEADS_A_MONTH] [YEARS] [SEEDS]
const d = new URL('../dist', import.meta.url).pathname;
const { parseMonthlyFile } = await import(`${d}/actuals/read-monthly-file.js`);
const { simulatedYear } = await import(`${d}/actuals/simulated-year.js`);
const { fitHistory } = await import(`${d}/fit/fit-history.js`);
const { planLoaded } = await import(`${d}/engine/simulate.js`);
const { parseScenario } = await import(`${d}/scenario/parse.js`);
const conv = Number(process.argv[2] ?? 0.05), leadsMean = Number(process.argv[3] ?? 400), years = Number(process.argv[4] ?? 1), S = Number(process.argv[5] ?? 1000);
const plan = planLoaded(parseScenario(`
name: recovery
market: { loadings: { leads: 0, conversion: 0, acv: 0, renewal: 0, contraction: 0, expansion: 0 } }
tiers:
  - name: T
    existing: { openingArr: 6000000, customers: 600, renewalCalendar: uniform, renewalRate: 0.85, priceUplift: 0 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: ${leadsMean} }
      conversion: ${conv}
      salesCycleMonths: 0
      acv: 10000
`, 't.yaml'));
const M = ['leads', 'deals', 'new_arr', 'churned_arr', 'renewed_arr', 'due_arr', 'ending_arr'];
const hits = { leads: 0, conversion: 0, renewal: 0 };
let widthSum = 0;
const inside = (e, t) => e && e.lo <= t && t <= e.hi;
for (let s = 0; s < S; s++) {
  const lines = [`month,tier,${M.join(',')}`];
  for (let y = 0; y < years; y++) simulatedYear(plan, `cov/${s}`, y).file.byTier.get('T').forEach((r, i) => lines.push(`${12 * y + i + 1},T,${M.map((m) => Math.round(r.values[m])).join(',')}`));
  const t = fitHistory({ history: parseMonthlyFile(lines.join('\n') + '\n', 'h.csv', { kind: 'history', tiers: ['T'] }) }).tiers[0];
  if (inside(t.newBusiness.leads.level, leadsMean)) hits.leads++;
  const c = t.newBusiness.conversion.rate;
  widthSum += c.hi - c.lo;
  if (inside(c, conv)) hits.conversion++;
  if (inside(t.existing.renewal.rate, 0.85)) hits.renewal++;
}
const binomialHalf = 1.96 * Math.sqrt(conv * (1 - conv) / (12 * leadsMean));
console.log(JSON.stringify({ conv, leadsMean, years, S, ...Object.fromEntries(Object.entries(hits).map(([k, v]) => [k, v / S])), meanConvWidth: widthSum / S, binomialWidth: 2 * binomialHalf }));
// Alternatives on the same kind of histories: quasi-binomial (unfloored multiplier, t) and z when rho is truncated.
const { tQuantile } = await import(`${d}/fit/reference-distributions.js`);
let quasi = 0, zTrunc = 0;
for (let s = 0; s < S; s++) {
  const rows = simulatedYear(plan, `cov/${s}`, years - 1).file.byTier.get('T');
  const n = rows.map((r) => r.values.leads), k = rows.map((r) => r.values.deals);
  const N = n.reduce((a, b) => a + b, 0), K = k.reduce((a, b) => a + b, 0), N2 = n.reduce((a, b) => a + b * b, 0);
  const p = K / N, pq = p * (1 - p);
  let x2 = 0; for (let i = 0; i < 12; i++) x2 += n[i] * (k[i] / n[i] - p) ** 2;
  x2 /= pq;
  const c = N - N2 / N - 11, rhoRaw = (x2 - 11) / c;
  const mult = 1 + rhoRaw * (N2 / N - 1), multF = 1 + Math.max(0, rhoRaw) * (N2 / N - 1);
  const seQ = Math.sqrt(pq / N * mult), seF = Math.sqrt(pq / N * multF);
  if (Math.abs(p - conv) <= tQuantile(0.975, 11) * seQ) quasi++;
  if (Math.abs(p - conv) <= (rhoRaw <= 0 ? 1.959964 : tQuantile(0.975, 11)) * seF) zTrunc++;
}
console.log('last 12 months only:', { quasi: quasi / S, zWhenTruncated: zTrunc / S });
