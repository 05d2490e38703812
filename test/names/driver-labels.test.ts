import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { parseScenario } from '../../src/scenario/parse.js';

/**
 * A driver's label is its tier's name, a lead source's or pipeline group's name and words, so two
 * drivers could read alike in every table, chart and sentence ("EMEA Inbound conversion" for tier
 * "EMEA"'s lead source "Inbound" and for tier "EMEA Inbound"). Labels shared by several drivers
 * now say where each one is; labels that are distinct stay as they were.
 */
const tier = (name: string, sources?: string[]) => ({
  name,
  existing: { openingArr: 1_200_000, customers: 100, renewalRate: { dist: 'beta', mean: 0.85, sd: 0.03 } },
  newBusiness: {
    ...(sources
      ? { leadSources: sources.map((grade) => ({ grade, leadsPerMonth: { dist: 'poisson', mean: 40 }, conversion: { dist: 'beta', mean: 0.1, sd: 0.03 } })) }
      : { leadsPerMonth: { dist: 'poisson', mean: 60 }, conversion: { dist: 'beta', mean: 0.15, sd: 0.04 } }),
    acv: { dist: 'lognormal', mean: 12000, sd: 3000 },
  },
});
const scenarioOf = (tiers: object[]) =>
  parseScenario(JSON.stringify({ name: 'Labels', seed: 5, market: { loadings: { leads: 0.1, conversion: 0.05 } }, tiers }), 'labels.json');

const labelsOf = (tiers: object[]) => planScenario(scenarioOf(tiers).scenario).plannedDrivers.map((d) => d.label);

describe('driver labels are distinct across the plan', () => {
  it('a lead source and a tier that read alike each say where they are', () => {
    const labels = labelsOf([tier('EMEA', ['Inbound', 'Outbound']), tier('EMEA Inbound')]);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('EMEA Inbound conversion (tier "EMEA", lead source "Inbound")');
    expect(labels).toContain('EMEA Inbound conversion (tier "EMEA Inbound")');
    expect(labels).toContain('EMEA Inbound leads a month (tier "EMEA", lead source "Inbound")');
    // Labels no other driver has are left as they were.
    expect(labels).toContain('EMEA Outbound conversion');
    expect(labels).toContain('EMEA renewal rate');
  });

  it('names holding quotes and the words a label is given stay distinct', () => {
    const labels = labelsOf([
      tier('A', ['B C', 'B C conversion (tier "A B"), x']),
      tier('A B', ['C']),
      tier('A B C conversion (tier "A B",', ['lead source "C")']),
    ]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('summary.json, its bad years and the sentences name each driver apart', async () => {
    const sim = await simulate(scenarioOf([tier('EMEA', ['Inbound']), tier('EMEA Inbound')]), { trials: 1000, workers: 0 });
    const s = summarize(sim);
    const labels = s.sensitivity.drivers.map((d) => d.label);
    expect(new Set(labels).size).toBe(labels.length);
    const bad = s.badYears.metrics.revenue.drivers.map((d) => d.label);
    expect(new Set(bad).size).toBe(bad.length);
    expect(bad).toEqual(expect.arrayContaining(['EMEA Inbound conversion (tier "EMEA", lead source "Inbound")', 'EMEA Inbound conversion (tier "EMEA Inbound")']));
  });

  it("an ordinary scenario's plan keeps its labels and its objects", () => {
    const loaded = parseScenario(readFileSync('scenarios/example.yaml', 'utf8'), 'scenarios/example.yaml');
    const plan = planScenario(loaded.scenario);
    expect(plan.plannedDrivers.map((d) => d.label)).toContain('SMB conversion');
    expect(plan.plannedDrivers).toEqual(plan.tiers.flatMap((t) => t.plannedDrivers));
    expect(new Set(plan.plannedDrivers.map((d) => d.label)).size).toBe(plan.plannedDrivers.length);
  });
});
