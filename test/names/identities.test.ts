import { describe, expect, it } from 'vitest';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { nameOfPart, namePart } from '../../src/random/name-part.js';
import { driverKey, sourceKey, sourceOfKey, tierKey } from '../../src/model/column-key.js';
import { pearson } from '../helpers/stats.js';

/** A tier: its name, and its lead sources as [grade, channel] (none: one lead stream). */
type TierSpec = { name: string; sources?: Array<[string, string?]> };

/** Two or more tiers, no market loading (so tiers share no randomness through it), each with identical distributions. */
function scenario(tiers: TierSpec[]): string {
  return JSON.stringify({
    name: 'Identities',
    seed: 9,
    tiers: tiers.map((t) => ({
      name: t.name,
      existing: { openingArr: 1_000_000, customers: 100, renewalRate: { dist: 'beta', mean: 0.85, sd: 0.03 } },
      newBusiness: {
        ...(t.sources
          ? {
              leadSources: t.sources.map(([grade, channel]) => ({
                grade,
                ...(channel ? { channel } : {}),
                leadsPerMonth: { dist: 'poisson', mean: 50 },
                conversion: { dist: 'beta', mean: 0.1, sd: 0.02 },
              })),
            }
          : { leadsPerMonth: { dist: 'poisson', mean: 50 }, conversion: { dist: 'beta', mean: 0.1, sd: 0.02 } }),
        acv: 10_000,
      },
    })),
  });
}

const run = (tiers: TierSpec[], trials = 400): Promise<Simulation> => simulate(parseScenario(scenario(tiers), 'identities.json'), { trials, seed: 9, workers: 0 });

const values = (sim: Simulation, key: string) => {
  const c = sim.store.column(key);
  if (!c) throw new Error(`no column ${key}`);
  return Array.from(c);
};

describe('namePart: an escaping encoding of a name inside a key or a seed', () => {
  it.each(['SMB', 'Mid-market', 'Enterprise (EU)', 'Größe', 'constructor', '=x', 'a\u2028b'])('leaves %j unchanged', (name) => {
    expect(namePart(name)).toBe(name);
  });

  it.each([
    ['a.leads', 'a%2Eleads'],
    ['p/leads.G', 'p%2Fleads%2EG'],
    ['100%', '100%25'],
    ['%2E', '%252E'],
    ['./%', '%2E%2F%25'],
  ])('encodes %j as %j, and back', (name, part) => {
    expect(namePart(name)).toBe(part);
    expect(part).not.toMatch(/[./]/);
    expect(nameOfPart(part)).toBe(name);
  });

  it('gives different parts for different names (no two names collide)', () => {
    const names = ['a', 'a.b', 'a/b', 'a%2Eb', 'a%2Fb', 'a%b', 'a.', '.a', '%', '%25', '.', '/'];
    expect(new Set(names.map(namePart)).size).toBe(names.length);
  });
});

describe('column keys: one builder, unchanged for ordinary names', () => {
  it('builds the keys ordinary names always had', () => {
    expect(tierKey('SMB', 'revenue')).toBe('tier.SMB.revenue');
    expect(tierKey('Mid-market', 'leads.A/inbound')).toBe('tier.Mid-market.leads.A/inbound');
    expect(driverKey('SMB', 'conversion.A')).toBe('driver.SMB.conversion.A');
    expect(sourceKey('leads', 'A/inbound')).toBe('leads.A/inbound');
    expect(sourceKey('deals', 'B')).toBe('deals.B');
  });

  it('keeps a source named like a tier deal figure apart from it, and reads every source back', () => {
    for (const figure of ['overCapacity', 'repSourced']) {
      expect(sourceKey('deals', figure)).not.toBe(`deals.${figure}`);
      expect(sourceOfKey('deals', sourceKey('deals', figure))).toBe(figure);
    }
    for (const source of ['A', 'A/inbound', 'x.y', '50%', '%6FverCapacity']) expect(sourceOfKey('leads', sourceKey('leads', source))).toBe(source);
    expect(sourceKey('deals', '%6FverCapacity')).not.toBe(sourceKey('deals', 'overCapacity'));
  });
});

