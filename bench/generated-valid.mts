/**
 * Are generated scenarios FROM..TO-1 (test/helpers/generated-scenario.ts, imported from test/ on
 * purpose: the scenarios the tests run) all valid: each loads and plans (planLoaded)? Prints the count
 * refused and each refusal's message; exits 1 if any was refused.
 *
 * Usage: npx tsx bench/generated-valid.mts FROM TO
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generateScenario, loadGenerated } from '../test/helpers/generated-scenario.js';
import { planLoaded } from '../src/engine/simulate.js';

const [from, to] = process.argv.slice(2).map(Number) as [number, number];
const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-valid-'));
const refused: string[] = [];
for (let n = from; n < to; n++) {
  try {
    planLoaded((await loadGenerated(root, generateScenario(n))).loaded);
  } catch (err) {
    refused.push(`${n}: ${(err as Error).message}`);
  }
}
rmSync(root, { recursive: true, force: true });
console.log(`${to - from} scenarios ${from}-${to - 1}: ${refused.length} refused`);
for (const r of refused) console.log(r);
process.exitCode = refused.length > 0 ? 1 : 0;
