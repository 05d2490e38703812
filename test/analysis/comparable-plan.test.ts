import { describe, expect, it } from 'vitest';
import { comparablePlan } from '../../src/analysis/reforecast-summary.js';
import type { PlanTarget } from '../../src/analysis/plan-summary.js';

/**
 * The "at plan" column finds a plan's target by its label. Default labels are exact since the
 * nineteenth session ('revenue >= 119.996M'); a plan written before them named 119,996,000
 * 'revenue >= 120M' (2 decimals), and must still give that target its chance at plan, and never
 * give it to the re-forecast's 120M target.
 */
const budgets = { metrics: { revenue: { value: 1 }, bookings: { value: 1 }, endingArr: { value: 1 } } };
const plan = (targets: PlanTarget[]) => comparablePlan({ budgets, targets }, NOW).targets;
const NOW = [
  { label: 'revenue >= 119.996M', metric: 'revenue', value: 119_996_000 },
  { label: 'revenue >= 120M', metric: 'revenue', value: 120e6 },
  { label: 'SMB bookings >= 1.234567k', metric: 'bookings', value: 1234.567, tier: 'SMB' },
];

describe("a plan's targets under the default labels of the 2-decimal rule find the re-forecast's exact ones", () => {
  it('matches by what the plan target tested, under its rounded label', () => {
    expect(
      plan([
        { label: 'revenue >= 120M', probability: { value: 0.4 }, metric: 'revenue', value: 119_996_000 },
        { label: 'revenue >= 120M', probability: { value: 0.3 }, metric: 'revenue', value: 120e6 },
        { label: 'smb bookings >= 1.23K', probability: { value: 0.9 }, metric: 'bookings', value: 1234.567, tier: 'smb' },
      ]),
    ).toEqual([
      { label: 'revenue >= 119.996M', probability: { value: 0.4 }, metric: 'revenue', value: 119_996_000 },
      { label: 'revenue >= 120M', probability: { value: 0.3 }, metric: 'revenue', value: 120e6 },
      { label: 'SMB bookings >= 1.234567k', probability: { value: 0.9 }, metric: 'bookings', value: 1234.567, tier: 'smb' },
    ]);
  });

  it('a summary too old to say what it tested: its label, as the exact one first, then as a rounded default', () => {
    expect(plan([{ label: 'revenue >= 120M', probability: { value: 0.3 } }])).toEqual([{ label: 'revenue >= 120M', probability: { value: 0.3 } }]);
    expect(plan([{ label: 'SMB bookings >= 1.23k', probability: { value: 0.9 } }])).toEqual([{ label: 'SMB bookings >= 1.234567k', probability: { value: 0.9 } }]);
  });

  it('a rounded label of another value is no match: left out when the label is taken, else kept as it is', () => {
    expect(plan([{ label: 'revenue >= 120M', probability: { value: 0.2 }, metric: 'revenue', value: 120.001e6 }])).toEqual([]);
    const other = { label: 'revenue >= 95M', probability: { value: 0.8 }, metric: 'revenue' as const, value: 95e6 };
    expect(plan([other])).toEqual([other]);
  });
});
