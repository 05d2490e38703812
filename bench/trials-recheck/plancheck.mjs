import { readFileSync } from 'node:fs';
import { readTrials, parsePct, agree, done } from './lib.mjs';
const [txt, tf, planf] = process.argv.slice(2);
const T = readTrials(tf); const plan = JSON.parse(readFileSync(planf, 'utf8'));
const n = T.trial.length; const cum = new Float64Array(n);
const lines = readFileSync(txt, 'utf8').split('\n'); const i0 = lines.findIndex((l) => l.startsWith('Monthly plan'));
for (let m = 1; m <= 12; m++) {
  const mrr = T[`mrr.${m}`]; for (let i = 0; i < n; i++) cum[i] += mrr[i];
  const f = lines[i0 + m].trim().split(/\s+/);
  // label, planned mrr, P, [lo, hi], planned cum, P, [lo, hi]
  agree(parsePct(f[2]), mrr.filter((x) => x >= plan.mrr[m - 1]).length / n, `month ${m} P(MRR)`);
  agree(parsePct(f[6]), Array.from(cum).filter((x) => x >= plan.cumulativeRevenue[m - 1]).length / n, `month ${m} P(cum)`);
}
done();
