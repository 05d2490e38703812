// Cross-check the figures of one report directory against each other: summary.json,
// percentiles.csv, monthly.csv, trials.csv (recomputed: means, type-7 percentiles, budgets, expected
// shortfalls, P(target), per-trial sums of tiers and components, MRR x 12 = ending ARR), sipmath.json,
// report.xlsx and report.html's headline, tier and component tables; means of tiers and components
// must add up (percentiles are never summed).
// Usage: npm run build --silent && node scripts/cross-check-report.mjs <report dir> (exit 1 on a mismatch)
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

const dir = process.argv[2];
const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
let failures = 0, checks = 0;
const fail = (msg) => { failures++; console.log('FAIL ' + msg); };
const close = (a, b, what, rel = 1e-9, abs = 0.006) => {
  checks++;
  if (a === b) return true;
  // Not estimable (README): null in summary.json, an empty field in percentiles.csv, no std in sipmath.json.
  if (b === null && (a === undefined || a === null || a === '')) return true;
  if (typeof a !== 'number' || typeof b !== 'number' || !(Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b))))) {
    fail(`${what}: ${a} vs ${b}`); return false;
  }
  return true;
};
// csv-parse, not a split on commas: tier names may hold commas and come quoted (csvField).
const csv = (f) => parse(readFileSync(join(dir, f), 'utf8'), { relax_column_count: false });
// The CSVs write money to the currency's minor unit (README: the cent, the yen, the fils): half of it, at least the cent's 0.006.
const minorDigits = (() => { try { return new Intl.NumberFormat('en-US', { style: 'currency', currency: s.scenario.currency }).resolvedOptions().maximumFractionDigits ?? 2; } catch { return 2; } })();
const CSV_HALF = Math.max(0.006, 0.5 * 10 ** -minorDigits * (1 + 1e-9));
const PCTS = ['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'];
const stat = (st, k) => (k === 'mean' || k === 'sd' || k === 'min' || k === 'max' ? st[k] : st.percentiles?.[k]);

// 1. percentiles.csv vs summary.json
const pc = existsSync(join(dir, 'percentiles.csv')) ? csv('percentiles.csv') : [[]];
const head = pc.shift();
for (const [metric, tier, comp, statName, value] of pc) {
  let st;
  const base = tier === 'all' ? s : s.byTier[tier];
  if (comp === 'total') st = base.metrics?.[metric] ?? base[metric] ?? s.retention?.[metric] ?? (tier === 'all' ? s.customers?.[metric.replace('customers', '').toLowerCase()] : undefined);
  else if (tier === 'all') st = s.byComponent?.[metric]?.[comp];
  else if (base.componentMeans?.[metric]?.[comp] !== undefined) st = { mean: base.componentMeans[metric][comp] };
  if (!st && tier !== 'all') st = base[metric] ?? base.extras?.[metric]?.stat;
  if (!st) { if (!globalThis.warned?.[metric + tier + comp]) { (globalThis.warned ??= {})[metric + tier + comp] = 1; console.log(`skip percentiles.csv ${metric},${tier},${comp}`); } continue; }
  const v = stat(st, statName);
  if (v === undefined) continue;
  close(value === '' ? '' : Number(value), v, `percentiles.csv ${metric},${tier},${comp},${statName}`, 1e-12, CSV_HALF);
}

// 2. monthly.csv vs summary.monthly
const mc = existsSync(join(dir, 'monthly.csv')) ? csv('monthly.csv') : [[]]; const mh = mc.shift();
for (const row of mc) {
  const m = s.monthly[Number(row[0]) - 1];
  for (let i = 3; i < mh.length; i++) close(Number(row[i]), stat(m[row[2]], mh[i]), `monthly.csv ${row[0]} ${row[2]} ${mh[i]}`, 1e-12, CSV_HALF);
}
// month 12 cumulative revenue = revenue; MRR month 12 * 12 = ending ARR (mean)
close(s.monthly[11].cumulativeRevenue.mean, s.metrics.revenue.mean, 'cumulative revenue at month 12 vs revenue (mean)', 1e-6);
for (const p of PCTS) close(s.monthly[11].cumulativeRevenue.percentiles[p], s.metrics.revenue.percentiles[p], `cumulative revenue at month 12 vs revenue (${p})`, 1e-6);
close(s.monthly[11].mrr.mean * 12, s.metrics.endingArr.mean, 'MRR month 12 x 12 vs ending ARR (mean)', 1e-6);

