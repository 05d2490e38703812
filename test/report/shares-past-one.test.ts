import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { run } from '../helpers/fixtures.js';

/**
 * Shares of independent inputs add up to at most 100% (Var(E[Y | X1]) + Var(E[Y | X2]) <= Var(Y)),
 * but from a few dozen trials each is estimated with a wide interval, and their sum can come out far
 * past 100%: at 12 trials (seed 1) the market and conversion read 93% and 98%, luck -91%. The terminal
 * printed that remainder with no word, where a negative driver's share gets one.
 */
const YAML = `name: few trials
market:
  loadings:
    leads: 0.3
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 400 }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 10000
`;

describe('the terminal when the shares add up past 100%', () => {
  it('says the remainder below 0 is chance at so few trials', async () => {
    const summary = summarize(await run(YAML, 12, 1));
    const s = summary.sensitivity;
    expect(s.unexplained.value!).toBeLessThan(0);
    expect(s.drivers.reduce((a, d) => a + d.varianceShare!, 0)).toBeGreaterThan(1);
    const text = summaryTable(summary);
    expect(text).toMatch(/Unit-level luck and interactions +-\d/);
    expect(text).toContain(
      "Luck and interactions below 0: the shares add up to more than 100%, by chance at 12 trials (independent inputs' shares add up to at most 100%; each interval says how far a share may be off).",
    );
  });
});
