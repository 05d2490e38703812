#!/usr/bin/env node
// What a trial of the kernel does, counted: sfc32 outputs generated, exact lognormal sums (calls, deals, the
// exps they take, by deal count), binomial inversions and btrs draws with the setups (log1p, exp, sqrt) they
// recompute, and which of those come from a lag's fixed-p binomial. Counters are added with string patches
// to a copy of a build (each patch checked: a pattern that is gone stops the script), then CHUNKS chunks of
// 1,000 trials run after 3 warm-up chunks. Usage, after `npm run build`:
//   node bench/kernel-counts.mjs [SCENARIO|book] [--dist DIR] [--chunks N]
// The copy sits in a temporary folder beside a node_modules link to this checkout's and is removed after.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchScenario, chunkRunner } from './chunk-runner.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const dist = resolve(opt('--dist', 'dist'));
const chunks = Number(opt('--chunks', 5));
const { file, cleanup } = benchScenario(args[0]);
const dir = mkdtempSync(join(tmpdir(), 'arrcast-kernel-counts-'));

/** Replace `from` by `to` once in a copied file; stop when the pattern is not there. */
function patch(path, from, to) {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`kernel-counts: pattern not found in ${path}: ${from.split('\n')[0]}`);
  writeFileSync(path, text.replace(from, to));
}

const C = 'globalThis.__kc';
const fresh = () => ({
  outputs: 0,
  sums: 0,
  sumDeals: 0,
  sumsByDeals: new Array(17).fill(0),
  inversions: 0,
  inversionExp: 0,
  inversionLog1p: 0,
  btrs: 0,
  btrsSetup: 0,
  fixedInversions: 0,
  fixedBtrs: 0,
  setP: 0,
});
try {
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  const d = join(dir, 'dist');
  patch(join(d, 'random/source.js'), 'function sfc32Block(s, out, start, n) {', `function sfc32Block(s, out, start, n) { ${C}.outputs += n;`);
  patch(join(d, 'random/source.js'), 'function sfc32Uniforms(s, out, start, n) {', `function sfc32Uniforms(s, out, start, n) { ${C}.outputs += n;`);
  patch(join(d, 'random/normal.js'), '        fill(bits, n);\n        let s = 0;', `        fill(bits, n);\n        ${C}.sums++; ${C}.sumDeals += n; ${C}.sumsByDeals[Math.min(n, 16)]++;\n        let s = 0;`);
  patch(join(d, 'random/binomial.js'), '        if (Number.isNaN(this.logQ))\n            this.logQ = Math.log1p(-p);\n        if (n !== this.invN) {', `        ${C}.inversions++; if (this.fixed) ${C}.fixedInversions++;\n        if (Number.isNaN(this.logQ))\n            { this.logQ = Math.log1p(-p); ${C}.inversionLog1p++; }\n        if (n !== this.invN) { ${C}.inversionExp++;`);
  patch(join(d, 'random/binomial.js'), '        if (n !== this.btrsN) {', `        ${C}.btrs++; if (this.fixed) ${C}.fixedBtrs++;\n        if (n !== this.btrsN) { ${C}.btrsSetup++;`);
  patch(join(d, 'random/binomial.js'), '    setP(p) {', `    setP(p) { ${C}.setP++;`);
  patch(join(d, 'model/lag-splitter.js'), 'b.setP(p);', 'b.setP(p); b.fixed = true;');
  globalThis.__kc = fresh();
  const run = await chunkRunner(d, file, 3);
  globalThis.__kc = fresh();
  for (let c = 0; c < chunks; c++) run(c);
  const trials = chunks * 1000;
  const k = globalThis.__kc;
  const per = (x) => (x / trials).toFixed(2);
  console.log(`kernel counts per trial, ${args[0] ?? file} (${chunks} chunks of 1,000 after 3 warm-up):`);
  console.log(`  sfc32 outputs generated ${per(k.outputs)}`);
  console.log(`  exact lognormal sums ${per(k.sums)} (deals, so exps: ${per(k.sumDeals)}); by deals 1..15, 16+: ${k.sumsByDeals.slice(1).map(per).join(' ')}`);
  console.log(`  binomial inversions ${per(k.inversions)} (exp of P(0) recomputed ${per(k.inversionExp)}, log1p ${per(k.inversionLog1p)}; at a lag's fixed p ${per(k.fixedInversions)})`);
  console.log(`  btrs draws ${per(k.btrs)} (setups ${per(k.btrsSetup)}; at a lag's fixed p ${per(k.fixedBtrs)}); setP calls ${per(k.setP)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  cleanup();
}
