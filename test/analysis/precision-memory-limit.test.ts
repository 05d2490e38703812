import { describe, expect, it, vi } from 'vitest';

// The machine's memory, as every run's memory check reads it: set per test below, so that a step of
// 2,000 trials fits and one of 4,000 does not, without a machine that small.
const memory = vi.hoisted(() => ({ total: 0 }));
vi.mock('node:os', async (original) => {
  const os = await original<typeof import('node:os')>();
  return { ...os, totalmem: () => (memory.total > 0 ? memory.total : os.totalmem()) };
});

const { simulateToPrecision } = await import('../../src/analysis/precision.js');
const { simulate } = await import('../../src/engine/simulate.js');
const { TrialStore } = await import('../../src/engine/trial-store.js');
const { TrialsOverMemoryError } = await import('../../src/engine/errors.js');
const { summaryTable } = await import('../../src/report/summary-table.js');
const { summarize } = await import('../../src/analysis/summarize.js');
const { scenarioFrom } = await import('../helpers/fixtures.js');

const yaml = `
name: precision
tiers:
  - name: T
    existing: { openingArr: 2000000, customers: 200, renewalRate: { dist: beta, mean: 0.9, sd: 0.03 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: { dist: beta, mean: 0.05, sd: 0.01 }, acv: { dist: lognormal, median: 10000, p90: 25000 } }
`;

describe('--precision when a later step would not fit in memory', () => {
  it('ends with the trials already run (not reached, naming the step), instead of throwing them away; a first step over it is refused', async () => {
    const loaded = scenarioFrom(yaml);
    const first = await simulate(loaded, { trials: 1_000, seed: 4, workers: 0 });
    const perTrial = TrialStore.bytesPerTrial(first.plan.layout);
    // The check refuses a run needing more than 60% of the machine's memory: 3,000 trials' worth
    // makes 2,000 fit and 4,000 not.
    memory.total = (perTrial * 3_000) / 0.6;
    try {
      const { sim, precision } = await simulateToPrecision(loaded, { precision: 0.0001, startTrials: 2_000, maxTrials: 64_000, seed: 4, workers: 0 });
      expect([sim.trials, precision.trials, precision.steps, precision.reached, precision.overMemoryLimit, precision.overTimeLimit]).toEqual([2_000, 2_000, [2_000], false, { nextTrials: 4_000 }, undefined]);
      expect(summaryTable(summarize(sim, { precision }))).toContain("not reached: the next step, 4,000 trials, would not fit in this machine's memory.");
      const refused = await simulateToPrecision(loaded, { precision: 0.0001, startTrials: 4_000, seed: 4, workers: 0 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TrialsOverMemoryError);
      expect((refused as Error).message).toMatch(/^--trials: 4,000 trials need about/);
    } finally {
      memory.total = 0;
    }
  });
});
