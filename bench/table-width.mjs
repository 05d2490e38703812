// CPU of the CLI's text tables (textTable): a 41-row table of 9 cells, with plain ASCII names and
// with an emoji or CJK name in every row, measured by display width (src/report/display-width.ts).
// Also the time to import the width module and to measure the first non-ASCII text (made lazily).
// Usage: npm run build --silent && node bench/table-width.mjs [DIST]   (DIST: a built dist/, default dist)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const at = (file) => pathToFileURL(resolve(dist, file)).href;
const t0 = performance.now();
const width = await import(at('report/display-width.js')).catch(() => import(at('report/terminal-text.js')));
const imported = performance.now() - t0;
width.displayWidth('Dev 👩\u200d💻');
console.log(`import ${imported.toFixed(2)} ms, first emoji measured in ${(performance.now() - t0 - imported).toFixed(2)} ms`);

const { textTable } = await import(at('report/format.js'));
const names = { ascii: ['Enterprise', 'Mid-market', 'SMB', 'Opening book (flat)'], wide: ['Dev 👩\u200d💻', '🇯🇵 Japan', '中小企業', 'Cafe\u0301'] };
for (const [kind, list] of Object.entries(names)) {
  const rows = [['', 'mean', 'P5', 'P10', 'P25', 'P50', 'P75', 'P90', 'P95'], ...Array.from({ length: 40 }, (_, i) => [`  ${list[i % 4]}`, ...Array.from({ length: 8 }, (_, j) => `${(i * 7 + j) % 900}.${j}k`)])];
  for (let i = 0; i < 200; i++) textTable(rows);
  const n = 2000;
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) textTable(rows);
  const used = process.cpuUsage(before);
  console.log(`${kind} names: ${((used.user + used.system) / n).toFixed(1)} us CPU a 41-row table`);
}
