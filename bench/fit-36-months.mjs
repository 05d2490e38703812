// Times `arrcast fit` on 36 months of history for three tiers (and a deals file of every deal),
// drawn from a fixed seed with the engine's samplers: the fit in process (median of 21 after 3
// warm-ups) and the whole command in a fresh process (median of 5). Needs `npm run build`:
//   node bench/fit-36-months.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beta, binomial, createStream, lognormal, negativeBinomial } from '../dist/random/index.js';
import { parseMonthlyFile } from '../dist/actuals/read-monthly-file.js';
import { parseDeals } from '../dist/fit/read-deals.js';
import { fitHistory } from '../dist/fit/fit-history.js';
import { fittedScenarioText } from '../dist/fit/scenario-text.js';

const MONTHS = 36;
const tiers = [
  { name: 'SMB', leads: 2700, k: 200, a: 30, b: 970, mu: Math.log(11000), sigma: 0.61, arr: 18e6 },
  { name: 'Mid-market', leads: 600, k: 40, a: 33, b: 517, mu: Math.log(39000), sigma: 0.53, arr: 36e6 },
  { name: 'Enterprise', leads: 60, k: 15, a: 14, b: 126, mu: Math.log(150000), sigma: 0.77, arr: 40e6 },
];
const rows = ['month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr'];
const deals = ['close_month,tier,amount'];
for (const t of tiers) {
  const nb = negativeBinomial(createStream(`bench/${t.name}/leads`));
  const rate = beta(createStream(`bench/${t.name}/rate`));
  const bin = binomial(createStream(`bench/${t.name}/deals`));
  const acv = lognormal(createStream(`bench/${t.name}/acv`));
  let arr = t.arr;
  for (let i = 1; i <= MONTHS; i++) {
    const leads = nb(t.leads, t.k);
    const won = bin(leads, rate(t.a, t.b));
    let newArr = 0;
    for (let d = 0; d < won; d++) {
      const amount = Math.round(acv(t.mu, t.sigma));
      newArr += amount;
      deals.push(`${i},${t.name},${amount}`);
    }
    const due = Math.round(arr / 12);
    const renewed = Math.round(due * 0.9);
    arr += newArr - (due - renewed);
    rows.push(`${i},${t.name},${leads},${won},${newArr},${arr},${due},${renewed}`);
  }
}
const dir = mkdtempSync(join(tmpdir(), 'arrcast-bench-fit-'));
const historyFile = join(dir, 'history.csv');
const dealsFile = join(dir, 'deals.csv');
writeFileSync(historyFile, `${rows.join('\n')}\n`);
writeFileSync(dealsFile, `${deals.join('\n')}\n`);

const historyText = `${rows.join('\n')}\n`;
const dealsText = `${deals.join('\n')}\n`;
const once = () => {
  const history = parseMonthlyFile(historyText, historyFile, { kind: 'history' });
  const d = parseDeals(dealsText, dealsFile, history.tiers, history.months, undefined);
  return fittedScenarioText(fitHistory({ history, deals: d, dealsFile }));
};
for (let i = 0; i < 3; i++) once();
const times = [];
for (let i = 0; i < 21; i++) {
  const t0 = performance.now();
  once();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const cli = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  execFileSync('node', [new URL('../dist/cli/main.js', import.meta.url).pathname, 'fit', historyFile, '--deals', dealsFile, '--out', join(dir, 'fitted.yaml'), '--force'], { stdio: 'pipe' });
  cli.push(performance.now() - t0);
}
cli.sort((a, b) => a - b);
rmSync(dir, { recursive: true, force: true });
console.log(`36 months x 3 tiers, ${deals.length - 1} deals: fit in process (read, fit, write the text) median ${times[10].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[20].toFixed(1)}); whole command in a new process median ${cli[2].toFixed(0)} ms (min ${cli[0].toFixed(0)}, max ${cli[4].toFixed(0)})`);
