// The bench's customer book: a seeded 20,000-customer CSV and the scenario that reads it (bench/customer-book.mjs,
// bench/worker-cpu.mjs).
import seedrandom from 'seedrandom';

/** A seeded book: 70% annual, 20% multi-year (24/36 months, escalators), 10% monthly-billed. */
export function bookCsv(n, seed = 'bench book') {
  const u = seedrandom.alea(seed);
  const rows = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator'];
  for (let i = 0; i < n; i++) {
    const x = u();
    const term = x < 0.7 ? 12 : x < 0.8 ? 24 : x < 0.9 ? 36 : 1;
    const arr = Math.round(2000 * Math.exp(1.2 * (u() + u() + u() - 1.5)) * 10);
    const next = term === 1 ? '' : String(1 + Math.floor(u() * term));
    const escalator = term >= 24 ? '0.05' : '';
    rows.push(`c${i},Book,${arr},${next},${term},${Math.floor(u() * 6)},${(0.3 + 0.7 * u()).toFixed(2)},${escalator}`);
  }
  return `${rows.join('\n')}\n`;
}

/**
 * A plainer book for the cost of reading one (forecast-hash-book-cost.mjs, summarize-book-cost.mjs):
 * n SMB customers on annual terms, ARR 1,000 to 201,000, from a Lehmer generator (the rows those
 * scripts' figures in bench/RESULTS.md were measured on), and the scenario that reads it as book.csv.
 */
export function plainBookCsv(n) {
  const rows = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator'];
  let x = 12345;
  const next = () => (x = (x * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < n; i++) rows.push(`c${i},SMB,${Math.round(1000 + next() * 200000)},${1 + Math.floor(next() * 12)},12,${Math.floor(next() * 5)},${next().toFixed(2)},`);
  return `${rows.join('\n')}\n`;
}

export const PLAIN_BOOK_SCENARIO = 'name: Cost\ntiers:\n  - name: SMB\n    existing: { customersFile: book.csv, renewalRate: 0.9 }\n';

export const SCENARIO = `name: bench book
fiscalYear: 2027
market:
  loadings: { leads: 0.15, conversion: 0.2, renewal: 0.3, contraction: 0.2, expansion: 0.25 }
tiers:
  - name: Book
    existing:
      customersFile: book.csv
      renewalRate: { dist: beta, mean: 0.88, sd: 0.03 }
      renewalAdjustments: { perArrDoubling: 0.2, firstRenewal: -0.5, perRenewalAfterFirst: 0.1, health: 1.2 }
      priceUplift: 0.04
      contraction:
        probability: { dist: beta, mean: 0.08, sd: 0.02 }
        size: { dist: beta, mean: 0.2, sd: 0.08 }
      expansion:
        probability: { dist: beta, mean: 0.15, sd: 0.03 }
        size: { dist: lognormal, median: 0.25, p90: 0.6 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 2000 }
      conversion: { dist: beta, mean: 0.03, sd: 0.005 }
      acv: { dist: lognormal, median: 20000, p90: 50000 }
`;

