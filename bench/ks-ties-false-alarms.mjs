// How often the score's KS test (PIT ranges, calibration.ts ksUniformRanges) rejects at 5% when
// outcomes tie with trials (forecasts of counts: Poisson trials and outcomes), for honest forecasts
// (due: 5%) and for forecasts too low, beside the KS test of randomised PITs (each outcome drawn
// uniformly from its PIT range, whose p-value is exact). 200 sets of forecasts of 200 trials each.
// Usage: node bench/ks-ties-false-alarms.mjs  (after npm run build; about 10 s)
import { scoreForecasts, ksUniform } from '../dist/index.js';
import { createStream, poisson, uniform } from '../dist/random/index.js';
const draw = poisson(createStream('rv/f')), truth = poisson(createStream('rv/t')), u = uniform(createStream('rv/u'));
for (const [lam, mu, m] of [[2, 2, 100], [2, 2.5, 100], [2, 3, 50], [0.3, 0.3, 200], [0.3, 0.5, 200]]) {
  let rejR = 0, rejRand = 0; const reps = 200;
  for (let rep = 0; rep < reps; rep++) {
    const samples = []; const outs = [];
    for (let f = 0; f < m; f++) { samples.push(Float64Array.from({ length: 200 }, () => draw(lam)).sort()); outs.push({ report: f, tier: undefined, metric: 'revenue', value: truth(mu), line: f + 2 }); }
    const r = scoreForecasts(outs, (o) => samples[o.report]);
    if (r.all.ks.pValue < 0.05) rejR++;
    const rand = r.outcomes.map((o) => o.pitRange[0] + u(0, 1) * (o.pitRange[1] - o.pitRange[0]));
    if (ksUniform(rand).pValue < 0.05) rejRand++;
  }
  console.log(`forecast Poisson(${lam}), truth Poisson(${mu}), ${m} outcomes: reject at 5%: ranges ${rejR / reps}, randomised ${rejRand / reps}`);
}
