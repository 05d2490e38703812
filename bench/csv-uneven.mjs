#!/usr/bin/env node
// readCsv of texts csv-parse found costly (rows of uneven width, blank lines) and of a clean file, 3 times each.
// Usage, after `npm run build`: node bench/csv-uneven.mjs [DIST] (DIST: another build, e.g. a copy of dist/ made before a change)
const dist = (await import("node:url")).pathToFileURL((await import("node:path")).resolve(process.argv[2] ?? new URL("../dist", import.meta.url).pathname)).href;
const { readCsv } = await import(`${dist}/scenario/csv-table.js`);
const cols = [{ name: 'id', required: true }, { name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }];
const rows = (f) => Array.from({ length: 100000 }, (_, i) => f(i)).join('\n') + '\n';
const cases = {
  'clean 100k': 'id,a,b,c,d\n' + rows((i) => `c${i},1,2,3,4`),
  '250k blank lines': 'id,a,b,c,d\n' + '\n'.repeat(250000) + 'c1,1,2,3,4\n',
  'blank then 100k rows': '\nid,a,b,c,d\n' + rows((i) => `c${i},1,2,3,4`),
  '100k short rows': 'id,a,b,c,d\n' + rows((i) => `c${i},1,2,3`),
  '100k long rows': 'id,a,b,c,d\n' + rows((i) => `c${i},1,2,3,4,5`),
  '100k form feeds': 'id,a,b,c,d\n' + rows(() => '\f') + 'c1,1,2,3,4\n',
};
for (const [name, text] of Object.entries(cases)) {
  const times = [];
  for (let k = 0; k < 3; k++) { const s = performance.now(); try { readCsv(text, 'b.csv', cols, 'customers').failed; } catch {} times.push(performance.now() - s); }
  console.log(name.padEnd(22), times.map((t) => t.toFixed(0)).join(' '), 'ms');
}
