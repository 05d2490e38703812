import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planLoaded } from '../../src/engine/simulate.js';
import { simulatedYear } from '../../src/actuals/simulated-year.js';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import type { MonthlyFile } from '../../src/actuals/monthly-record.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { rfc4180Field } from '../../src/report/csv-field.js';

/**
 * A scenario's own simulated year (its seed, trial 0), its first `months` months written as an
 * actuals file (`dir`/actuals.csv, fields quoted per RFC 4180 as src/report/csv-field.ts quotes them, without the formula guard: the names read back as written) and read back as
 * `--actuals` reads it: a re-forecast's input whose every figure the scenario could have produced.
 * Shared by test/model/accounting-identities.test.ts and bench/identities.mts.
 */
export async function simulatedActuals(loaded: LoadedScenario, dir: string, months: number): Promise<MonthlyFile> {
  const year = simulatedYear(planLoaded(loaded), String(loaded.scenario.seed), 0);
  const lines = [['month', 'tier', ...year.file.measures].map(rfc4180Field).join(',')];
  for (const [tier, rows] of year.file.byTier) for (const r of rows.slice(0, months)) lines.push([String(r.month), tier, ...year.file.measures.map((m) => String(r.values[m]))].map(rfc4180Field).join(','));
  const path = join(dir, 'actuals.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const s = loaded.scenario;
  return readMonthlyFile(path, 'actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
}