// 3. additivity of means: tiers -> company, components -> metric
const tiers = Object.keys(s.byTier);
for (const m of ['revenue', 'bookings', 'endingArr']) {
  close(tiers.reduce((a, t) => a + s.byTier[t][m].mean, 0), s.metrics[m].mean, `sum of tiers' ${m} means`, 1e-7);
  const comps = s.byComponent[m];
  const open = m === 'bookings' ? 0 : comps.openingBook.mean;
  const compSum = Object.entries(comps).reduce((a, [k, c]) => a + (k === 'openingBook' ? 0 : c.mean), open);
  close(compSum, s.metrics[m].mean, `opening + components of ${m} (means)`, 1e-7);
  for (const t of tiers) {
    const tc = s.byTier[t].componentMeans?.[m];
    if (!tc) continue;
    close(Object.entries(tc).reduce((a, [k, c]) => a + c, 0), s.byTier[t][m].mean, `${t}: opening + components of ${m}`, 1e-7);
  }
  if (m !== 'bookings') close(tiers.reduce((a, t) => a + s.byTier[t].componentMeans[m].openingBook, 0), comps.openingBook.mean, `sum of tiers' ${m} opening book`, 1e-9);
  for (const k of Object.keys(comps)) {
    if (!tiers.every((t) => s.byTier[t].componentMeans?.[m]?.[k] !== undefined)) continue;
    close(tiers.reduce((a, t) => a + s.byTier[t].componentMeans[m][k], 0), comps[k].mean, `sum of tiers' ${m}.${k} means`, 1e-7, 1);
  }
}
close(tiers.reduce((a, t) => a + s.byTier[t].openingArr, 0), s.openingArr, 'sum of tiers opening ARR');

