import { describe, expect, it } from 'vitest';
import { MAX_TABLE_ERROR, MAX_TABLE_SPREAD_ERROR, TABLE_FROM_DEALS, tableRule } from '../../src/model/distribution-sampler.js';
import { betaSeverity } from '../../src/math/beta-severity.js';
import { lognormalSeverity } from '../../src/math/lognormal-severity.js';
import type { Severity } from '../../src/math/aggregate-pmf.js';
import { CompoundSumTables } from '../../src/random/compound-sum.js';

/**
 * The rule for a sum of n draws (tables or deal by deal) reads a floor of the tables' error from their
 * grid steps first (CompoundSumTables.relativeErrorFloor), and where the floor is above the limit answers
 * "deal by deal" without building tables only to read their error. Its answers must be the rule's exact
 * ones: n >= TABLE_FROM_DEALS, spreadError <= MAX_TABLE_SPREAD_ERROR and relativeError(n) <= MAX_TABLE_ERROR,
 * read here from a set whose every table is built (the slow reference).
 *
 * Which of these catch what: only the last test (sigma 0.857, no table built) fails on the rule before the
 * floor (bacdbb9), whose answers were already exact but built tables to reach them. The 10 `each` cases
 * pass on that rule too, once relativeErrorFloor exists: they are guards against a wrong floor (one above
 * the exact error would turn a "tables" answer into "deal by deal", and change draws).
 */
const severities: readonly [string, () => Severity][] = [
  ['lognormal 0.01 (too narrow for the grid: spreadError above its limit)', () => lognormalSeverity(0.01)],
  ['lognormal 0.05', () => lognormalSeverity(0.05)],
  ['lognormal 0.6', () => lognormalSeverity(0.6)],
  ['lognormal 0.7653 (the example\'s mid-market ACVs)', () => lognormalSeverity(0.7653451327141242)],
  ['lognormal 0.7972', () => lognormalSeverity(0.7971987042892233)],
  ['lognormal 0.8573', () => lognormalSeverity(0.857251723773791)],
  ['lognormal 1', () => lognormalSeverity(1)],
  ['beta 4.44, 13.31', () => betaSeverity(4.4375, 13.3125)],
  ['beta 0.5, 0.5', () => betaSeverity(0.5, 0.5)],
  ['beta 0.02, 5 (tables that cannot be built: error Infinity)', () => betaSeverity(0.02, 5)],
];

/** The exact rule on a fully built set. */
const exactRule = (built: CompoundSumTables) => (n: number) =>
  n >= TABLE_FROM_DEALS && built.spreadError() <= MAX_TABLE_SPREAD_ERROR && built.relativeError(n) <= MAX_TABLE_ERROR;

describe('the table rule\'s floor (relativeErrorFloor)', () => {
  it.each(severities)('%s: the floor is at most the exact relative error, and the rule on a fresh set answers as the exact rule, n = 1 to 1,100', (_, severity) => {
    const built = new CompoundSumTables(severity());
    built.buildAll();
    for (let n = 4; n <= 1_100; n++) expect(built.relativeErrorFloor(n), `n = ${n}`).toBeLessThanOrEqual(built.relativeError(n));
    const exact = exactRule(built);
    const fresh = tableRule(new CompoundSumTables(severity()));
    // Each answer below 1,024 is cached after its first asking: ask in a scrambled order, then again.
    const order = Array.from({ length: 1_100 }, (_, i) => ((i * 677) % 1_100) + 1);
    for (const n of [...order, ...order]) expect(fresh(n), `n = ${n}`).toBe(exact(n));
  });

  it('the widest of the example\'s ACVs (sigma 0.857): sums of 4 to 16 deals are ruled deal by deal without building a table', () => {
    const severity = lognormalSeverity(0.857251723773791);
    const built = new CompoundSumTables(severity);
    built.buildAll();
    const fresh = new CompoundSumTables(severity);
    const rule = tableRule(fresh);
    for (let n = 4; n <= 16; n++) {
      // The exact answer is "deal by deal" for each of them (their stated error is above the limit).
      expect(built.relativeError(n), `n = ${n}`).toBeGreaterThan(MAX_TABLE_ERROR);
      expect(rule(n), `n = ${n}`).toBe(false);
    }
    // Before the floor, the rule built S_64 (for the spread) and S_4, S_8 and S_16 (for the error) to say so.
    expect(fresh.built().filter((t) => t !== undefined)).toHaveLength(0);
  });
});
