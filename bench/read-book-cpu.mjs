// CPU time of reading a generated customer book (readCustomerBooks, in process): the reader's good
// path, to check that a change to the CSV readers costs a valid file nothing.
// Usage: node bench/read-book-cpu.mjs [DIST_DIR] [ROWS]   (DIST_DIR default: ./dist; ROWS default 100000)
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const rows = Number(process.argv[3] ?? 100_000);
const { readCustomerBooks } = await import(pathToFileURL(resolve(dist, 'scenario/customer-book.js')).href);
const lines = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator'];
for (let i = 0; i < rows; i++) lines.push(`c-${i},${i % 3 === 0 ? 'SMB' : 'Mid'},${1000 + (i % 977) * 13.5},${1 + (i % 12)},${i % 2 ? 12 : 24},${i % 4},0.${i % 10},${i % 2 ? '' : '0.03'}`);
const bytes = Buffer.from(`${lines.join('\n')}\n`);
const times = [];
for (let k = 0; k < 7; k++) {
  const t0 = process.cpuUsage();
  readCustomerBooks(bytes, 'b.csv', ['SMB', 'Mid'], ['SMB', 'Mid'], { startMonth: 1 });
  const t = process.cpuUsage(t0);
  times.push((t.user + t.system) / 1000);
}
times.sort((a, b) => a - b);
console.log(`${rows} rows, ${bytes.length} bytes: median CPU ${times[3].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)}) over 7 reads`);