// 4. trials.csv: recompute
if (existsSync(join(dir, 'trials.csv'))) {
  const tr = csv('trials.csv'); const th = tr.shift();
  // Tier names are encoded in column keys as the engine encodes them (model/column-key.ts: '.' is %2E).
  const { tierKey } = await import('../dist/model/column-key.js');
  const tcol = (t, fig) => col(tierKey(t, fig));
  const col = (name) => { if (tiers.length === 1 && name.startsWith(tierKey(tiers[0], ''))) name = name.slice(tierKey(tiers[0], '').length); const i = th.indexOf(name); return i < 0 ? undefined : Float64Array.from(tr, (r) => Number(r[i])); };
  const type7 = (sorted, p) => { const h = (sorted.length - 1) * p; const lo = Math.floor(h); return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]); };
  const cmp = (xs, st, what, tol = 1e-7, abs = 0.01) => {
    if (!xs || !st) return;
    const sorted = Float64Array.from(xs).sort();
    close(xs.reduce((a, b) => a + b, 0) / xs.length, st.mean, `${what} mean (trials.csv)`, tol, abs);
    for (const p of PCTS) if (st.percentiles?.[p] !== undefined) close(type7(sorted, Number(p.slice(1)) / 100), st.percentiles[p], `${what} ${p} (trials.csv)`, tol, abs);
  };
  const n = tr.length; close(n, s.trials, 'trials.csv rows');
  for (const m of ['revenue', 'bookings', 'endingArr']) {
    const xs = col(m); cmp(xs, s.metrics[m], m);
    // A tier's column is float32, written with 7 significant digits: half a unit of the 7th digit.
    for (const t of tiers) cmp(tcol(t, m), s.byTier[t][m], `${t} ${m}`, 5e-7);
    // per trial: tiers sum to the company, opening + components sum to the metric
    const tcols = tiers.map((t) => tcol(t, m));
    const ccols = Object.keys(s.byComponent[m]).filter((k) => k !== 'openingBook').map((k) => col(`component.${m}.${k}`));
    let worstT = 0, worstC = 0;
    for (let i = 0; i < n; i++) {
      worstT = Math.max(worstT, Math.abs(tcols.reduce((a, c) => a + c[i], 0) - xs[i]) / Math.abs(xs[i]));
      if (ccols.every(Boolean)) worstC = Math.max(worstC, Math.abs(ccols.reduce((a, c) => a + c[i], m === 'bookings' ? 0 : s.byComponent[m].openingBook.mean) - xs[i]) / Math.abs(xs[i]));
    }
    checks += 2;
    if (worstT > 1e-6) fail(`per-trial sum of tiers vs ${m}: worst relative gap ${worstT}`);
    if (worstC > 1e-6) fail(`per-trial opening + components vs ${m}: worst relative gap ${worstC}`);
    for (const k of Object.keys(s.byComponent[m])) cmp(col(`component.${m}.${k}`), s.byComponent[m][k], `${m}.${k}`, 1e-6, 0.51);
    // MRR month 12 x 12 = ending ARR, per trial
    if (m === 'endingArr') { const mrr = col('mrr.12'); let w = 0; for (let i = 0; i < n; i++) w = Math.max(w, Math.abs(mrr[i] * 12 - xs[i]) / xs[i]); checks++; if (w > 1e-6) fail(`per-trial MRR12 x 12 vs ending ARR: ${w}`); }
    if (m === 'revenue') { const ms = Array.from({ length: 12 }, (_, k) => col(`mrr.${k + 1}`)); let w = 0; for (let i = 0; i < n; i++) w = Math.max(w, Math.abs(ms.reduce((a, c) => a + c[i], 0) - xs[i]) / xs[i]); checks++; if (w > 1e-6) fail(`per-trial sum of monthly MRR vs revenue: ${w}`); }
  }
  for (const k of Object.keys(s.retention ?? {})) cmp(col(k), s.retention[k], k, 1e-5);
  cmp(col('customersWon'), s.customers.won, 'customers won'); cmp(col('customersLost'), s.customers.lost, 'customers lost');
  for (let k = 1; k <= 12; k++) cmp(col(`mrr.${k}`), s.monthly[k - 1].mrr, `mrr.${k}`, 1e-6);
  // decisions
  const conf = s.decisions.confidence;
  for (const m of ['revenue', 'bookings', 'endingArr']) {
    const sorted = Float64Array.from(col(m)).sort();
    close(type7(sorted, 1 - conf), s.decisions.budgets.metrics[m].value, `budget ${m} (trials.csv)`, 1e-7, 0.01);
    for (const t of tiers) { const c = tcol(t, m); if (c) close(type7(Float64Array.from(c).sort(), 1 - conf), s.decisions.budgets.byTier[t][m].value, `budget ${t} ${m}`, 5e-7, 0.01); }
    const d = s.decisions.downside?.[m];
    if (d) {
      close(d.p10.value, s.metrics[m].percentiles.p10, `downside p10 ${m} vs metrics p10`);
      // The worst share of n trials is the lowest ceil(share x n), at least 1 (README: 2 trials from 11 and 21).
      const k10 = Math.max(1, Math.ceil(n * 0.1)), k5 = Math.max(1, Math.ceil(n * 0.05));
      const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
      close(mean(Array.from(sorted.slice(0, k10))), d.worst10Mean, `worst 10% mean ${m}`, 1e-6, 0.01);
      close(mean(Array.from(sorted.slice(0, k5))), d.worst5Mean, `worst 5% mean ${m}`, 1e-6, 0.01);
    }
  }
  for (const t of s.decisions.targets ?? []) {
    const c = t.tier ? tcol(Object.keys(s.byTier).find((k) => k.normalize('NFC').trim().toLowerCase() === t.tier.normalize('NFC').trim().toLowerCase()) ?? t.tier, t.metric) : col(t.metric);
    if (!c) { console.log('skip target', JSON.stringify(t).slice(0, 100)); continue; }
    // A tier's metric is float32: compared with the target as float32 stores it (analysis/target-threshold.ts).
    const at = t.tier && tiers.length > 1 ? Math.fround(t.value) : t.value;
    const hit = c.filter((v) => (t.direction === 'atMost' ? v <= at : v >= at)).length;
    close(hit / n, t.probability.value, `P(target ${t.label ?? t.metric})`);
  }
  if (s.badYears) {
    const xs = col('revenue'); const idx = Array.from(xs.keys()).sort((a, b) => xs[a] - xs[b] || a - b).slice(0, s.badYears.trials);
    close(idx.reduce((a, i) => a + xs[i], 0) / idx.length, s.badYears.metrics.revenue.worstMean, 'bad years revenue worstMean', 1e-6, 0.01);
    close(s.badYears.metrics.revenue.worstMean, s.decisions.downside.revenue.worst10Mean, 'bad years worstMean vs downside worst10Mean', 1e-9);
  }
}

