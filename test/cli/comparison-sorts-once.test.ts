import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { compareSimulations } from '../../src/analysis/compare.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { SortWorkspace } from '../../src/math/sorted-values.js';
import { writeComparison } from '../../src/cli/write-comparison.js';
import { TWO_TIERS } from '../report/fixture.js';

// The sorts are counted by a spy on SortWorkspace.prototype.sortFinite (every sort of a column goes
// through it), not by vi.mock of the charts' module: the suite runs files without isolation, so a
// module another file loaded first keeps the real import and a mock sees no call (a test counting the
// charts' sortedFinite through vi.mock passed alone and failed in the whole suite). Three in all means
// the two charts share one sort: were each chart to sort, it would be four.

/** The plan and a downside of it, 200 trials each. */
async function twoScenarios(): Promise<Simulation[]> {
  const downside = TWO_TIERS.replace('name: Report test Co', 'name: Report test downside').concat('stress: { renewal: -0.03 }\n');
  const sims: Simulation[] = [];
  for (const [yaml, file] of [
    [TWO_TIERS, 'plan.yaml'],
    [downside, 'downside.yaml'],
  ] as const)
    sims.push(await simulate(parseScenario(yaml, file), { trials: 200, seed: '5', workers: 0 }));
  return sims;
}

describe('writeComparison', () => {
  it("compare --out sorts each scenario's revenue three times, as README's map of src/ says: its figures (describe), its budgets (compareDecisions) and its two charts", async () => {
    const sims = await twoScenarios();
    const sorts = vi.spyOn(SortWorkspace.prototype, 'sortFinite');
    try {
      // As compare-command.ts runs them.
      const comparison = compareSimulations(sims);
      const decisions = compareDecisions(sims, { confidence: 0.8, extra: [] });
      const renderChart = async () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', warnings: [] });
      await writeComparison(join(mkdtempSync(join(tmpdir(), 'arrcast-sorts-three-')), 'cmp'), comparison, sims, { decisions, renderChart });
      for (const s of sims) expect(sorts.mock.calls.filter(([values]) => values === s.store.column('revenue'))).toHaveLength(3);
    } finally {
      sorts.mockRestore();
    }
  });
});
