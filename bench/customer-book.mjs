#!/usr/bin/env node
// Benchmark of a customer book read row by row (issue 3's goal: a 20,000-customer book with 10,000
// trials end to end in at most 3 s on the 2-core machine). Run: npm run bench:book (builds first),
// or as part of npm run bench. Options (environment): BENCH_BOOK_CUSTOMERS=20000, BENCH_BOOK_TRIALS=10000.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';

const root = fileURLToPath(new URL('..', import.meta.url));
const customers = Number(process.env.BENCH_BOOK_CUSTOMERS ?? 20_000);
const trials = Number(process.env.BENCH_BOOK_TRIALS ?? 10_000);
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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

const SCENARIO = `name: bench book
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

const dir = mkdtempSync(join(tmpdir(), 'arrcast-bench-book-'));
try {
  writeFileSync(join(dir, 'book.csv'), bookCsv(customers));
  writeFileSync(join(dir, 'scenario.yaml'), SCENARIO);
  const times = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'run', join(dir, 'scenario.yaml'), '--trials', String(trials), '--workers', '2', '--quiet', '--out', join(dir, `r${r}`)], {
      encoding: 'utf8',
    });
    times.push((performance.now() - t) / 1000);
    if (run.status !== 0) throw new Error(run.stderr);
  }
  console.log(
    `customer book end to end, ${fmt(customers)} customers x ${fmt(trials)} trials, 2 workers (arrcast run ... --quiet): ${fmt(median(times), 2)} s median of 3 [${times.map((x) => fmt(x, 2)).join(', ')}]; goal 3 s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
