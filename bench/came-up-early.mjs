// An aggregate book's customers coming up beyond its calendar in a closed month (due_arr above it):
// 120 customers at 10,000, 10 due a month, renewal 50%; month 1 has 20 due, all renewing. The
// library's re-forecast (no actualsProblems check; the CLI runs the same start state): mean ending
// ARR, renewal bookings and customers lost over 2,000 trials. Expected: 700,000, 700,000 and 50.
//   npm run build && node bench/came-up-early.mjs
import { simulate } from '../dist/engine/simulate.js';
import { parseScenario } from '../dist/scenario/parse.js';

const yaml = `name: came up early
tiers:
  - name: E
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: 0.5, priceUplift: 0 }
`;
const values = { due_arr: 200_000, renewed_arr: 200_000, churned_arr: 0, ending_arr: 1_200_000 };
const file = { path: 'actuals.csv', measures: Object.keys(values), tiers: ['E'], months: 1, byTier: new Map([['E', [{ month: 1, label: '1', tier: 'E', line: 2, values }]]]) };
const sim = await simulate(parseScenario(yaml, 'early.yaml'), { trials: 2000, seed: 3, workers: 0, actuals: { file, months: 1 } });
const mean = (key) => {
  const c = sim.store.column(key);
  let s = 0;
  for (const x of c) s += x;
  return s / c.length;
};
console.log(`ending ARR ${mean('endingArr').toFixed(0)}, renewal bookings ${mean('component.bookings.renewal').toFixed(0)}, customers lost ${mean('customersLost').toFixed(3)}`);
