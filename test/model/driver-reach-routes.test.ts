import { describe, expect, it } from 'vitest';
import { METRICS, type Metric } from '../../src/model/components.js';
import { driverReachesMetric } from '../../src/model/driver-reach.js';
import { column, run, runWithFiles } from '../helpers/fixtures.js';

/**
 * Each route's reach per metric, against the simulator: a scenario with `$V` where the driver's
 * value goes, run at two pinned values on the same seed. A metric whose column is identical at both
 * values is one the driver cannot move (the rule must say false); one that differs, it moves (true).
 * The rule is read from the plan of the scenario with the driver stated as a distribution.
 */
interface Row {
  readonly name: string;
  readonly yaml: string;
  readonly files?: Record<string, string>;
  readonly kind: string;
  readonly driverName?: string;
  readonly stated: string;
  readonly pinned: readonly [string, string];
  /** The metrics it moves; the others it cannot. */
  readonly moves: readonly Metric[];
}

/** A second, ordinary stream of leads keeps the tier's metrics varying, so "identical" is a finding. */
const sourceTier = (seasonality: string, cycle: number, serviceStart: number) => `
name: source season
tiers:
  - name: S
    newBusiness:
      acv: 12000
      salesCycleMonths: ${cycle}
      serviceStartLagMonths: ${serviceStart}
      openingPipeline:
        groups:
          - { count: 40, winProbability: 0.5, closeMonth: 2 }
      leadSources:
        - { grade: A, channel: inbound, leadsPerMonth: 100, conversion: 0.05 }
        - { grade: B, channel: events, leadsPerMonth: 300, conversion: $V, seasonality: ${seasonality} }
`;

const repTier = (hires: string, ramp: string, leads: string, serviceStart = 0) => `
name: rep routes
tiers:
  - name: R
    newBusiness:
      acv: 12000
      serviceStartLagMonths: ${serviceStart}
${leads}
      openingPipeline:
        groups:
          - { count: 40, winProbability: 0.5, closeMonth: 2 }
      reps:
        start: 2
        hires: ${hires}
        hireSlip: { probability: $V, months: 3 }
        ramp: ${ramp}
        capacity: 2
`;
const LEADS = '      leadsPerMonth: 200\n      conversion: 0.05';

/** A floor without a hire slip: `start` reps, `hires`, `ramp`, and `reps` lines (capacity, sourcing) as given. */
const floorTier = (reps: string, leads: string, hires = '[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]', ramp = '[1]', start = 2) => `
name: floor routes
tiers:
  - name: R
    newBusiness:
      acv: 12000
${leads}
      openingPipeline:
        groups:
          - { count: 40, winProbability: 0.5, closeMonth: 2 }
      reps:
        start: ${start}
        hires: ${hires}
        ramp: ${ramp}
${reps}
`;
const CONVERSION_V = '      leadsPerMonth: 200\n      conversion: $V';
const BETA_CONVERSION = '{ dist: beta, mean: 0.05, sd: 0.01 }';
/** No leads in the year: the tier's pipeline only, its leads stress of -1 ("none at all"). */
const noLeadsTier = (stress: string, leads: string) => `
name: no leads
${stress}
tiers:
  - name: S
    newBusiness:
      acv: 12000
${leads}
      openingPipeline:
        groups:
          - { count: 40, winProbability: 0.5, closeMonth: 2 }
`;

const CUSTOMERS_HEADER = 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator\n';
const B_EVENTS = 'B/events';
const Z11 = '[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]';
const Z10 = '[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]';
const EARLY = '[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]';

