// act23's figures: a book on monthly terms fitted from history, then re-forecast from five closed
// months on trend (98% a month renewed, 2% churned, 40,000 of new ARR a month: ARR adds up; the
// re-forecast misreads such a book, and says so: actuals-more-due-than-calendar; act24: the same
// months with due_arr and renewed_arr dropped and the losses in churned_arr, the way out the warning gives, and
// with 0s in those columns, which say nothing came up); a flat
// history's year rate (every month 90% renewed: a zero-variance fit); an actuals file with a tier fit
// left out (all 0). Each through the CLI of the build given (default: this checkout's dist/).
// Usage: npm run build && node bench/monthly-terms-reforecast.mjs [path/to/dist/cli/main.js]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = process.argv[2] ?? fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'act23-bench-'));
const at = (f) => join(dir, f);
const arrcast = (...args) => {
  const r = spawnSync('node', [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
};
const head = 'month,tier,leads,deals,new_arr,contraction_arr,expansion_arr,renewed_arr,due_arr,ending_arr';
// The reviewer's history (act22): monthly terms, 97% and 99% renewed in turn, contraction 0.5% and expansion 1% of the renewed.
writeFileSync(at('h.csv'), `${head}\n${Array.from({ length: 24 }, (_, i) => {
  const r = i % 2 === 0 ? 1_164_000 : 1_188_000;
  return `${i + 1},M,1000,40,40000,${r * 0.005},${r * 0.01},${r},1200000,1200000`;
}).join('\n')}\n`);
let live = 1_200_000;
const act = ['month,tier,leads,deals,new_arr,renewed_arr,due_arr,churned_arr,ending_arr'];
for (let m = 1; m <= 5; m++) {
  const renewed = Math.round(live * 0.98);
  const next = renewed + 40_000;
  act.push(`${m},M,1000,40,40000,${renewed},${live},${live - renewed},${next}`);
  live = next;
}
writeFileSync(at('act.csv'), `${act.join('\n')}\n`);
// act24: the way out the warning now gives: the losses in churned_arr, no due_arr or renewed_arr.
writeFileSync(at('act-churn.csv'), `${act.map((l) => l.split(',').filter((_, i) => i !== 5 && i !== 6).join(',')).join('\n')}\n`);
// act24's review: 0s in due_arr and renewed_arr (what the warning said before its fix) say nothing came up: another re-forecast.
writeFileSync(at('act-zero.csv'), `${act.map((l, k) => (k === 0 ? l : l.split(',').map((x, i) => (i === 5 || i === 6 ? '0' : x)).join(','))).join('\n')}\n`);
arrcast('fit', at('h.csv'), '--out', at('f.yaml'));
const summary = (out) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const pct = (x) => `${(100 * x).toFixed(2)}%`;
for (const [what, extra] of [['plan', []], ['re-forecast', ['--actuals', at('act.csv')]], ['re-forecast, due_arr and renewed_arr dropped, losses in churned_arr (the advice)', ['--actuals', at('act-churn.csv')]], ['re-forecast, due_arr and renewed_arr 0 (not the advice)', ['--actuals', at('act-zero.csv')]]]) {
  const out = at(what.replace(/[^a-z]+/g, '-'));
  const r = arrcast('run', at('f.yaml'), ...extra, '-n', '4000', '-s', '3', '-w', '0', '--outputs', 'summary', '--out', out, '--no-progress');
  const s = summary(out);
  // The re-forecast reads the monthly book's due_arr as renewals coming up early: warned since act23's review.
  const warned = r.err.split('\n').find((l) => l.includes('[actuals-more-due-than-calendar]'));
  if (extra.length > 0) console.log(`${what} warning: ${warned === undefined ? 'none' : warned.slice(0, 160)}`);
  const d = s.reforecast?.drivers.find((x) => x.key === 'renewalRate');
  console.log(`${what}: GRR ${pct(s.retention.grr.mean)} (sd ${pct(s.retention.grr.sd)}), dollar renewal ${pct(s.retention.dollarRenewal.mean)}, logo ${pct(s.retention.logoRenewal.mean)}${d ? `; renewal rate prior ${pct(d.prior.mean)}, posterior ${pct(d.posterior.mean)} [P10 ${pct(d.posterior.p10)}, P90 ${pct(d.posterior.p90)}]` : ''}`);
}
writeFileSync(at('flat.csv'), `month,tier,renewed_arr,due_arr,ending_arr\n${Array.from({ length: 24 }, (_, i) => `${i + 1},M,1080000,1200000,1200000`).join('\n')}\n`);
arrcast('fit', at('flat.csv'), '--out', at('flat.yaml'));
const rate = readFileSync(at('flat.yaml'), 'utf8').match(/dollarRenewalRate: \{ dist: beta, mean: ([\d.]+), sd: ([\d.]+) \}/);
console.log(`flat 90% a month (zero variance): written year rate mean ${rate[1]}, sd ${rate[2]} (0.9^12 = ${(0.9 ** 12).toFixed(4)})`);
// A tier fit left out (book run down, no new business), all 0 in an export of every tier.
writeFileSync(at('s.yaml'), 'name: s\ntiers:\n  - name: A\n    existing: { openingArr: 1000000, customers: 100, dollarRenewalRate: 0.9 }\n    newBusiness: { leadsPerMonth: 1000, conversion: 0.05, acv: 10000 }\n');
writeFileSync(at('z.csv'), 'month,tier,leads,deals,new_arr,renewed_arr,due_arr,ending_arr\n1,A,1000,50,500000,90000,100000,1490000\n1,Z,0,0,0,0,0,0\n');
const z = arrcast('run', at('s.yaml'), '--actuals', at('z.csv'), '-n', '200', '-w', '0', '--outputs', 'summary', '--out', at('z'), '--no-progress');
console.log(`actuals with tier Z all 0, not in the scenario: exit ${z.code}; ${z.err.split('\n').find((l) => /tier "Z"|"Z"/.test(l)) ?? ''}`);
