#!/usr/bin/env node
// Peak memory (maximum resident set size, /usr/bin/time -f %M) of reading the largest inputs the
// limits allow (issue 10, class 6): a customer book at MAX_BOOK_ROWS rows and just under
// MAX_BOOK_BYTES, and scenario files at MAX_SCENARIO_BYTES / MAX_EXPANDED_VALUES / MAX_EMPIRICAL_VALUES.
// Run: npm run build --silent && node bench/input-limits.mjs (needs GNU time at /usr/bin/time).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { MAX_BOOK_BYTES, MAX_BOOK_ROWS, MAX_EMPIRICAL_VALUES, MAX_EXPANDED_VALUES, MAX_SCENARIO_BYTES } = await import(join(root, 'dist/scenario/limits.js'));
const cli = join(root, 'dist/cli/main.js');
const minimal = readFileSync(join(root, 'test/fixtures/minimal.yaml'), 'utf8');
const withAcv = (acv) => minimal.replace('acv: { dist: lognormal, mean: 12000, sd: 4000 }', `acv: ${acv}`);

/** MAX_BOOK_ROWS customers, ids padded so the file is just under MAX_BOOK_BYTES. */
function largestBook() {
  let x = 1;
  const u = () => (x = (x * 48271) % 2147483647) / 2147483647;
  const header = 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator\n';
  const tails = [];
  for (let i = 0; i < MAX_BOOK_ROWS; i++) {
    const r = u();
    const term = r < 0.7 ? 12 : r < 0.8 ? 24 : r < 0.9 ? 36 : 1;
    tails.push(`,Book,${Math.round(20000 * u())},${term === 1 ? '' : 1 + Math.floor(u() * term)},${term},${Math.floor(u() * 6)},${(0.3 + 0.7 * u()).toFixed(2)},${term >= 24 ? '0.05' : ''}`);
  }
  const rest = tails.reduce((n, t) => n + t.length + 1, header.length);
  const id = Math.floor((MAX_BOOK_BYTES - rest) / MAX_BOOK_ROWS);
  return header + tails.map((t, i) => `c${String(i).padStart(id - 1, '0')}${t}`).join('\n') + '\n';
}

const BOOK_SCENARIO = `name: largest book
fiscalYear: 2027
tiers:
  - name: Book
    existing:
      customersFile: book.csv
      renewalRate: { dist: beta, mean: 0.88, sd: 0.03 }
`;

const dir = mkdtempSync(join(tmpdir(), 'arrcast-bench-limits-'));
const measure = (label, args) => {
  const r = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, cli, ...args], { encoding: 'utf8', cwd: dir });
  const [kb, s] = r.stderr.trim().split('\n').at(-1).split(' ');
  const said = (r.stdout + r.stderr).split('\n')[0].slice(0, 110);
  console.log(`| ${label} | \`arrcast ${args.join(' ').replaceAll(dir + '/', '')}\` | ${Math.round(Number(kb) / 1024)} MB | ${s} s | exit ${r.status}: ${said.replaceAll(dir + '/', '')} |`);
};
try {
  writeFileSync(join(dir, 'book.csv'), largestBook());
  writeFileSync(join(dir, 'book.yaml'), BOOK_SCENARIO);
  writeFileSync(join(dir, 'empirical.yaml'), withAcv(`{ dist: empirical, values: [${Array(MAX_EMPIRICAL_VALUES).fill('12345.125').join(',')}] }`));
  writeFileSync(join(dir, 'values.yaml'), withAcv(`{ dist: empirical, values: [${Array(MAX_EXPANDED_VALUES - 100).fill('x').join(',')}] }`));
  writeFileSync(join(dir, 'million.yaml'), withAcv(`{ dist: empirical, values: [${Array(1_000_000).fill('x').join(',')}] }`));
  console.log(`book.csv: ${statSync(join(dir, 'book.csv')).size.toLocaleString('en-US')} bytes (limit ${MAX_BOOK_BYTES.toLocaleString('en-US')}), ${MAX_BOOK_ROWS.toLocaleString('en-US')} rows`);
  for (const f of ['empirical.yaml', 'values.yaml', 'million.yaml'])
    console.log(`${f}: ${statSync(join(dir, f)).size.toLocaleString('en-US')} bytes (limit ${MAX_SCENARIO_BYTES.toLocaleString('en-US')})`);
  console.log('| input | command | peak RSS | time | outcome |\n|---|---|---|---|---|');
  measure('largest book', ['validate', 'book.yaml']);
  measure('largest book, run', ['run', 'book.yaml', '--trials', '200', '--workers', '0', '--quiet', '--no-progress', '--out', 'r']);
  measure('largest empirical', ['validate', 'empirical.yaml']);
  measure('most values', ['validate', 'values.yaml']);
  measure('a million values', ['validate', 'million.yaml']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
