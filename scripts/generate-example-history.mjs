// Writes scenarios/example-history.csv: 24 months (February 2025 to January 2027) of monthly history
// for the three tiers of scenarios/example.yaml, drawn with the engine's samplers from a fixed seed,
// so `arrcast fit scenarios/example-history.csv` recovers about that plan. Needs `npm run build`:
//   node scripts/generate-example-history.mjs
import { writeFileSync } from 'node:fs';
import { beta, binomial, createStream, lognormal, negativeBinomial, poisson } from '../dist/random/index.js';

const SEED = 'arrcast example history';
const MONTHS = 24;
const FIRST = { year: 2025, month: 2 }; // the fiscal year starts in February; the history ends in January 2027
const growth = [0.9, 1]; // lead volume of the older year relative to the last one

const tiers = [
  {
    name: 'SMB', leads: 2700, k: undefined, season: [0.9, 0.9, 1.0, 1.0, 0.95, 0.85, 0.85, 1.0, 1.05, 1.1, 1.2, 1.2],
    conversion: [30, 970], mu: Math.log(11000), sigma: Math.log(24000 / 11000) / 1.2815515655446004,
    arr: 15.5e6, perCustomer: 12000, calendar: Array(12).fill(1 / 12), renewal: 0.86, contraction: 0.02, expansion: 0.055,
  },
  {
    name: 'Mid-market', leads: 600, k: 40, season: [0.85, 0.9, 1.0, 1.0, 0.95, 0.85, 0.9, 1.0, 1.05, 1.1, 1.15, 1.25],
    conversion: [33, 517], mu: Math.log(45000) - 0.5 * Math.log(1 + (25000 / 45000) ** 2), sigma: Math.sqrt(Math.log(1 + (25000 / 45000) ** 2)),
    arr: 31e6, perCustomer: 45000, calendar: [0.06, 0.06, 0.08, 0.07, 0.07, 0.09, 0.07, 0.07, 0.09, 0.09, 0.10, 0.15], renewal: 0.92, contraction: 0.02, expansion: 0.1,
  },
  {
    name: 'Enterprise', leads: 60, k: 15, season: Array(12).fill(1),
    conversion: [14, 126], mu: Math.log(150000), sigma: Math.log(400000 / 150000) / 1.2815515655446004,
    arr: 34e6, perCustomer: 200000, calendar: [0.05, 0.05, 0.1, 0.06, 0.06, 0.1, 0.06, 0.06, 0.12, 0.07, 0.08, 0.19], renewal: 0.94, contraction: 0.012, expansion: 0.11,
  },
];

const rows = ['month,tier,leads,deals,new_arr,churned_arr,contraction_arr,expansion_arr,renewed_arr,due_arr,ending_arr,revenue'];
const byMonth = Array.from({ length: MONTHS }, () => []);
for (const t of tiers) {
  const s = (part) => createStream(`${SEED}/${t.name}/${part}`);
  const nb = negativeBinomial(s('leads'));
  const pois = poisson(s('leads'));
  const rateOfYear = beta(s('conversion'));
  const deals = binomial(s('deals'));
  const acv = lognormal(s('acv'));
  const renew = binomial(s('renewal'));
  let arr = t.arr;
  let yearStartArr = arr;
  let rate = 0;
  for (let i = 0; i < MONTHS; i++) {
    const f = i % 12; // month 1 of the history is fiscal month 1
    if (f === 0) {
      rate = rateOfYear(t.conversion[0], t.conversion[1]);
      yearStartArr = arr;
    }
    const mean = t.leads * growth[Math.floor(i / 12)] * t.season[f];
    const leads = t.k === undefined ? pois(mean) : nb(mean, t.k);
    const won = deals(leads, rate);
    let newArr = 0;
    for (let d = 0; d < won; d++) newArr += Math.round(acv(t.mu, t.sigma) / 10) * 10;
    const dueCustomers = Math.max(0, Math.round((yearStartArr * t.calendar[f]) / t.perCustomer));
    const due = dueCustomers * t.perCustomer;
    const renewed = renew(dueCustomers, t.renewal) * t.perCustomer;
    const churned = due - renewed;
    const contraction = Math.round(renewed * t.contraction);
    const expansion = Math.round(renewed * t.expansion);
    const start = arr;
    arr = arr + newArr + expansion - contraction - churned;
    const revenue = Math.round((start + arr) / 24);
    byMonth[i].push(`${FIRST.year + Math.floor((FIRST.month - 1 + i) / 12)}-${String(((FIRST.month - 1 + i) % 12) + 1).padStart(2, '0')},${t.name},${leads},${won},${newArr},${churned},${contraction},${expansion},${renewed},${due},${arr},${revenue}`);
  }
}
for (const m of byMonth) rows.push(...m);
writeFileSync(new URL('../scenarios/example-history.csv', import.meta.url), `${rows.join('\n')}\n`);
console.log(`wrote scenarios/example-history.csv (${MONTHS} months, ${tiers.length} tiers)`);
