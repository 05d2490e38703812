#!/usr/bin/env node
// Bytes of a plan's aggregate tables (random/compound-sum.ts), as the main thread builds them for the
// workers: the quantiles (cells, or doubles in builds before spd23) and the CDF arrays of the outermost
// intervals. Usage, after `npm run build`: node bench/table-bytes.mjs DIST scenarios/example.yaml...
// (DIST: a build's dist folder, absolute; after the reviewer's count script for spd23).
import { resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planLoaded } = await import(`${dist}/engine/simulate.js`);
const { planSumTables } = await import(`${dist}/model/plan-sum-tables.js`);
for (const file of process.argv.slice(3)) {
  const shared = planSumTables(planLoaded(await loadScenario(file)));
  let tables = 0;
  let quantileBytes = 0;
  let cdfBytes = 0;
  let largestCdf = 0;
  for (const set of shared)
    for (const t of set.tables)
      if (t) {
        tables++;
        quantileBytes += (t.cells ?? t.quantiles).byteLength;
        cdfBytes += t.cdf.byteLength;
        largestCdf = Math.max(largestCdf, t.cdf.byteLength);
      }
  const mb = (b) => (b / 1e6).toFixed(2);
  console.log(
    `${file}: ${shared.length} table sets, ${tables} tables; quantiles ${mb(quantileBytes)} MB, CDF arrays ${mb(cdfBytes)} MB (largest ${Math.round(largestCdf / 1024)} KB), total ${mb(quantileBytes + cdfBytes)} MB`,
  );
}
