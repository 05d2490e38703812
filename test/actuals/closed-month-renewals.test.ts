import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closedMonthsDue, scenarioStart } from '../../src/actuals/start-state.js';
import { learningModel } from '../../src/actuals/learning-model.js';
import { closedMonthRenewals, midTermLeavers, renewedCustomers } from '../../src/actuals/closed-month-renewals.js';
import type { MonthlyMeasure } from '../../src/actuals/monthly-record.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * closedMonthsDue repeated the start state's arithmetic of a closed month's churn, renewals and
 * mid-term leavers for an aggregate book; both (and the renewal likelihood's counts) now read
 * closed-month-renewals.ts. The re-forecast's numbers are bit-identical: the digest below is of the
 * start state, the closed months' calendar and the likelihood terms over 64 generated files (every
 * mix of renewed_arr, churned_arr and due_arr given or not, leavers and none), computed by the code
 * before the change (commit fc14f61).
 */
const plan = planLoaded(
  scenarioFrom(`
name: closed months
tiers:
  - name: A
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.8, sd: 0.1 }, priceUplift: 0 }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 40 }, conversion: { dist: beta, mean: 0.05, sd: 0.01 }, acv: { dist: lognormal, mean: 12000, sd: 4000 } }
  - name: B
    existing: { openingArr: 500000, customers: 7, renewalRate: { dist: beta, mean: 0.9, sd: 0.05 } }
  - name: C
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 20 }, conversion: 0.1, acv: 5000 }
`),
);

/** A small seeded generator (the files are fixed by the seed). */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function files() {
  const out = [];
  for (let f = 0; f < 64; f++) {
    const u = generator(f + 1);
    const months = 1 + (f % 6);
    const rows = (due: number) =>
      Array.from({ length: months }, () => {
        const row: Partial<Record<MonthlyMeasure, number>> = { ending_arr: Math.round(u() * 1e6), new_arr: Math.round(u() * 50_000) };
        const given = f >> 2;
        const dueArr = Math.round(due * (0.5 + u()));
        if (given & 1) row.renewed_arr = Math.round(dueArr * u());
        // Churn up to twice what is due: beyond it, customers leaving mid-term.
        if (given & 2) row.churned_arr = Math.round(dueArr * 2 * u());
        if (given & 4) row.due_arr = dueArr;
        return row;
      });
    out.push({ months, file: monthlyFile({ A: rows(100_000), B: rows(70_000), C: rows(0) }) });
  }
  return out;
}

const plain = (x: unknown): unknown =>
  ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>) : Array.isArray(x) ? x.map(plain) : x !== null && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)])) : x;

describe("a closed month's renewals, churn and leavers, one rule", () => {
  it('the re-forecast start, the closed months and the likelihood are bit-identical to before', () => {
    const hash = createHash('sha256');
    for (const { months, file } of files()) {
      hash.update(JSON.stringify(plain(scenarioStart(plan, file, months))));
      for (const [i, t] of plan.tiers.entries()) if (t.existing) hash.update(JSON.stringify(plain(closedMonthsDue(t.existing, file.byTier.get(['A', 'B', 'C'][i]!)!, months))));
      const model = learningModel(plan, file, months, 'seed');
      const z = new Float64Array(model.dimension).map((_, i) => Math.sin(i + 1));
      hash.update(JSON.stringify(Array.from(model.termValues(z))));
    }
    expect(hash.digest('hex')).toBe('f18f80e63f3054cb33837e6c81596dc0ba60eaa8369e0fdaddb53411c05eaae9');
  });

  it('reads churn, renewals and leavers as the file states them', () => {
    // renewed and churned given: 100k renewed, 600k churned of 200k due: 500k beyond, 5 leavers at 100k.
    expect(closedMonthRenewals({ values: { renewed_arr: 100_000, churned_arr: 600_000 } }, 200_000)).toEqual({ churned: 600_000, renewedArr: 100_000, beyond: 500_000 });
    // renewed alone: the due that did not renew churned.
    expect(closedMonthRenewals({ values: { renewed_arr: 150_000 } }, 200_000)).toEqual({ churned: 50_000, renewedArr: 150_000, beyond: 0 });
    // churned alone: the due less the churn renewed.
    expect(closedMonthRenewals({ values: { churned_arr: 30_000 } }, 200_000)).toEqual({ churned: 30_000, renewedArr: 170_000, beyond: 0 });
    expect(closedMonthRenewals({ values: {} }, 200_000)).toEqual({ churned: 0, renewedArr: 200_000, beyond: 0 });
    expect(renewedCustomers(95_000, 10, 10_000)).toBe(10);
    expect(renewedCustomers(130_000, 10, 10_000)).toBe(10);
    expect(renewedCustomers(44_000, 10, 0)).toBe(0);
    expect(midTermLeavers(250_000, 100_000)).toBe(3);
    expect(midTermLeavers(10, 100_000)).toBe(1);
    expect(midTermLeavers(0.5, 100_000)).toBe(0);
    expect(midTermLeavers(250_000, 0)).toBe(0);
  });
});
