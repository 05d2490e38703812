/**
 * Write generated scenarios FROM..TO-1 (test/helpers/generated-scenario.ts) under ROOT, each in a
 * folder of its own with its data files and an actuals.csv of its first 4 months (one of its own
 * simulated years: actuals/simulated-year.ts), for bench/generated-cli.sh. Prints each scenario's path.
 *
 * Usage: npx tsx bench/generated-write.mts ROOT FROM TO
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateScenario, writeGenerated } from '../test/helpers/generated-scenario.js';
import { loadScenario } from '../src/scenario/load.js';
import { planLoaded } from '../src/engine/simulate.js';
import { simulatedYear } from '../src/actuals/simulated-year.js';

const [root, from, to] = process.argv.slice(2);
const field = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
for (let n = Number(from); n < Number(to); n++) {
  const path = writeGenerated(root!, generateScenario(n));
  const loaded = await loadScenario(path);
  const { file } = simulatedYear(planLoaded(loaded), String(loaded.scenario.seed), 0);
  const lines = [['month', 'tier', ...file.measures].join(',')];
  for (const [tier, rows] of file.byTier) for (const r of rows.slice(0, 4)) lines.push([r.month, field(tier), ...file.measures.map((m) => r.values[m])].join(','));
  writeFileSync(join(dirname(path), 'actuals.csv'), `${lines.join('\n')}\n`);
  console.log(path);
}
