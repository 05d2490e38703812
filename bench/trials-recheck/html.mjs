import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { readTrials, pct, mean, parseMoney, parsePct, parseCount, agree, done } from './lib.mjs';
const [dir, openingArr] = process.argv.slice(2);
const T = readTrials(`${dir}/trials.csv`);
const tables = JSON.parse(execFileSync('python3', [new URL('./htmltables.py', import.meta.url).pathname, `${dir}/report.html`], { encoding: 'utf8', maxBuffer: 1e8 }));
const METRIC = { 'Recognized revenue': 'revenue', Bookings: 'bookings', 'Ending ARR': 'endingArr' };
const COMP = { 'New business': 'newBusiness', 'New-customer expansion': 'newCustomerExpansion', Renewals: 'renewal', 'Existing expansion': 'existingExpansion', 'Price uplift': 'priceUplift', Contraction: 'contraction', Churn: 'churn' };
const PS = { P10: 0.1, P50: 0.5, P90: 0.9 };
const parseAny = (s) => parseMoney(s) ?? parsePct(s) ?? parseCount(s);
const stats = (head, row, xs, what, parser = parseAny) => { if (!xs) { console.log("NO COLUMN", what, JSON.stringify(row)); return; } head.forEach((h, j) => { if (j === 0) return; const t = h === 'Mean' ? mean(xs) : pct(xs, PS[h]); agree(parser(row[j]), t, `${what} ${h}`); }); };
const sorted = (xs) => xs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
for (const tb of tables) {
  const head = tb.rows[0]; let group = null;
  for (const row of tb.rows.slice(1)) {
    if (row.length === 1) { group = row[0]; continue; }
    if (tb.heading === 'Headline') stats(head, row, T[METRIC[row[0]]], `html headline ${row[0]}`);
    else if (tb.heading === 'By tier') stats(head, row, T[`tier.${row[0]}.${METRIC[group]}`], `html by tier ${group}/${row[0]}`);
    else if (tb.heading === 'By component') {
      if (row[0].startsWith('Opening book')) { for (const c of row.slice(1)) agree(parseMoney(c), Number(openingArr), 'html opening'); continue; }
      stats(head, row, T[`component.${METRIC[group]}.${COMP[row[0]]}`], `html by component ${group}/${row[0]}`);
    } else if (tb.heading === 'Retention and customers') {
      const key = { 'Gross revenue retention (GRR)': 'grr', 'Net revenue retention (NRR)': 'nrr', 'Logo renewal (customers renewed / customers due)': 'logoRenewal', 'Dollar renewal (ARR renewed / ARR due)': 'dollarRenewal', 'Customers won': 'customersWon', 'Customers lost': 'customersLost' }[group];
      if (!key) { console.log('unknown group', group); continue; }
      const col = row[0] === 'All tiers' ? key : `tier.${row[0]}.${key}`;
      if (!T[col]) { console.log('no col', col); continue; }
      stats(head, row, T[col], `html retention ${group}/${row[0]}`);
    } else if (tb.heading === 'What the bad years are made of') {
      const [m, c] = row[0].split(': '); const metric = METRIC[m]; const xs = T[metric]; const k = Math.ceil(0.1 * xs.length - 1e-9);
      const worst = sorted(xs).slice(0, k).map(([, i]) => i);
      const comp = T[`component.${metric}.${COMP[c]}`];
      const all = mean(comp), bad = mean(worst.map((i) => comp[i]));
      agree(parseMoney(row[1]), all, `bad years ${row[0]} all`); agree(parseMoney(row[2]), bad, `bad years ${row[0]} bad`);
      agree(parseMoney(row[3]), all - bad, `bad years ${row[0]} shortfall`);
      const total = mean(xs) - mean(worst.map((i) => xs[i]));
      agree(parsePct(row[4]), (all - bad) / total, `bad years ${row[0]} share`);
    }
  }
}
done();