// 5. sipmath metadata vs summary
if (existsSync(join(dir, 'sipmath.json'))) {
  const sip = JSON.parse(readFileSync(join(dir, 'sipmath.json'), 'utf8'));
  for (const x of sip.sips) {
    const { tierKey } = await import('../dist/model/column-key.js');
    const tier = x.name.startsWith('tier.') ? Object.keys(s.byTier).find((t) => x.name.startsWith(tierKey(t, ''))) : undefined;
    const st = tier !== undefined ? s.byTier[tier]?.[x.name.slice(tierKey(tier, '').length)] : s.metrics[x.name] ?? s.retention?.[x.name];
    if (!st) { console.log('skip sip ' + x.name); continue; }
    const md = x.metadata;
    close(md.count, s.trials, `sip ${x.name} count`); close(md.mean, st.mean, `sip ${x.name} mean`); close(md.std, st.sd, `sip ${x.name} sd`);
    for (const p of PCTS) close(md['P' + p.slice(1)], st.percentiles[p], `sip ${x.name} ${p}`);
    const vals = x.arguments.value; close(vals.length, s.trials, `sip ${x.name} length`);
    close(vals.reduce((a, b) => a + b, 0) / vals.length, st.mean, `sip ${x.name} values mean`, 1e-7, 0.01);
  }
}

