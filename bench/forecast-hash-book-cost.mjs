// CPU cost of forecastHash (summary.json's scenario.forecastHash) on a scenario with a customer book
// of N rows (default 20,000), against loading that scenario: node bench/forecast-hash-book-cost.mjs [N]
// The hash reads the book's rows as a set (sorted by their values), so it grows as N log N; since the
// twenty-second session it is kept by a digest of the content (O(N)), so a second call on the same content is cheap.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../dist/index.js';
import { forecastHash } from '../dist/scenario/forecast-hash.js';
import { PLAIN_BOOK_SCENARIO, plainBookCsv } from './book-fixture.mjs';

const n = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'arrcast-forecast-hash-cost-'));
try {
  writeFileSync(join(dir, 'book.csv'), plainBookCsv(n));
  writeFileSync(join(dir, 'plan.yaml'), PLAIN_BOOK_SCENARIO);
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let t = cpu();
  const loaded = await loadScenario(join(dir, 'plan.yaml'));
  const load = cpu() - t;
  forecastHash(loaded); // warm
  const runs = 10;
  t = cpu();
  for (let i = 0; i < runs; i++) forecastHash(loaded);
  const hash = (cpu() - t) / runs;
  // Each call on other content (a copy whose book's first ARR differs): no hash kept for it (a miss).
  // Copies, not edits in place: those are refused by every run and output (checkUnchangedSinceLoaded).
  const [tier, book] = Object.entries(loaded.files.books)[0];
  const copies = Array.from({ length: runs }, (_, i) => {
    const arr = Float64Array.from(book.arr);
    arr[0] += i + 1;
    return { ...loaded, files: { ...loaded.files, books: { ...loaded.files.books, [tier]: { ...book, arr } } } };
  });
  t = cpu();
  for (const copy of copies) forecastHash(copy);
  const miss = (cpu() - t) / runs;
  console.log(`${n} customers: loadScenario ${load.toFixed(0)} ms CPU (cold), forecastHash ${hash.toFixed(2)} ms CPU (mean of ${runs}, the same content), ${miss.toFixed(1)} ms CPU (mean of ${runs}, each other content)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
