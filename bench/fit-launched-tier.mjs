// A tier launched within the last 12 months with a book and nothing due (act21b): what fit writes for
// its renewal, and, leaving each example tier out in turn as if its renewal were unknown, where its
// own rate falls against the other tiers' pool and the sd written for it (z = (own - pool) / sd).
// Usage: npm run build && node bench/fit-launched-tier.mjs (act22: also the pooled contraction, expansion and term)
import { readFileSync } from 'node:fs';
import { parseMonthlyFile } from '../dist/actuals/read-monthly-file.js';
import { fitHistory } from '../dist/fit/fit-history.js';
import { fitPooledRenewal } from '../dist/fit/pooled-renewal.js';

const lines = readFileSync(new URL('../scenarios/example-history.csv', import.meta.url), 'utf8').trim().split('\n');
const [header, ...body] = lines;
const months = [...new Set(body.map((r) => r.split(',')[0]))];
const added = (k) => (k >= 19 ? (10 + (k % 3)) * 30_000 : 0);
let ending = 0;
const rows = months.flatMap((m, i) => {
  const k = i + 1;
  ending += added(k);
  return [...body.filter((r) => r.startsWith(`${m},`)), `${m},New,${k >= 19 ? 400 + 10 * k : 0},${k >= 19 ? 10 + (k % 3) : 0},${added(k)},0,0,0,0,0,${ending},${Math.floor(ending / 12)}`];
});
const history = parseMonthlyFile(`${header}\n${rows.join('\n')}\n`, 'history.csv', { kind: 'history' });
const fit = fitHistory({ history });
const pct = (x) => `${(x * 100).toFixed(2)}%`;
for (const t of fit.tiers) console.log(`${t.name}: renewal ${pct(t.existing.renewal.rate.value)} (${t.existing.renewalFrom}), year sd ${pct(t.existing.renewal.year.sd)}`);
// The launched tier's contraction and expansion (the other tiers' pooled, act22) and the term its calendar is built on.
const fresh = fit.tiers.find((t) => t.name === 'New').existing;
for (const k of ['contraction', 'expansion']) {
  const f = fresh[k];
  console.log(`New ${k}: ${pct(f.share.value)} of ARR renewed (${f.tiers.map((t, i) => `${t} ${pct(f.tierShares[i])}`).join(', ')}), sd ${pct(f.year.sd)} = sqrt(pool ${pct(f.poolSd)}^2 + between ${pct(f.between)}^2)`);
}
console.log(`New term: ${fresh.term.months} months (${fresh.term.from}, turnover ${fresh.term.turnover?.toFixed(4)}), calendar [${fresh.calendar.map((x) => x.toFixed(4)).join(', ')}]`);
const series = (name) => ({ name, due: Float64Array.from(history.byTier.get(name), (r) => r.values.due_arr ?? 0), renewed: Float64Array.from(history.byTier.get(name), (r) => r.values.renewed_arr ?? 0) });
const tiers = ['SMB', 'Mid-market', 'Enterprise'];
for (const out of tiers) {
  const pool = fitPooledRenewal(tiers.filter((t) => t !== out).map(series));
  const own = fit.tiers.find((t) => t.name === out).existing.renewal.rate.value;
  console.log(`leave out ${out}: own ${pct(own)}, pool of the others ${pct(pool.rate.value)}, sd ${pct(pool.year.sd)} (pool ${pct(pool.poolSd)}, between ${pct(pool.between)}), z ${((own - pool.rate.value) / pool.year.sd).toFixed(2)}`);
}
// The same leave-one-out for the pooled contraction and expansion shares (act22).
const { fitPooledBookShare } = await import('../dist/fit/pooled-book-share.js');
const shareSeries = (name, m) => ({ name, part: Float64Array.from(history.byTier.get(name), (r) => r.values[`${m}_arr`] ?? 0), renewed: Float64Array.from(history.byTier.get(name), (r) => r.values.renewed_arr ?? 0) });
for (const k of ['contraction', 'expansion'])
  for (const out of tiers) {
    const pool = fitPooledBookShare(tiers.filter((t) => t !== out).map((t) => shareSeries(t, k)), k);
    const own = fit.tiers.find((t) => t.name === out).existing[k].share.value;
    console.log(`leave out ${out} ${k}: own ${pct(own)}, pool of the others ${pct(pool.share.value)}, sd ${pct(pool.year.sd)}, z ${((own - pool.share.value) / pool.year.sd).toFixed(2)}`);
  }