// 6. report.xlsx vs summary
if (existsSync(join(dir, 'report.xlsx'))) {
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(join(dir, 'report.xlsx'));
  const rows = (name) => { const out = []; wb.getWorksheet(name)?.eachRow((r) => out.push(r.values.slice(1).map((c) => (c && typeof c === 'object' ? c.result ?? c : c)))); return out; };
  const label = { 'Recognized revenue': 'revenue', Bookings: 'bookings', 'Ending ARR': 'endingArr' };
  const cols = ['mean', 'sd', ...PCTS];
  for (const r of rows('Summary')) if (label[r[0]] && typeof r[1] === 'number') cols.forEach((c, i) => (r[i + 1] === 'n/a' && stat(s.metrics[label[r[0]]], c) === null ? checks++ : close(r[i + 1], stat(s.metrics[label[r[0]]], c), `xlsx Summary ${r[0]} ${c}`)));
  // The new-ARR line under bookings: bookings' new-business component (its sd n/a, as the lines above, when not estimable).
  for (const r of rows('Summary')) if (String(r[0]).trim() === 'of which new ARR (new customers)' && typeof r[1] === 'number') cols.forEach((c, i) => (r[i + 1] === 'n/a' && stat(s.byComponent.bookings.newBusiness, c) === null ? checks++ : close(r[i + 1], stat(s.byComponent.bookings.newBusiness, c), `xlsx Summary new ARR ${c}`)));
  const compKey = {};
  for (const r of rows('Percentiles')) {
    const m = label[r[0]]; if (!m || typeof r[3] !== 'number') continue;
    let st;
    if (r[2] === 'Total') st = r[1] === 'All tiers' ? s.metrics[m] : s.byTier[r[1]]?.[m];
    else { const key = Object.keys(s.byComponent[m]).find((k) => k.toLowerCase() === r[2].toLowerCase().replace(/[^a-z]/g, '') || (r[2].startsWith('Opening') && k === 'openingBook') || (r[2] === 'Renewals' && k === 'renewal')); st = key && (r[1] === 'All tiers' ? s.byComponent[m][key] : undefined); if (!key) compKey[r[2]] = 1; }
    if (!st) { console.log('skip xlsx Percentiles ' + r.slice(0, 3)); continue; }
    // An sd that is not estimable (one trial) is null in summary.json and n/a in the workbook.
    cols.forEach((c, i) => (r[i + 3] === 'n/a' && stat(st, c) === null ? checks++ : close(r[i + 3], stat(st, c), `xlsx Percentiles ${r.slice(0, 3)} ${c}`)));
  }
  for (const r of rows('Monthly')) {
    if (typeof r[1] !== 'number') continue; const m = s.monthly[r[1] - 1];
    close(r[0], m.label, `xlsx Monthly label ${r[1]}`);
    [['mrr', 'p10'], ['mrr', 'p50'], ['mrr', 'p90'], ['mrr', 'mean'], ['cumulativeRevenue', 'p10'], ['cumulativeRevenue', 'p50'], ['cumulativeRevenue', 'p90']].forEach(([k, c], i) => close(r[i + 2], stat(m[k], c), `xlsx Monthly ${r[1]} ${k} ${c}`));
  }
  for (const r of rows('Targets and budgets')) {
    const m = label[r[1]];
    if (String(r[0]).startsWith('Budget') && m) { close(r[2], s.decisions.budgets.metrics[m].value, `xlsx budget ${m}`); if (s.decisions.budgets.metrics[m].interval) close(r[4], s.decisions.budgets.metrics[m].interval[0], `xlsx budget lo ${m}`); }
    if (String(r[0]).startsWith('1-in-10') && m) close(r[2], s.metrics[m].percentiles.p10, `xlsx P10 ${m}`);
    if (String(r[0]).startsWith('1-in-20') && m) close(r[2], s.metrics[m].percentiles.p5, `xlsx P5 ${m}`);
    if (String(r[0]).startsWith('Mean of the worst 10') && m) close(r[2], s.decisions.downside[m].worst10Mean, `xlsx worst10 ${m}`);
    if (String(r[0]).startsWith('Mean of the worst 5') && m) close(r[2], s.decisions.downside[m].worst5Mean, `xlsx worst5 ${m}`);
  }
}
// A shown figure as [value, half of its last digit's unit]: '$111.8M' -> [111.8e6, 0.05e6]; '63.3%' -> [0.633, 0.0005].
const shown = (text) => {
  const pct = text.match(/^(-?)(\d+)(?:\.(\d+))?%$/);
  if (pct) return [Number(text.slice(0, -1)) / 100, 0.5 * 10 ** -(pct[3]?.length ?? 0) / 100];
  const m = text.match(/^(-?)[^\d-]*?(\d+)(?:\.(\d+))?([kMBT]?)$/);
  if (!m) return undefined;
  const unit = { '': 1, k: 1e3, M: 1e6, B: 1e9, T: 1e12 }[m[4]];
  return [(m[1] ? -1 : 1) * Number(`${m[2]}.${m[3] ?? ''}`) * unit, 0.5 * 10 ** -(m[3]?.length ?? 0) * unit];
};

