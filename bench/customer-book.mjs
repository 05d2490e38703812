#!/usr/bin/env node
// Benchmark of a customer book read row by row (issue 3's goal: a 20,000-customer book with 10,000
// trials end to end in at most 3 s on the 2-core machine). Run: npm run bench:book (builds first),
// or as part of npm run bench. Options (environment): BENCH_BOOK_CUSTOMERS=20000, BENCH_BOOK_TRIALS=10000.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bookCsv, SCENARIO } from './book-fixture.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const customers = Number(process.env.BENCH_BOOK_CUSTOMERS ?? 20_000);
const trials = Number(process.env.BENCH_BOOK_TRIALS ?? 10_000);
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
    `customer book end to end, ${fmt(customers)} customers x ${fmt(trials)} trials, 2 workers (arrcast run ... --quiet): ${fmt(median(times), 2)} s median of 3 [${times.map((x) => fmt(x, 2)).join(', ')}]; issue 3 asked for 3 s, issue 12 for 1.5 s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
