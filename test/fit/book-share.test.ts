import { describe, expect, it } from 'vitest';
import { beta, binomial, createStream } from '../../src/random/index.js';
import { fitBookShare } from '../../src/fit/book-share.js';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';

/**
 * Contraction and expansion from monthly contraction_arr, expansion_arr and renewed_arr. `fit`
 * wrote them as 0 (no contraction or expansion in the scenario) whatever the history said; monthly
 * totals identify the share of ARR renewed (probability x mean size), not its two factors, so the
 * share is fitted (n, estimate, interval) and written through a stated size judgement.
 */
const SEEDS = 200;
const SE = Math.sqrt((0.95 * 0.05) / SEEDS);

describe('fitBookShare: recovery of the contraction share', () => {
  it('40 customers renewing a month, each contracting with chance 0.1 by a Beta(2, 6) share: the interval holds p x E[size] = 2.5% in 95% of seeds (3 SE)', () => {
    const truth = 0.1 * (2 / 8);
    let hits = 0;
    for (let s = 0; s < SEEDS; s++) {
      const count = binomial(createStream(`share/${s}/count`));
      const size = beta(createStream(`share/${s}/size`));
      const renewed = new Float64Array(24).fill(40 * 10_000);
      const lost = Float64Array.from({ length: 24 }, () => {
        let sum = 0;
        for (let k = count(40, 0.1); k > 0; k--) sum += size(2, 6) * 10_000;
        return sum;
      });
      const f = fitBookShare(lost, renewed, 'contraction');
      if (f.share.lo <= truth && truth <= f.share.hi) hits++;
    }
    expect(Math.abs(hits / SEEDS - 0.95), `covered in ${hits} of ${SEEDS}`).toBeLessThanOrEqual(3 * SE);
  });
});

const history = (contraction: (k: number) => number, expansion: (k: number) => number, columns = true) => {
  const head = `month,tier,leads,deals,new_arr,churned_arr,${columns ? 'contraction_arr,expansion_arr,' : ''}renewed_arr,due_arr,ending_arr`;
  const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},Core,1000,${28 + (i % 5)},${300_000 + 7_000 * (i % 3)},${10_000 + 1_000 * (i % 4)},${columns ? `${contraction(i)},${expansion(i)},` : ''}${90_000 - 1_000 * (i % 4)},100000,5000000`);
  return parseMonthlyFile(`${head}\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' });
};

describe('fit writes the contraction and expansion the history shows', () => {
  it('books the fitted shares of ARR renewed: E[probability] x size (and (1 - contraction) for expansion), with the comments saying what is not identified', () => {
    const fit = fitHistory({ history: history((k) => 1_500 + 200 * (k % 3), (k) => 4_000 + 900 * (k % 4)) });
    const e = fit.tiers[0]!.existing!;
    // Σ contraction / Σ renewed by hand: renewed 90,000 − 1,000 (k mod 4) over 12 months = 1,062,000.
    expect(e.contraction!.share.value).toBeCloseTo((12 * 1_500 + 4 * 200 * 3) / 1_062_000, 12);
    expect(e.expansion!.share.value).toBeCloseTo((12 * 4_000 + 3 * 900 * 6) / 1_062_000, 12);
    const text = fittedScenarioText(fit);
    expect(text).toContain('Monthly totals identify that product, not its');
    expect(text).toContain('The size is written 0.25, a judgement and not fitted');
    const book = parseScenario(text, 'f.yaml').scenario.tiers[0]!.existing!;
    // What the written probability and size book is checked by running them (book-share-simulated.test.ts).
    expect(book.contraction).toMatchObject({ size: 0.25 });
    expect(book.expansion).toMatchObject({ size: 0.25 });
  });

  it('writes none without the columns, and none when the columns hold 0 (with the interval)', () => {
    expect(parseScenario(fittedScenarioText(fitHistory({ history: history(() => 0, () => 0, false) })), 'f.yaml').scenario.tiers[0]!.existing!.contraction).toBeUndefined();
    const text = fittedScenarioText(fitHistory({ history: history(() => 0, () => 0) }));
    expect(text).toContain('None in the last 12 months: written as none (the estimate), its interval above.');
    expect(parseScenario(text, 'f.yaml').scenario.tiers[0]!.existing!.contraction).toBeUndefined();
  });
});
