// Writes the example customer books and pipelines in scenarios/data/ from a fixed seed, so the
// files are reproducible: node scripts/generate-example-data.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';

const rng = seedrandom.alea('arrcast example data');
const lognormal = (median, sigma) => {
  // Box-Muller: fine for example data (the engine's samplers live in src/random).
  const u = 1 - rng();
  const v = rng();
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
};
const pickWeighted = (items, weights) => {
  let x = rng() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((x -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
};

function customers(tiers, fiscalYear, startMonth) {
  const rows = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator'];
  let n = 0;
  for (const t of tiers) {
    for (let i = 0; i < t.count; i++) {
      const term = pickWeighted(t.terms, t.termWeights);
      const arr = Math.max(t.floor, Math.round(lognormal(t.median, t.sigma) / 100) * 100);
      const renewals = Math.floor(rng() * 6);
      const health = rng() < 0.85 ? (0.3 + 0.7 * rng()).toFixed(2) : '';
      let next = '';
      let escalator = '';
      if (term > 1) {
        const month = 1 + Math.floor(rng() * term);
        // Every fifth renewal as a date, to show both forms.
        if (i % 5 === 0) {
          const m0 = startMonth - 1 + month - 1;
          next = `${fiscalYear + Math.floor(m0 / 12)}-${String((m0 % 12) + 1).padStart(2, '0')}`;
        } else next = String(month);
        if (term >= 24) escalator = t.escalator;
      }
      rows.push([`${t.prefix}-${String(++n).padStart(5, '0')}`, t.name, arr, next, term === 1 ? 'monthly' : term, renewals, health, escalator].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

function pipeline(tiers) {
  const rows = ['id,tier,amount,stage,close_month'];
  let n = 0;
  for (const t of tiers)
    for (let i = 0; i < t.count; i++) {
      const stage = pickWeighted(['discovery', 'evaluation', 'proposal', 'commit'], [0.35, 0.3, 0.2, 0.15]);
      const close = stage === 'commit' ? 1 + Math.floor(rng() * 2) : stage === 'proposal' ? 1 + Math.floor(rng() * 4) : 2 + Math.floor(rng() * 7);
      rows.push([`opp-${String(++n).padStart(4, '0')}`, t.name, Math.round(lognormal(t.median, 0.6) / 1000) * 1000, stage, close].join(','));
    }
  return rows.join('\n') + '\n';
}

mkdirSync('scenarios/data', { recursive: true });
writeFileSync(
  'scenarios/data/enterprise-customers.csv',
  customers([{ name: 'Enterprise', prefix: 'ent', count: 240, median: 150000, sigma: 0.7, floor: 40000, terms: [12, 24, 36], termWeights: [0.45, 0.2, 0.35], escalator: '0.05' }], 2027, 1),
);
writeFileSync('scenarios/data/enterprise-pipeline.csv', pipeline([{ name: 'Enterprise', count: 60, median: 160000 }]));
writeFileSync(
  'scenarios/data/hybrid-customers.csv',
  customers(
    [
      { name: 'Mid-market', prefix: 'mm', count: 700, median: 38000, sigma: 0.6, floor: 8000, terms: [12, 24, 1], termWeights: [0.75, 0.15, 0.1], escalator: '0.04' },
      { name: 'Enterprise', prefix: 'ent', count: 180, median: 170000, sigma: 0.7, floor: 50000, terms: [12, 36], termWeights: [0.5, 0.5], escalator: '0.06' },
    ],
    2027,
    2,
  ),
);
writeFileSync('scenarios/data/hybrid-pipeline.csv', pipeline([{ name: 'Enterprise', count: 45, median: 180000 }]));
