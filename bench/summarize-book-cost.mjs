// CPU cost of summarize on a run of a scenario with a customer book of N rows (default 20,000), the
// call the studio makes on every answer: node bench/summarize-book-cost.mjs [N] [dist folder]
// Its checks and hashes digest the book's data; since fixlib22 the data is digested once a call.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const n = Number(process.argv[2] ?? 20_000);
const dist = process.argv[3] ? pathToFileURL(`${resolve(process.argv[3])}/`).href : new URL('../dist/', import.meta.url).href;
const { loadScenario, simulate, summarize } = await import(`${dist}index.js`);
const dir = mkdtempSync(join(tmpdir(), 'arrcast-summarize-cost-'));
try {
  const rows = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator'];
  let x = 12345;
  const next = () => (x = (x * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < n; i++) rows.push(`c${i},SMB,${Math.round(1000 + next() * 200000)},${1 + Math.floor(next() * 12)},12,${Math.floor(next() * 5)},${next().toFixed(2)},`);
  writeFileSync(join(dir, 'book.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'plan.yaml'), 'name: Cost\ntiers:\n  - name: SMB\n    existing: { customersFile: book.csv, renewalRate: 0.9 }\n');
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
