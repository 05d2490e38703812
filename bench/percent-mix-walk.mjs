// CPU cost of the walk that finds a distribution mixing % with a percent written without it
// (src/scenario/percent-mix.ts), run on every scenario validated, beside the schema's own check of
// the same data: a scenario of N tiers like scenarios/example.yaml's.
// Usage: npm run build && node bench/percent-mix-walk.mjs [TIERS=2000]
import { readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { parse } from 'yaml';
import { percentMixIssues } from '../dist/scenario/percent-mix.js';
import { scenarioSchema } from '../dist/scenario/scenario-schema.js';

const tiers = Number(process.argv[2] ?? 2000);
const example = parse(readFileSync(new URL('../scenarios/example.yaml', import.meta.url), 'utf8'));
const data = { ...example, tiers: Array.from({ length: tiers }, (_, i) => ({ ...example.tiers[i % example.tiers.length], name: `T${i}` })) };
const cpuMs = (f, times = 5) => {
  const start = cpuUsage();
  for (let r = 0; r < times; r++) f();
  const d = cpuUsage(start);
  return (d.user + d.system) / 1000 / times;
};
if (percentMixIssues(scenarioSchema, data, []).issues.length !== 0) throw new Error('the example mixes %');
console.log(`${tiers} tiers: the walk ${cpuMs(() => percentMixIssues(scenarioSchema, data, []), 50).toFixed(2)} ms CPU, the schema's check ${cpuMs(() => scenarioSchema.safeParse(data), 3).toFixed(1)} ms CPU (means of 50 and 3)`);
