// CPU cost of the walk that finds a beta by mean and sd piled up at 0% or 100% (src/analysis/beta-piled-up.ts),
// run on every scenario validated or run (a plausibility warning), beside the schema's own check of the
// same data: a scenario of N tiers like scenarios/example.yaml's, parsed.
// Usage: npm run build && node bench/beta-piled-up-walk.mjs [TIERS=50]
import { readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { parse } from 'yaml';
import { piledUpBetas } from '../dist/analysis/beta-piled-up.js';
import { scenarioSchema } from '../dist/scenario/scenario-schema.js';

const tiers = Number(process.argv[2] ?? 50);
const example = parse(readFileSync(new URL('../scenarios/example.yaml', import.meta.url), 'utf8'));
const data = { ...example, tiers: Array.from({ length: tiers }, (_, i) => ({ ...example.tiers[i % example.tiers.length], name: `T${i}` })) };
const scenario = scenarioSchema.parse(data);
const cpuMs = (f, times = 5) => {
  const start = cpuUsage();
  for (let r = 0; r < times; r++) f();
  const d = cpuUsage(start);
  return (d.user + d.system) / 1000 / times;
};
if (piledUpBetas(scenario).length !== 0) throw new Error('the example has a piled-up beta');
console.log(`${tiers} tiers: the walk ${cpuMs(() => piledUpBetas(scenario), 50).toFixed(2)} ms CPU, the schema's check ${cpuMs(() => scenarioSchema.safeParse(data), 3).toFixed(1)} ms CPU (means of 50 and 3)`);
