// For each tier with an opening book and a new-business ACV: the ACV's mean (sampled, 200,000 draws of
// the ACV as written: a level distribution's median is taken as written) against the book's mean ARR
// per customer (openingArr / customers), and their ratio. Evidence for or against a warning
// "ACV far from the book's average" (task new20, item 2).
// Usage: node bench/acv-against-book.mjs scenarios/*.yaml /tmp/new20-clone/my-plan.yaml
import { loadScenario } from '../dist/scenario/load.js';
import { compileDistribution } from '../dist/model/distribution-sampler.js';
import { createStream } from '../dist/random/source.js';
import { centralValue } from '../dist/scenario/central-value.js';

const N = 200_000;
for (const file of process.argv.slice(2)) {
  let loaded;
  try { loaded = await loadScenario(file); } catch (e) { console.log(`${file}: not loaded (${String(e.message).split('\n')[0]})`); continue; }
  for (const t of loaded.scenario.tiers) {
    const e = t.existing, nb = t.newBusiness;
    if (!e || !nb || nb.acv === undefined || !(e.customers > 0) || typeof e.openingArr !== 'number') continue;
    let spec = nb.acv;
    if (spec && typeof spec === 'object' && typeof spec.median === 'object') spec = { ...spec, median: centralValue(spec.median) };
    // A level distribution (a distribution where the median goes): its median as written, for the typical deal.
    const draw = compileDistribution(spec).bind(createStream(`acv-${t.name}`));
    let sum = 0;
    for (let i = 0; i < N; i++) sum += draw();
    const acvMean = sum / N;
    const book = e.openingArr / e.customers;
    console.log(`${file} ${t.name}: ACV mean ${Math.round(acvMean)}, book ARR per customer ${Math.round(book)}, ratio ACV/book ${(acvMean / book).toFixed(2)}`);
  }
}