describe('no two output columns share a key', () => {
  // Each pair collided before: the second tier's figure had the first's key.
  const pairs: Array<[string, TierSpec[], string, string]> = [
    ['tier a.leads vs tier a\'s source "revenue"', [{ name: 'a.leads' }, { name: 'a', sources: [['revenue']] }], 'revenue', 'leads.revenue'],
    ['tier x.deals vs tier x\'s source "revenue"', [{ name: 'x.deals' }, { name: 'x', sources: [['revenue'], ['B']] }], 'revenue', 'deals.revenue'],
    ['tier t.leads vs tier t\'s source "endingArr"', [{ name: 't.leads' }, { name: 't', sources: [['endingArr'], ['B']] }], 'endingArr', 'leads.endingArr'],
  ];

  it.each(pairs)('%s: distinct columns, each reported as itself', async (_, tiers, metric, extra) => {
    const sim = await run(tiers, 300);
    const keys = sim.plan.layout.keys;
    expect(new Set(keys).size).toBe(keys.length);
    const summary = summarize(sim);
    const first = summary.byTier[tiers[0]!.name]!;
    const second = summary.byTier[tiers[1]!.name]!;
    // Money (about a million) is not a count of leads or deals (hundreds): neither is reported as the other.
    expect((first as unknown as Record<string, { mean: number }>)[metric]!.mean).toBeGreaterThan(100_000);
    expect(second.extras[extra]!.stat.mean).toBeLessThan(10_000);
  });

  it('a driver key: tier a.conversion\'s renewal rate vs tier a\'s source "renewalRate" conversion', async () => {
    const sim = await run([{ name: 'a.conversion' }, { name: 'a', sources: [['renewalRate'], ['B']] }], 300);
    const keys = sim.plan.layout.keys;
    expect(new Set(keys).size).toBe(keys.length);
    const summary = summarize(sim);
    expect(summary.byTier['a.conversion']!.drivers.renewalRate!.mean).toBeCloseTo(0.85, 1);
    expect(summary.byTier.a!.drivers['conversion.renewalRate']!.mean).toBeCloseTo(0.1, 1);
  });
});

describe('no two random streams share a seed', () => {
  // Each pair shared a stream before: identical draws in every trial.
  it.each([
    ['tier p/leads.G vs tier p\'s source G/leads: their leads', [{ name: 'p/leads.G' }, { name: 'p', sources: [['G', 'leads']] }], 'tier.p%2Fleads%2EG.leads', 'tier.p.leads.G/leads'],
    ['tier q/leads.A/x vs tier q\'s source A/x/leads (grade A/x, channel leads)', [{ name: 'q/leads.A/x' }, { name: 'q', sources: [['A/x', 'leads']] }], 'tier.q%2Fleads%2EA%2Fx.leads', 'tier.q.leads.A/x/leads'],
    ['tier r/conversion.H vs tier r\'s source H/conversion: their conversion', [{ name: 'r/conversion.H' }, { name: 'r', sources: [['H', 'conversion'], ['B']] }], 'driver.r%2Fconversion%2EH.conversion', 'driver.r.conversion.H/conversion'],
  ] as Array<[string, TierSpec[], string, string]>)('%s: independent draws', async (_, tiers, a, b) => {
    const trials = 2000;
    const sim = await run(tiers, trials);
    const x = values(sim, a);
    const y = values(sim, b);
    expect(x).not.toEqual(y);
    // Independent streams: the correlation is within 4 standard errors (1/sqrt(n)) of zero.
    expect(Math.abs(pearson(x, y))).toBeLessThan(4 / Math.sqrt(trials));
  });
});
