#!/usr/bin/env node
// Binomial draws a trial by call site and method (inversion below n min(p, 1 - p) = 10, BTRS above),
// with their mean n min(p, 1 - p): Binomial.prototype.draw of a build wrapped to record its caller
// (slow: a stack trace a draw; counting only). Usage, after `npm run build`:
//   node bench/binomial-sites.mjs SCENARIO|book [--dist DIR] [--chunks N]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchScenario, chunkRunner } from './chunk-runner.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = opt('--dist', 'dist');
const chunks = Number(opt('--chunks', 3));
const { Binomial } = await import(`${pathToFileURL(resolve(dist)).href}/random/binomial.js`);
const sites = new Map();
const draw = Binomial.prototype.draw;
Binomial.prototype.draw = function (n) {
  // The same module instance the model imports: every draw of the chunks below passes here.
  if (!(n === 0 || this.p <= 0 || this.p >= 1)) {
    const caller = new Error().stack
      .split('\n')
      .slice(2, 4)
      .map((l) => l.trim().replace(/^at /, '').replace(/\(file:.*\/(model|random)\//, '($1/').replace(/:\d+\)$/, ')'))
      .join(' < ');
    const key = `${n * this.e < 10 ? 'inversion' : 'btrs'} ${caller}`;
    const s = sites.get(key) ?? { draws: 0, ne: 0 };
    s.draws++;
    s.ne += n * this.e;
    sites.set(key, s);
  }
  return draw.call(this, n);
};
const { file, cleanup } = benchScenario(args[0]);
try {
  const run = await chunkRunner(dist, file, 0);
  for (let c = 0; c < chunks; c++) run(c);
  const trials = chunks * 1000;
  for (const [key, s] of [...sites].sort((a, b) => b[1].draws - a[1].draws))
    console.log(`${(s.draws / trials).toFixed(1).padStart(6)} a trial, mean n e ${(s.ne / s.draws).toFixed(1).padStart(6)}  ${key}`);
} finally {
  cleanup();
}
