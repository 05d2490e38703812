/**
 * The accounting identities (test/helpers/identity-checks.ts) over generated scenarios FROM..TO-1
 * (test/helpers/generated-scenario.ts), each run in process with TRIALS trials: as a plan, and as a
 * re-forecast of its own simulated year's first 1, 4 and 11 months (written to actuals.csv and read
 * back, as the CLI does). With WRITE (the 4th argument `write`), each plan and its 4-month
 * re-forecast also write a report with every output (`--outputs all`), checked file by file.
 * Prints every violation, then the count by identity. test/model/accounting-identities.test.ts
 * keeps a few of them in the suite.
 *
 * Usage: npx tsx bench/identities.mts FROM TO [TRIALS] [write]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateScenario, loadGenerated } from '../test/helpers/generated-scenario.js';
import { checkStoredIdentities, checkWorkbookIdentities, checkWrittenIdentities } from '../test/helpers/identity-checks.js';
import { simulate, type Simulation } from '../src/engine/simulate.js';
import { simulatedActuals } from '../test/helpers/simulated-actuals.js';
import { summarize } from '../src/analysis/summarize.js';
import { writeReport } from '../src/report/write-report.js';
import { OUTPUTS } from '../src/report/outputs.js';

const [from, to, trialsArg, writeArg] = process.argv.slice(2);
const trials = Number(trialsArg ?? 200);
const write = writeArg === 'write';
const root = mkdtempSync(join(tmpdir(), 'ident17-'));
let runs = 0;
let violations = 0;
let refused = 0;
const byIdentity = new Map<string, number[]>();
const note = (n: number, tag: string, identity: string, text: string) => {
  violations++;
  const key = `${tag.replace(/ \d+$/, '')}: ${identity.replace(/ of trial \d+| \(trial \d+\)|month \d+ /g, '')}`;
  byIdentity.set(key, [...(byIdentity.get(key) ?? []), n]);
  console.log(`#${n} ${tag} ${identity}: ${text}`);
};
try {
  for (let n = Number(from); n < Number(to); n++) {
    const { loaded, path } = await loadGenerated(root, generateScenario(n));
    const check = async (tag: string, sim: Simulation, outputs: boolean) => {
      runs++;
      for (const v of checkStoredIdentities(sim)) note(n, tag, v.identity, `trial ${v.trial} ${v.lhs} vs ${v.rhs} (diff ${v.lhs - v.rhs}, tol ${v.tolerance.toExponential(2)})`);
      if (!outputs) return;
      const dir = join(dirname(path), `out-${tag.replace(/ /g, '-')}`);
      await writeReport(dir, sim, summarize(sim), { outputs: [...OUTPUTS] });
      for (const v of checkWrittenIdentities(dir, sim, (p) => readFileSync(p, 'utf8')))
        note(n, tag, `${v.file}: ${v.identity}`, `${v.lhs} vs ${v.rhs} (diff ${v.lhs - v.rhs}, tol ${v.tolerance.toExponential(2)})`);
      for (const v of await checkWorkbookIdentities(join(dir, 'report.xlsx'), readFileSync(join(dir, 'summary.json'), 'utf8'), sim))
        note(n, tag, `${v.file}: ${v.identity}`, `${v.lhs} vs ${v.rhs} (diff ${v.lhs - v.rhs}, tol ${v.tolerance.toExponential(2)})`);
      rmSync(dir, { recursive: true, force: true });
    };
    await check('plan', await simulate(loaded, { trials, workers: 0 }), write);
    const file = await simulatedActuals(loaded, dirname(path), 11);
    for (const months of [1, 4, 11]) {
      let sim: Simulation;
      try {
        sim = await simulate(loaded, { trials, workers: 0, actuals: { file, months } });
      } catch (err) {
        refused++;
        console.log(`#${n} reforecast ${months} refused: ${(err as Error).message.slice(0, 200)}`);
        continue;
      }
      await check(`reforecast ${months}`, sim, write && months === 4);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
console.log(`\n${runs} runs of scenarios ${from}..${Number(to) - 1} at ${trials} trials${write ? ', plans and 4-month re-forecasts writing every output' : ''}: ${violations} violations, ${refused} re-forecasts refused`);
for (const [k, ns] of byIdentity) console.log(`  ${k}: ${ns.length} in scenarios ${[...new Set(ns)].join(' ')}`);
