// CPU time to refuse a long text that is no number (readHumanNumber, run on every number field's text,
// the command line's and the studio's): '1', N spaces, then 'x' or 'USD'. Linear since the currency-code
// pattern gave way to slicing (src/scenario/currency-code.ts); before, N = 40,000 took seconds.
// Usage: npm run build && node bench/long-number-text.mjs [DIST=dist] [N=40000]
import { cpuUsage } from 'node:process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname);
const n = Number(process.argv[3] ?? 40000);
const { readHumanNumber } = await import(pathToFileURL(`${dist}/scenario/human-number.js`).href);
for (const [name, text] of [['spaces then x', `1${' '.repeat(n)}x`], ['spaces then USD', `1${' '.repeat(n)}USD`]]) {
  const start = cpuUsage();
  const r = readHumanNumber(text, 'amount');
  const d = cpuUsage(start);
  console.log(`${n} ${name}: ${((d.user + d.system) / 1000).toFixed(1)} ms CPU (${r.ok ? 'read' : 'refused'})`);
}
