import ExcelJS from 'exceljs';
import { readTrials, pct, mean, agree, done } from './lib.mjs';
const [xfile, tfile] = process.argv.slice(2);
const T = readTrials(tfile);
const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(xfile);
const rows = (name) => { const out = []; wb.getWorksheet(name)?.eachRow((r) => out.push(r.values.slice(1).map((c) => (c && typeof c === 'object' && 'result' in c ? c.result : c)))); return out; };
const METRIC = { 'Recognized revenue': 'revenue', Bookings: 'bookings', 'Ending ARR': 'endingArr' };
const COMP = { 'New business': 'newBusiness', 'New-customer expansion': 'newCustomerExpansion', Renewals: 'renewal', 'Existing expansion': 'existingExpansion', 'Price uplift': 'priceUplift', Contraction: 'contraction', Churn: 'churn' };
const PS = { P1: 0.01, P5: 0.05, P10: 0.1, P25: 0.25, P50: 0.5, P75: 0.75, P90: 0.9, P95: 0.95, P99: 0.99 };
const rel = 1e-6; // float32 breakdowns
const exact = (v, t) => ({ value: v, half: Math.abs(t) * 1e-6 + 0.006 });
const checkStats = (head, r, col, what) => {
  const xs = T[col]; if (!xs) { console.log('no column', col, what); return; }
  head.forEach((h, j) => {
    if (r[j] === null || r[j] === undefined || typeof r[j] !== 'number') return;
    let t;
    if (h === 'Mean') t = mean(xs); else if (PS[h] !== undefined) t = pct(xs, PS[h]); else return;
    agree(exact(r[j], t), t, `${what} ${h}`);
  });
};
// Percentiles sheet
{
  const r = rows('Percentiles'); const head = r[1];
  const seen = new Set();
  for (const row of r.slice(2)) {
    const [m, tier, comp] = row; const metric = METRIC[m];
    if (!metric) { if (!seen.has(m)) { seen.add(m); console.log('other row kind:', JSON.stringify(row.slice(0, 5))); } continue; }
    let col;
    if (tier === 'All tiers' && comp === 'Total') col = metric;
    else if (tier === 'All tiers') col = COMP[comp] ? `component.${metric}.${COMP[comp]}` : null;
    else if (comp === 'Total') col = `tier.${tier}.${metric}`;
    else { continue; }
    if (!col) continue;
    checkStats(head.slice(3), row.slice(3), col, `xlsx Percentiles ${m}/${tier}/${comp}`);
  }
}
// Summary sheet
{
  const r = rows('Summary'); const i = r.findIndex((x) => x[0] === 'Metric'); const head = r[i];
  for (const row of r.slice(i + 1)) { const metric = METRIC[row[0]]; if (metric) checkStats(head.slice(1), row.slice(1), metric, `xlsx Summary ${row[0]}`); else if (row[0]) console.log('summary row', JSON.stringify(row).slice(0, 150)); }
}
// Monthly
{
  const r = rows('Monthly'); const head = r[1];
  for (const row of r.slice(2)) {
    const fm = row[1]; if (typeof fm !== 'number') continue;
    const mrr = T[`mrr.${fm}`];
    head.forEach((h, j) => {
      const m = /^MRR (P\d+|mean)$/.exec(h); if (m && typeof row[j] === 'number') { const t = m[1] === 'mean' ? mean(mrr) : pct(mrr, PS[m[1]]); agree(exact(row[j], t), t, `xlsx Monthly ${row[0]} ${h}`); }
    });
  }
}
done();
