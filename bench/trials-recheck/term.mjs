// Check the terminal summary of `arrcast run` against trials.csv, independently.
import { readFileSync } from 'node:fs';
import { readTrials, pct, mean, parseMoney, parsePct, parseCount, agree, done } from './lib.mjs';
const [termFile, trialsFile, openingArr] = process.argv.slice(2);
const T = readTrials(trialsFile);
const lines = readFileSync(termFile, 'utf8').split('\n');
const P = { P5: 0.05, P10: 0.1, P25: 0.25, P50: 0.5, P75: 0.75, P90: 0.9, P95: 0.95 };
const METRIC = { 'Recognized revenue': 'revenue', Bookings: 'bookings', 'Ending ARR': 'endingArr' };
const COMP = { 'New business': 'newBusiness', 'New-customer expansion': 'newCustomerExpansion', Renewals: 'renewal', 'Existing expansion': 'existingExpansion', 'Price uplift': 'priceUplift', Contraction: 'contraction', Churn: 'churn' };
let section = null, sub = null, header = null;
const checkRow = (label, cells, col, parser) => {
  const xs = T[col];
  if (!xs) { console.log('no column', col, 'for', label); return; }
  header.forEach((h, j) => {
    const truth = h === 'mean' ? mean(xs) : pct(xs, P[h]);
    agree(parser(cells[j]), truth, `${section} ${label} ${h}`);
  });
};
for (const line of lines) {
  if (/^\s*$/.test(line)) { section = null; continue; }
  const mh = /^(.*?)\s+mean\s+P5\s+P10\s+P25\s+P50\s+P75\s+P90\s+P95\s*$/.exec(line);
  if (mh) { section = mh[1].trim(); header = ['mean', 'P5', 'P10', 'P25', 'P50', 'P75', 'P90', 'P95']; sub = null; continue; }
  if (section === null) continue;
  if (/^(by tier|by component)$/.test(line.trim())) { sub = line.trim(); continue; }
  const toks = line.trim().split(/\s+/);
  if (toks.length < 9) continue;
  const cells = toks.slice(-8); const label = line.slice(0, line.length).replace(/\s+(\S+\s+){7}\S+\s*$/, '').trim();
  const sm = /^(Recognized revenue|Bookings|Ending ARR) \(/.exec(section);
  if (section === '') { checkRow(label, cells, METRIC[label], parseMoney); continue; }
  if (sm) {
    const m = METRIC[sm[1]];
    if (sub === 'by tier') checkRow(label, cells, `tier.${label}.${m}`, parseMoney);
    else if (label === 'Opening book (flat)') { for (const c of cells) agree(parseMoney(c), Number(openingArr), `${m} opening book`); }
    else checkRow(label, cells, `component.${m}.${COMP[label]}`, parseMoney);
    continue;
  }
  if (section === 'Retention and customers') {
    const map = { GRR: 'grr', NRR: 'nrr', 'Logo renewal (customers renewed / due)': 'logoRenewal', 'Dollar renewal (ARR renewed / due)': 'dollarRenewal', 'Customers won': 'customersWon', 'Customers lost': 'customersLost' };
    let col = map[label];
    const tm = /^(.*) (GRR|NRR|logo renewal|dollar renewal)$/.exec(label);
    if (!col && tm) col = `tier.${tm[1]}.${{ GRR: 'grr', NRR: 'nrr', 'logo renewal': 'logoRenewal', 'dollar renewal': 'dollarRenewal' }[tm[2]]}`;
    checkRow(label, cells, col, col.includes('customers') ? parseCount : parsePct);
  }
}
done();
// Budgets, downside, targets
{
  const conf = Number(process.env.CONF ?? 0.8);
  const sortd = (xs) => xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const worstMean = (xs, share) => { const a = sortd(xs); const k = Math.ceil(share * a.length - 1e-9); return mean(a.slice(0, k)); };
  let sec = null;
  const tgtCol = (label) => {
    const m = /^(?:(.*) )?(revenue|bookings|ending ARR) >= (\S+)$/.exec(label);
    if (!m) return null;
    const metric = m[2] === 'ending ARR' ? 'endingArr' : m[2];
    return { col: m[1] ? `tier.${m[1]}.${metric}` : metric, target: parseMoney(m[3]).value };
  };
  for (const line of lines) {
    if (/^\s*$/.test(line)) { sec = null; continue; }
    if (/^Budget at/.test(line)) { sec = 'budget'; continue; }
    if (/^Downside\s+P10/.test(line)) { sec = 'downside'; continue; }
    if (/^Targets\s+P\(reach\)/.test(line)) { sec = 'targets'; continue; }
    if (!sec) continue;
    if (sec === 'budget') {
      const m = /^(.*?)\s{2,}(\S+)\s+\[(\S+), (\S+)\]$/.exec(line.trim()); if (!m) continue;
      agree(parseMoney(m[2]), pct(T[METRIC[m[1]]], 1 - conf), `budget ${m[1]}`);
    } else if (sec === 'downside') {
      const m = /^(.*?)\s{2,}(\S+)\s+(\S+)\s+(\S+)$/.exec(line.trim()); if (!m) continue;
      const xs = T[METRIC[m[1]]];
      agree(parseMoney(m[2]), pct(xs, 0.1), `downside P10 ${m[1]}`);
      agree(parseMoney(m[3]), worstMean(xs, 0.1), `downside worst10 ${m[1]}`);
      agree(parseMoney(m[4]), worstMean(xs, 0.05), `downside worst5 ${m[1]}`);
    } else if (sec === 'targets') {
      const m = /^(.*?)\s{2,}(\S+)\s+\[(\S+), (\S+)\](?:\s+(\S+)\s+(\S+))?$/.exec(line.trim()); if (!m) continue;
      const t = tgtCol(m[1]); if (!t) { if (!/^All targets/.test(m[1])) console.log('unmapped target', m[1]); continue; }
      const xs = T[t.col].filter((x) => !Number.isNaN(x));
      const p = xs.filter((x) => x >= t.target).length / xs.length;
      agree(parsePct(m[2]), p, `target ${m[1]} P(reach)`);
      const missed = xs.filter((x) => x < t.target);
      if (m[5] && missed.length) agree(parseMoney(m[5]), mean(missed.map((x) => t.target - x)), `target ${m[1]} gap`);
      if (m[6]) agree(parseMoney(m[6]), pct(xs, 0.1) - t.target, `target ${m[1]} P10-target`);
    }
  }
  done();
}
