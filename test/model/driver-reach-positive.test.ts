import { describe, expect, it } from 'vitest';
import { attributionInputs } from '../../src/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../../src/analysis/sensitivity.js';
import type { Metric } from '../../src/model/components.js';
import { driverReachesMetric } from '../../src/model/driver-reach.js';
import { marketMovesTierMetric } from '../../src/model/market-moves-tier.js';
import { column, run, runWithFiles } from '../helpers/fixtures.js';

/**
 * The positive side of the reach rules: a driver that does move a metric stays listed. Each row
 * states a scenario with `$V` where the driver's value goes, the driver's value as the planner
 * states it (the rule is read from that), and two fixed values at which, on the same seed, the
 * simulator's metric column differs: proof, independent of the rules, that the driver moves it.
 */
interface Row {
  readonly name: string;
  readonly yaml: string;
  readonly files?: Record<string, string>;
  readonly tier: string;
  readonly kind: string;
  readonly driverName?: string;
  readonly metric: Metric;
  readonly stated: string;
  readonly pinned: readonly [string, string];
}

const triLeads = (v: string) => `
name: tri leads
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: { dist: triangular, min: 0, mode: 0, max: 40 }
      conversion: ${v}
      acv: 12000
`;

const CUSTOMERS_HEADER = 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator\n';

const rows: Row[] = [
  {
    name: 'conversion over triangular leads of mode 0 (mean 13 a month)',
    yaml: triLeads('$V'),
    tier: 'A',
    kind: 'conversion',
    metric: 'revenue',
    stated: '{ dist: beta, mean: 0.1, sd: 0.03 }',
    pinned: ['0.05', '0.2'],
  },
  {
    name: "a lead source's conversion over PERT leads of mode 0",
    yaml: `
name: pert source
tiers:
  - name: A
    newBusiness:
      acv: 12000
      leadSources:
        - { grade: A, channel: inbound, leadsPerMonth: { dist: pert, min: 0, mode: 0, max: 30 }, conversion: $V }
`,
    tier: 'A',
    kind: 'sourceConversion',
    driverName: 'A/inbound',
    metric: 'revenue',
    stated: '{ dist: beta, mean: 0.1, sd: 0.03 }',
    pinned: ['0.05', '0.2'],
  },
  {
    name: 'ACV of deals from triangular leads of mode 0',
    yaml: `
name: tri leads acv
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: { dist: triangular, min: 0, mode: 0, max: 40 }
      conversion: 0.1
      acv: $V
`,
    tier: 'A',
    kind: 'acv',
    metric: 'revenue',
    stated: '{ dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }',
    pinned: ['10000', '20000'],
  },
  {
    name: 'a pipeline group closing in month 11, live after a 1-month service start',
    yaml: `
name: boundary group
tiers:
  - name: P
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 12000
      serviceStartLagMonths: 1
      openingPipeline:
        groups:
          - { count: 40, winProbability: $V, closeMonth: 11 }
`,
    tier: 'P',
    kind: 'pipelineWinProbability',
    driverName: '1',
    metric: 'revenue',
    stated: '{ dist: beta, mean: 0.4, sd: 0.1 }',
    pinned: ['0.2', '0.8'],
  },
  {
    name: "a file's price uplift with one customer due in month 12",
    yaml: `
name: due in december
tiers:
  - name: F
    existing:
      customersFile: customers.csv
      renewalRate: 1
      priceUplift: $V
`,
    files: { 'customers.csv': `${CUSTOMERS_HEADER}f1,F,100000,12,12,1,,\nf2,F,50000,14,36,0,,\n` },
    tier: 'F',
    kind: 'priceUplift',
    metric: 'revenue',
    stated: '{ dist: beta, mean: 0.03, sd: 0.01 }',
    pinned: ['0', '0.1'],
  },
  {
    name: "a file's renewal rate over monthly-billed customers only",
    yaml: `
name: monthly billed
tiers:
  - name: F
    existing:
      customersFile: customers.csv
      renewalRate: $V
`,
    files: { 'customers.csv': `${CUSTOMERS_HEADER}m1,F,12000,,1,0,,\nm2,F,24000,,1,0,,\nf2,F,50000,14,36,0,,\n` },
    tier: 'F',
    kind: 'renewalRate',
    metric: 'revenue',
    stated: '{ dist: beta, mean: 0.8, sd: 0.05 }',
    pinned: ['0.3', '0.99'],
  },
];

const simulate = (yaml: string, files: Record<string, string> | undefined, trials: number) =>
  files === undefined ? run(yaml, trials, 5) : runWithFiles(yaml, files, trials, 5);

