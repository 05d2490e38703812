// act25: the seam of a re-forecast's prior table at |normal score| 2.506 (fewer than 100 of 16,384
// draws beyond), where the sample's quantile hands over to the family's exact one kept monotone
// (max(exact, the sample's edge)): the table just inside and just outside the seam, for 6 table seeds,
// beta 90% +- 5% (lower side). A jump where the sample's edge is above the exact quantile; a flat
// stretch (the edge held) where it is below. Usage: npm run build && node bench/prior-table-seam.mjs [dist dir]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
const dist = resolve(process.argv[2] ?? 'dist');
const { QuantileTable } = await import(pathToFileURL(`${dist}/actuals/prior-table.js`).href);
const { compileDistribution } = await import(pathToFileURL(`${dist}/model/distribution-sampler.js`).href);
const { normalQuantile } = await import(pathToFileURL(`${dist}/math/normal-cdf.js`).href);
const d = compileDistribution({ dist: 'beta', mean: 0.9, sd: 0.05 });
const e = -normalQuantile(100 / 16384);
for (let s = 1; s <= 6; s++) {
  const t = new QuantileTable(d, `seam-${s}`);
  const inside = t.atScore(-e + 1e-6);
  const outside = t.atScore(-e - 1e-6);
  // Where the exact quantile falls below the held edge: the score at which the flat stretch ends.
  let lo = -8, hi = -e;
  for (let k = 0; k < 60; k++) { const m = (lo + hi) / 2; if (d.scoreQuantile(m) < outside) lo = m; else hi = m; }
  console.log(`seed ${s}: seam at -${e.toFixed(4)}; inside ${inside.toFixed(5)}, outside ${outside.toFixed(5)} (jump ${(inside - outside).toFixed(5)}); exact ${d.scoreQuantile(-e).toFixed(5)}; flat down to score ${outside < d.scoreQuantile(-e) - 1e-6 ? hi.toFixed(4) : '-'}`);
}