// 7. report.html's headline, by-tier and by-component tables vs summary: each figure is its summary.json
// value rounded to the digits shown (three significant, or more where a row's neighbours need them: a
// re-forecast's narrow band reads $111.4M, $112.5M, not $111M, $112M; comparing with three digits failed those).
if (existsSync(join(dir, 'report.html'))) {
  const h = readFileSync(join(dir, 'report.html'), 'utf8');
  const tables = [...h.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((t) => [...t[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim())));
  const LABEL = { 'Recognized revenue': 'revenue', Bookings: 'bookings', 'Ending ARR': 'endingArr' };
  const COMP = { openingBook: 'Opening book (flat)', newBusiness: 'New business', newCustomerExpansion: 'New-customer expansion', existingExpansion: 'Existing expansion', priceUplift: 'Price uplift', contraction: 'Contraction', churn: 'Churn', renewal: 'Renewals' };
  for (const t of tables) {
    let group;
    for (const r of t) {
      if (r.length === 1 && LABEL[r[0]]) { group = LABEL[r[0]]; continue; }
      if (r.length !== 5) continue;
      let st;
      if (LABEL[r[0]] && t[0][0] === 'Metric') st = s.metrics[LABEL[r[0]]];
      else if (r[0] === 'of which new ARR (new customers)') st = s.byComponent.bookings.newBusiness;
      else if (group && t[0][0] === 'Tier') st = s.byTier[r[0]]?.[group];
      else if (group && t[0][0] === 'Component') { const k = Object.keys(s.byComponent[group]).find((k) => COMP[k] === r[0]); st = k && s.byComponent[group][k]; }
      if (!st) continue;
      [st.mean, st.percentiles.p10, st.percentiles.p50, st.percentiles.p90].forEach((value, j) => {
        checks++;
        const v = shown(r[j + 1]);
        if (!v || !(Math.abs(v[0] - value) <= v[1] * (1 + 1e-9))) fail(`report.html ${group ?? ''} ${r[0]} ${t[0][j + 1]}: ${r[j + 1]} is not ${value} rounded`);
      });
    }
  }
}
// 8. report.html's budgets, downside and targets tables: each figure read back from the page is its
// summary.json value rounded to the digits shown, and lies inside the 95% interval shown beside it.
if (existsSync(join(dir, 'report.html'))) {
  const h = readFileSync(join(dir, 'report.html'), 'utf8');
  const tables = [...h.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((t) => [...t[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim())));
  const figure = (cell, interval, value, what) => {
    checks++;
    const v = shown(cell);
    if (!v) return fail(`report.html ${what}: cannot read ${cell}`);
    if (!(Math.abs(v[0] - value) <= v[1] * (1 + 1e-9))) fail(`report.html ${what}: ${cell} is not ${value} rounded`);
    if (interval && interval !== '-') {
      const [lo, hi] = interval.slice(1, -1).split(', ').map(shown);
      checks++;
      if (!lo || !hi || v[0] < lo[0] || v[0] > hi[0]) fail(`report.html ${what}: ${cell} shown outside its interval ${interval}`);
    }
  };
  const LABEL = { 'Recognized revenue': 'revenue', Bookings: 'bookings', 'Ending ARR': 'endingArr' };
  const d = s.decisions;
  for (const t of tables) {
    const head = t[0]?.join('|');
    if (head === 'Metric|Budget|95% interval') for (const r of t.slice(1)) if (LABEL[r[0]]) figure(r[1], r[2], d.budgets.metrics[LABEL[r[0]]].value, `budget ${r[0]}`);
    if (head === 'Metric and figure|Value|95% interval')
      for (const r of t.slice(1)) {
        const [label, what] = r[0].split(': ');
        const m = LABEL[label];
        if (!m) continue;
        const value = what.startsWith('1-in-10') ? d.downside[m].p10.value : what.startsWith('1-in-20') ? s.metrics[m].percentiles.p5 : what.startsWith('Mean of the worst 10%') ? d.downside[m].worst10Mean : d.downside[m].worst5Mean;
        figure(r[1], r[2], value, `downside ${r[0]}`);
      }
    if (head?.startsWith('Target|P(reach)|95% interval'))
      for (const r of t.slice(1)) {
        const target = r[0] === 'All targets in the same year' ? d.jointProbability : d.targets.find((x) => x.label === r[0])?.probability;
        if (target) figure(r[1], r[2], target.value, `P(${r[0]})`);
        else console.log(`skip report.html target row ${r[0]}`);
      }
  }
}
console.log(`${dir}: ${checks} checks, ${failures} failures`);
process.exitCode = failures ? 1 : 0;