describe('a driver that moves its metric', () => {
  it.each(rows)('stays listed: $name', async (row) => {
    const [lowSim, highSim, stated] = await Promise.all([
      simulate(row.yaml.replace('$V', row.pinned[0]), row.files, 30),
      simulate(row.yaml.replace('$V', row.pinned[1]), row.files, 30),
      simulate(row.yaml.replace('$V', row.stated), row.files, 1),
    ]);
    // Independently of the rules: the driver at two values gives another metric on the same draws (each scenario has one tier: its metric is the company's).
    expect(column(lowSim, row.metric)).not.toEqual(column(highSim, row.metric));
    const tier = stated.plan.tiers.find((t) => t.name === row.tier)!;
    const d = tier.plannedDrivers.find((x) => x.kind === row.kind && x.name === (row.driverName ?? ''))!;
    expect(d.ownColumn).toBeDefined();
    expect(driverReachesMetric(tier, d, row.metric)).toBe(true);
  });

  it('the market loaded on triangular leads of mode 0 moves revenue', async () => {
    const yaml = (factor: string) => `
name: market on leads
market:
  loadings: { leads: 0.5 }${factor}
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: { dist: triangular, min: 0, mode: 0, max: 40 }
      conversion: 0.1
      acv: 12000
`;
    const [low, high, sim] = await Promise.all([run(yaml('\n  factor: -2'), 30, 5), run(yaml('\n  factor: 2'), 30, 5), run(yaml(''), 1, 5)]);
    expect(column(low, 'revenue')).not.toEqual(column(high, 'revenue'));
    expect(marketMovesTierMetric(sim.plan.tiers[0]!, 'revenue')).toBe(true);
  });
});

/** Rows of the other side, each checked against the simulator the same way: no column moves. */
describe('a driver that cannot move anything', () => {
  const same = (a: Awaited<ReturnType<typeof run>>, b: Awaited<ReturnType<typeof run>>) => {
    for (const m of ['revenue', 'bookings', 'endingArr']) expect(column(a, m), m).toEqual(column(b, m));
  };

  it("a file's uplift, contraction and expansion over monthly-billed customers (none due): left out; its renewal rate kept", async () => {
    const yaml = (uplift: string) => `
name: monthly billed only
tiers:
  - name: F
    existing:
      customersFile: customers.csv
      renewalRate: { dist: beta, mean: 0.8, sd: 0.05 }
      priceUplift: ${uplift}
      contraction: { probability: { dist: beta, mean: 0.1, sd: 0.03 }, size: 0.2 }
      expansion: { probability: { dist: beta, mean: 0.1, sd: 0.03 }, size: 0.2 }
`;
    const files = { 'customers.csv': `${CUSTOMERS_HEADER}m1,F,12000,,1,0,,\nm2,F,24000,,1,0,,\nf2,F,50000,14,36,0,,\n` };
    const [low, high, sim] = await Promise.all([runWithFiles(yaml('0'), files, 30, 5), runWithFiles(yaml('0.1'), files, 30, 5), runWithFiles(yaml('{ dist: beta, mean: 0.03, sd: 0.01 }'), files, 1, 5)]);
    same(low, high);
    const tier = sim.plan.tiers[0]!;
    const reach = (kind: string) => driverReachesMetric(tier, tier.plannedDrivers.find((d) => d.kind === kind)!, 'revenue');
    expect(['priceUplift', 'contractionProbability', 'expansionProbability', 'expansionSize', 'renewalRate'].map(reach)).toEqual([false, false, false, false, true]);
  });

  it('conversion and leads with reps, none at the start and none hired: left out; the pipeline group they do not cap kept', async () => {
    const yaml = (conversion: string) => `
name: no reps
tiers:
  - name: R
    newBusiness:
      leadsPerMonth: 200
      conversion: ${conversion}
      acv: { dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }
      earlierLeads: { count: 50, conversion: { dist: beta, mean: 0.2, sd: 0.05 }, closeMonth: [0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] }
      reps: { start: 0, attrition: 0.01, capacity: 3 }
      openingPipeline:
        groups:
          - { count: 20, winProbability: { dist: beta, mean: 0.4, sd: 0.1 }, closeMonth: 3 }
`;
    const [low, high, sim] = await Promise.all([run(yaml('0.05'), 30, 5), run(yaml('0.2'), 30, 5), run(yaml('{ dist: beta, mean: 0.1, sd: 0.03 }'), 1, 5)]);
    same(low, high);
    const tier = sim.plan.tiers[0]!;
    const reach = (kind: string) => driverReachesMetric(tier, tier.plannedDrivers.find((d) => d.kind === kind)!, 'revenue');
    expect(['conversion', 'earlierLeadsConversion', 'pipelineWinProbability', 'acv'].map(reach)).toEqual([false, false, true, true]);
  });
});

describe('sensitivity() called without a metric', () => {
  it('leaves no driver out: a late pipeline group moving bookings only is kept; given the metric, it is filtered', async () => {
    const sim = await run(
      `
name: late group
tiers:
  - name: P
    newBusiness:
      leadsPerMonth: 200
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 12000
      serviceStartLagMonths: 2
      openingPipeline:
        groups:
          - { count: 400, winProbability: { dist: beta, mean: 0.4, sd: 0.1 }, closeMonth: 12 }
`,
      400,
      3,
    );
    const inputs = attributionInputs(sim);
    const bookings = column(sim, 'bookings');
    const win = 'driver.P.pipeline.1.winProbability';
    expect(sensitivity(inputs, bookings).drivers.map((d) => d.key)).toContain(win);
    expect(sensitivity(inputs, bookings, 'bookings').drivers.map((d) => d.key)).toContain(win);
    expect(sensitivity(inputs, column(sim, 'revenue'), 'revenue').drivers.map((d) => d.key)).not.toContain(win);
  });
});
