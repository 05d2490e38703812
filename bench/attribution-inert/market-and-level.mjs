// Variance shares of the market and a lead level against their closed form (dec24): one tier, leads Poisson around a
// lognormal level (P10 800, P90 1,200) loaded b on the market, conversion 5%, ACV 12k, no sales cycle. R = K L M + unit
// noise, K = ACV/12 x 78 x conversion; market share K^2 E[L]^2 (e^(b^2) - 1) / Var(R), the level K^2 Var(L) / Var(R).
// Usage: npm run build && node bench/attribution-inert/market-and-level.mjs [b=0.3] [seed=1] [trials=50000]
import { parseScenario, simulate, summarize } from '../../dist/index.js';
const b = +process.argv[2] || 0.3, seed = process.argv[3] || '1', trials = +process.argv[4] || 50000;
const y = `
name: both
market:
  loadings: { leads: ${b} }
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, p10: 800, p90: 1200 } }
      conversion: 0.05
      acv: 12000
`;
const sim = await simulate(parseScenario(y, 't.yaml'), { trials, seed, workers: 0 });
const s = summarize(sim);
// closed form
const z90 = 1.2815515655446004;
const mu = (Math.log(800) + Math.log(1200)) / 2, sg = (Math.log(1200) - Math.log(800)) / (2 * z90);
const EL = Math.exp(mu + sg * sg / 2), EL2 = Math.exp(2 * mu + 2 * sg * sg), VL = EL2 - EL * EL;
const c = 0.05, acv = 12000, K = acv / 12 * 78 * c;
const VM = Math.exp(b * b) - 1;
const VLM = EL2 * Math.exp(b * b) - EL * EL;
const V = K * K * VLM + (acv / 12) ** 2 * 650 * c * EL;
const mean = Array.from(sim.store.column('revenue')).reduce((a, x) => a + x, 0) / trials;
console.log('mean', mean, 'closed', K * EL);
console.log('truth market', (K * K * EL * EL * VM / V).toFixed(4), 'leads', (K * K * VL / V).toFixed(4), 'unexpl', (1 - (K*K*EL*EL*VM + K*K*VL)/V).toFixed(4));
for (const d of s.sensitivity.drivers) console.log(d.key, d.varianceShare.toFixed(4), d.varianceShareInterval.map(x => x.toFixed(4)).join(' '));
console.log('unexpl', s.sensitivity.unexplained.value.toFixed(4), s.sensitivity.unexplained.interval.map(x=>x.toFixed(4)).join(' '));
