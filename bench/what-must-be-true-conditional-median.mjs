// Checks a run's "what must be true" against its own trials, independently of how it was computed:
// for each target's condition on the market factor ("the market at its Pq or better"), the median of
// the metric over the trials whose market factor z lies within `width` of the normal quantile of q
// should be the target. Needs a run with `--outputs summary,trials`.
//
//   node bench/what-must-be-true-conditional-median.mjs REPORT_DIR [width=0.05]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, widthText = '0.05'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/what-must-be-true-conditional-median.mjs REPORT_DIR [width]');
const width = Number(widthText);
const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
const [header, ...rows] = readFileSync(join(dir, 'trials.csv'), 'utf8').trimEnd().split('\n');
const columns = header.split(',');
const zAt = columns.indexOf('driver.market');

// Acklam's inverse normal CDF (relative error below 1.2e-9), for the market's own percentile.
function normalQuantile(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

for (const w of summary.whatMustBeTrue) {
  const metricAt = columns.indexOf(w.tier === undefined ? w.metric : `tier.${w.tier}.${w.metric}`);
  for (const d of w.drivers.filter((x) => x.key === 'driver.market' && x.reach === 'crosses')) {
    const z = normalQuantile(d.percentile);
    const near = rows.map((r) => r.split(',')).filter((r) => Math.abs(Number(r[zAt]) - z) < width).map((r) => Number(r[metricAt]));
    console.log(`${w.target}: market at its P${(d.percentile * 100).toFixed(1)} (z ${z.toFixed(3)}); median of ${w.metric} over the ${near.length} trials with z within ${width} of it: ${median(near).toFixed(0)} (target ${w.value})`);
  }
}
