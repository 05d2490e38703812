import { describe, expect, it } from 'vitest';
import { receiveTables, TableHandoff } from '../../src/engine/table-handoff.js';
import type { SharedSumTables } from '../../src/model/sum-tables.js';
import { sumTables } from '../../src/model/sum-tables.js';
import { lognormalSeverity } from '../../src/math/lognormal-severity.js';
import { CompoundSumTables } from '../../src/random/compound-sum.js';

/** One set of tables as a run sends them, under a key no other test builds. */
function someTables(key: string): SharedSumTables[] {
  const set = new CompoundSumTables(lognormalSeverity(0.45));
  set.table(2);
  return [{ key, tables: Array.from(set.built(), (t) => t ?? null) }];
}

describe('TableHandoff: a run sends its tables until every thread has them', () => {
  it('sends them with every task until as many threads as the pool has have counted themselves, then none', () => {
    const tables = someTables('lognormal/test-handoff-a');
    const handoff = new TableHandoff(tables, 1);
    const first = handoff.forTask();
    expect(first.sumTables).toBe(tables);
    // Sent again while no thread has taken them (tasks sent before the first one arrives).
    expect(handoff.forTask().sumTables).toBe(tables);
    receiveTables(first);
    expect(handoff.forTask()).toEqual({});
    // The thread adopted them: its set of that key holds the sent table.
    expect(sumTables('lognormal/test-handoff-a', () => lognormalSeverity(0.45)).built()[2]).toBe(tables[0]!.tables[2]);
  });

  it('a thread counts itself once a run, however many tasks with tables it gets', () => {
    const handoff = new TableHandoff(someTables('lognormal/test-handoff-b'), 2);
    receiveTables(handoff.forTask());
    receiveTables(handoff.forTask());
    receiveTables(handoff.forTask());
    // One thread (this one) of two: the other has not said it has them.
    expect(handoff.forTask().sumTables).toBeDefined();
  });

  it('runs are counted apart: a thread that took one run\'s tables has not taken the next run\'s', () => {
    const tables = someTables('lognormal/test-handoff-c');
    const one = new TableHandoff(tables, 1);
    receiveTables(one.forTask());
    expect(one.forTask()).toEqual({});
    const two = new TableHandoff(tables, 1);
    expect(two.forTask().sumTables).toBe(tables);
  });

  it('a plan with no tables sends nothing, and a task without tables counts nothing', () => {
    expect(new TableHandoff([], 2).forTask()).toEqual({});
    const handoff = new TableHandoff(someTables('lognormal/test-handoff-d'), 1);
    receiveTables({});
    expect(handoff.forTask().sumTables).toBeDefined();
  });
});
