import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { workPerTrial } from '../../src/model/work-estimate.js';
import { MAX_UNITS_PER_MONTH } from '../../src/model/model-limit-error.js';

/**
 * Whatever a valid history file holds, `fit` either refuses it as bad input (ScenarioError) or
 * writes a scenario that validates and that `arrcast run` can run: never one that `arrcast validate`
 * refuses, nor one whose expected deals in a month are near the model's per-month guard (run would
 * stop with "cannot be simulated"). Volumes go from none to the reader's limits.
 */
const month = fc.record({
  leads: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1e9 })),
  dealShare: fc.double({ min: 0, max: 1, noNaN: true }),
  acv: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e7, noNaN: true })),
  ending: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e11, noNaN: true })),
  due: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true })),
  renewedShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('fit on arbitrary histories', () => {
  it('refuses the history as bad input or writes a scenario that validates', () => {
    // Histories fitted (the rest refused): the fitted branch's checks must run, not only the refusals'.
    let fitted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 36 }), fc.array(month, { minLength: 36, maxLength: 36 }), (n, months) => {
        const rows = months.slice(0, n).map((m, i) => {
          const deals = Math.min(Math.floor(m.leads * m.dealShare * 0.2), 250_000);
          const due = Math.round(m.due);
          return `${i + 1},T,${m.leads},${deals},${Math.round(deals * m.acv)},${Math.round(m.ending)},${due},${Math.floor(due * m.renewedShare)}`;
        });
        const text = `month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr\n${rows.join('\n')}\n`;
        let yaml: string;
        try {
          yaml = fittedScenarioText(fitHistory({ history: parseMonthlyFile(text, 'h.csv', { kind: 'history' }) }));
        } catch (err) {
          expect(err).toBeInstanceOf(ScenarioError);
          return;
        }
        fitted++;
        const { scenario } = parseScenario(yaml, 'fitted.yaml');
        // The guard stops a trial past MAX_UNITS_PER_MONTH deals; the expected peak stays well inside it.
        expect(workPerTrial(planScenario(scenario)).peakMonthlyUnits).toBeLessThanOrEqual(MAX_UNITS_PER_MONTH / 2);
      }),
      { numRuns: 300, seed: 15 },
    );
    // 77 of the 300 at this seed.
    expect(fitted).toBeGreaterThanOrEqual(30);
  });
});