const rows: Row[] = [
  {
    name: 'a source whose leads all come in month 12, closing a month later: moves nothing',
    yaml: sourceTier(Z11, 1, 0),
    kind: 'sourceConversion',
    driverName: B_EVENTS,
    stated: '{ dist: beta, mean: 0.1, sd: 0.03 }',
    pinned: ['0.05', '0.2'],
    moves: [],
  },
  {
    name: "the same source's lead volume",
    yaml: sourceTier(Z11, 1, 0).replace('leadsPerMonth: 300, conversion: $V', 'leadsPerMonth: $V, conversion: 0.1'),
    kind: 'sourceLeadsPerMonth',
    driverName: B_EVENTS,
    stated: '{ dist: poisson, mean: { dist: lognormal, p10: 200, p90: 400 } }',
    pinned: ['100', '500'],
    moves: [],
  },
  {
    name: 'a source whose leads come in month 11, closing in 12, live a month later: bookings only',
    yaml: sourceTier(Z10, 1, 1),
    kind: 'sourceConversion',
    driverName: B_EVENTS,
    stated: '{ dist: beta, mean: 0.1, sd: 0.03 }',
    pinned: ['0.05', '0.2'],
    moves: ['bookings'],
  },
  {
    name: 'the same source live at once: every metric',
    yaml: sourceTier(Z10, 1, 0),
    kind: 'sourceConversion',
    driverName: B_EVENTS,
    stated: '{ dist: beta, mean: 0.1, sd: 0.03 }',
    pinned: ['0.05', '0.2'],
    moves: ['revenue', 'bookings', 'endingArr'],
  },
  {
    name: 'a source of month 1 under a 3-month cycle, live 9 months later: bookings only',
    yaml: sourceTier(EARLY, 3, 9),
    kind: 'sourceConversion',
    driverName: B_EVENTS,
    stated: '{ dist: beta, mean: 0.1, sd: 0.03 }',
    pinned: ['0.05', '0.2'],
    moves: ['bookings'],
  },
  {
    name: "the ACV of a tier whose leads close after the year, beside reps who source nothing and a group priced on its own",
    yaml: `
name: acv late
tiers:
  - name: L
    newBusiness:
      acv: $V
      leadsPerMonth: 300
      conversion: 0.1
      seasonality: ${Z11}
      salesCycleMonths: 1
      openingPipeline:
        groups:
          - { count: 40, winProbability: 0.5, closeMonth: 2, amount: 20000 }
      reps: { start: 3, capacity: 50 }
`,
    kind: 'acv',
    stated: '{ dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }',
    pinned: ['8000', '30000'],
    moves: [],
  },
  {
    name: 'reps with nothing to cap (the opening pipeline only): their capacity moves nothing',
    yaml: repTier('[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]', '[1]', '').replace('capacity: 2', 'capacity: $V').replace('probability: $V', 'probability: 0.5'),
    kind: 'repCapacity',
    stated: '{ dist: pert, min: 1, mode: 2, max: 3 }',
    pinned: ['0.5', '4'],
    moves: [],
  },
  {
    name: 'the same: their attrition',
    yaml: repTier('[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]', '[1]', '').replace('capacity: 2', 'capacity: 2\n        attrition: $V').replace('probability: $V', 'probability: 0.5'),
    kind: 'repAttrition',
    stated: '{ dist: beta, mean: 0.05, sd: 0.02 }',
    pinned: ['0', '0.3'],
    moves: [],
  },
  {
    name: 'the same: a hire slip',
    yaml: repTier('[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]', '[1]', ''),
    kind: 'hireSlip',
    stated: '{ dist: beta, mean: 0.3, sd: 0.1 }',
    pinned: ['0', '0.9'],
    moves: [],
  },
  {
    name: 'a hire in month 12 at a first ramp month of 0, capacity binding: its slip moves nothing',
    yaml: repTier('[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]', '[0, 0.5]', LEADS),
    kind: 'hireSlip',
    stated: '{ dist: beta, mean: 0.3, sd: 0.1 }',
    pinned: ['0', '0.9'],
    moves: [],
  },
  {
    name: 'a hire in month 11, live 2 months after signing: its slip moves bookings only',
    yaml: repTier('[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0]', '[1]', LEADS, 2),
    kind: 'hireSlip',
    stated: '{ dist: beta, mean: 0.3, sd: 0.1 }',
    pinned: ['0', '0.9'],
    moves: ['bookings'],
  },
  {
    name: 'a hire in month 4, capacity binding: its slip moves every metric',
    yaml: repTier('[0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]', '[1]', LEADS),
    kind: 'hireSlip',
    stated: '{ dist: beta, mean: 0.3, sd: 0.1 }',
    pinned: ['0', '0.9'],
    moves: ['revenue', 'bookings', 'endingArr'],
  },
  {
    name: 'leads and conversion when the only reps are hired in month 12 on a ramp of 0 there: nothing (no rep at work)',
    yaml: repTier('[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]', '[0, 1]', '      leadsPerMonth: 200\n      conversion: $V').replace('start: 2', 'start: 0').replace('probability: $V', 'probability: 0.5'),
    kind: 'conversion',
    stated: '{ dist: beta, mean: 0.05, sd: 0.01 }',
    pinned: ['0.02', '0.2'],
    moves: [],
  },
  {
    name: "the same floor's capacity, and its productivity sourcing deals",
    yaml: repTier('[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]', '[0, 1]', LEADS).replace('start: 2', 'start: 0').replace('probability: $V', 'probability: 0.5').replace('capacity: 2', 'capacity: 2\n        sourcedDealsPerMonth: { dist: lognormal, median: $V, p90: 4 }'),
    kind: 'repProductivity',
    stated: '{ dist: pert, min: 1, mode: 2, max: 3 }',
    pinned: ['1', '3'],
    moves: [],
  },
  {
    name: 'conversion when the only reps start in month 11, live 2 months after signing: bookings only',
    yaml: repTier('[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0]', '[1]', '      leadsPerMonth: 200\n      conversion: $V', 2).replace('start: 2', 'start: 0').replace('probability: $V', 'probability: 0.5'),
    kind: 'conversion',
    stated: '{ dist: beta, mean: 0.05, sd: 0.01 }',
    pinned: ['0.02', '0.2'],
    moves: ['bookings'],
  },
  {
    name: 'reps of capacity 0: the leads they cap close nothing, so conversion moves nothing',
    yaml: floorTier('        capacity: 0', CONVERSION_V),
    kind: 'conversion',
    stated: BETA_CONVERSION,
    pinned: ['0.02', '0.2'],
    moves: [],
  },
  {
    name: 'the only rep hired in month 12 at a ramp of 0.2, capacity 2 (0.4 of a deal): conversion moves nothing',
    yaml: floorTier('        capacity: 2', CONVERSION_V, Z11, '[0.2]', 0),
    kind: 'conversion',
    stated: BETA_CONVERSION,
    pinned: ['0.02', '0.2'],
    moves: [],
  },
  {
    name: 'the same floor, its capacity up to 4 a rep (0.8 of a deal): moves nothing',
    yaml: floorTier('        capacity: $V', LEADS, Z11, '[0.2]', 0),
    kind: 'repCapacity',
    stated: '{ dist: pert, min: 1, mode: 2, max: 4 }',
    pinned: ['1', '4'],
    moves: [],
  },
  {
    name: 'the same floor, its capacity up to 6 a rep (one deal at 5): moves every metric',
    yaml: floorTier('        capacity: $V', LEADS, Z11, '[0.2]', 0),
    kind: 'repCapacity',
    stated: '{ dist: pert, min: 1, mode: 2, max: 6 }',
    pinned: ['1', '5'],
    moves: ['revenue', 'bookings', 'endingArr'],
  },
  {
    name: 'a leads stress of -1: the conversion of leads that never come moves nothing',
    yaml: noLeadsTier('stress: { leads: -1 }', '      leadsPerMonth: 200\n      conversion: $V'),
    kind: 'conversion',
    stated: BETA_CONVERSION,
    pinned: ['0.02', '0.2'],
    moves: [],
  },
  {
    name: "a tier's own leads stress of -1: its lead volume moves nothing",
    yaml: noLeadsTier('', '      leadsPerMonth: $V\n      conversion: 0.05').replace('    newBusiness:', '    stress: { leads: -1 }\n    newBusiness:'),
    kind: 'leadsPerMonth',
    stated: '{ dist: poisson, mean: { dist: lognormal, p10: 150, p90: 250 } }',
    pinned: ['100', '300'],
    moves: [],
  },
  {
    name: 'a leads stress of -1 zeroes the reps\' own deals too: their productivity moves nothing',
    yaml: floorTier('        capacity: 5\n        sourcedDealsPerMonth: { dist: lognormal, median: $V, p90: 4 }', '').replace('name: floor routes', 'name: floor routes\nstress: { leads: -1 }'),
    kind: 'repProductivity',
    stated: '{ dist: pert, min: 1, mode: 2, max: 3 }',
    pinned: ['1', '3'],
    moves: [],
  },
  {
    name: 'reps whose capacity never binds (10 x at least 80 against at most 201 leads a month): their capacity moves nothing',
    yaml: floorTier('        capacity: $V', LEADS, undefined, undefined, 10),
    kind: 'repCapacity',
    stated: '{ dist: pert, min: 80, mode: 100, max: 120 }',
    pinned: ['80', '120'],
    moves: [],
  },
  {
    name: 'the same floor: a hire slip moves nothing',
    yaml: floorTier('        capacity: 100\n        hireSlip: { probability: $V, months: 3 }', LEADS, undefined, undefined, 10),
    kind: 'hireSlip',
    stated: '{ dist: beta, mean: 0.3, sd: 0.1 }',
    pinned: ['0', '0.9'],
    moves: [],
  },
  {
    name: 'a renewal rate over monthly-billed customers only (none due in the year): revenue and ARR, not bookings',
    yaml: `
name: monthly billed renewal
tiers:
  - name: F
    existing:
      customersFile: customers.csv
      renewalRate: $V
`,
    files: { 'customers.csv': `${CUSTOMERS_HEADER}m1,F,12000,,1,0,,\nm2,F,24000,,1,0,,\nm3,F,30000,,1,0,,\nf2,F,50000,14,36,0,,\n` },
    kind: 'renewalRate',
    stated: '{ dist: beta, mean: 0.8, sd: 0.05 }',
    pinned: ['0.3', '0.95'],
    moves: ['revenue', 'endingArr'],
  },
];

const TRIALS = 40;
const sim = (row: Row, v: string, trials: number) => {
  const yaml = row.yaml.replace('$V', v);
  return row.files ? runWithFiles(yaml, row.files, trials, 7) : run(yaml, trials, 7);
};

describe('a driver reaches a metric only by a route that can act on it within the year', () => {
  it.each(rows)('$name', async (row) => {
    const [low, high, stated] = await Promise.all([sim(row, row.pinned[0], TRIALS), sim(row, row.pinned[1], TRIALS), sim(row, row.stated, 1)]);
    const tier = stated.plan.tiers[0]!;
    const driver = tier.plannedDrivers.find((d) => d.kind === row.kind && d.name === (row.driverName ?? ''))!;
    expect(driver, row.kind).toBeDefined();
    for (const metric of METRICS) {
      const moved = column(low, metric).some((x, i) => x !== column(high, metric)[i]);
      // The simulator's answer, independent of the rule, then the rule's.
      expect(moved, `${metric}: the simulator`).toBe(row.moves.includes(metric));
      expect(driverReachesMetric(tier, driver, metric), `${metric}: the rule`).toBe(row.moves.includes(metric));
    }
  });
});
