// CPU cost of summarize on a run of a scenario with a customer book of N rows (default 20,000), the
// call the studio makes on every answer: node bench/summarize-book-cost.mjs [N] [dist folder]
// Its checks and hashes digest the book's data; since fixlib22 the data is digested once a call.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLAIN_BOOK_SCENARIO, plainBookCsv } from './book-fixture.mjs';

const n = Number(process.argv[2] ?? 20_000);
const dist = process.argv[3] ? pathToFileURL(`${resolve(process.argv[3])}/`).href : new URL('../dist/', import.meta.url).href;
const { loadScenario, simulate, summarize } = await import(`${dist}index.js`);
const dir = mkdtempSync(join(tmpdir(), 'arrcast-summarize-cost-'));
try {
  writeFileSync(join(dir, 'book.csv'), plainBookCsv(n));
  writeFileSync(join(dir, 'plan.yaml'), PLAIN_BOOK_SCENARIO);
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const sim = await simulate(await loadScenario(join(dir, 'plan.yaml')), { trials: 200, seed: 1, workers: 0 });
  summarize(sim); // warm (forecastHash kept after)
  const runs = 20;
  const t = cpu();
  for (let i = 0; i < runs; i++) summarize(sim);
  console.log(`${n} customers, 200 trials: summarize ${((cpu() - t) / runs).toFixed(2)} ms CPU (mean of ${runs})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
