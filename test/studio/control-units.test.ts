import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDriverValue, studioControls } from '../../src/studio/controls.js';
import { ROOT, scenarioFrom } from '../helpers/fixtures.js';

/**
 * An amount a slider moves reads with the scenario's currency, as the page's figures do: the
 * example's SMB ACV read "11.0k" beside revenue's "$119M", with no unit. Rates, counts, months
 * and factors carry none.
 */
describe('arrcast studio: the value of a slider that moves an amount', () => {
  const example = readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8');
  const acv = (yaml: string) => studioControls(scenarioFrom(yaml)).drivers.find((d) => d.label === 'SMB ACV')!;

  it.each([
    ['USD', '$11.0k', '$5.50k', '$16.5k'],
    ['EUR', '€11.0k', '€5.50k', '€16.5k'],
    ['CHF', 'CHF 11.0k', 'CHF 5.50k', 'CHF 16.5k'],
  ])('in %s: the plan %s, the ends %s and %s', (currency, plan, low, high) => {
    // The example's SMB ACV is a lognormal of median 11,000: the slider spans ±50% of it.
    const c = acv(example.replace(/^currency: USD$/m, `currency: ${currency}`));
    expect(c.labels[c.planIndex]).toBe(plan);
    expect([c.labels[0], c.labels.at(-1)]).toEqual([low, high]);
  });

  it('a rate, a count, months and a factor carry no currency', () => {
    const drivers = studioControls(scenarioFrom(example)).drivers;
    const shown = (label: string) => drivers.find((d) => d.label === label)!.labels;
    expect(shown('SMB conversion')).toContain('3.00%');
    expect(shown('SMB leads a month')).toContain('2,700');
    for (const d of drivers.filter((x) => x.unit !== 'currency')) for (const l of d.labels) expect(l).not.toMatch(/\$/);
  });

  // formatDriverValue put the sign and the symbol together again on formatMoney's text, and read its
  // '-' (no amount) as a minus sign: '-$'. Written by hand: the page's figures' forms.
  it.each([
    [Number.NaN, '$', '-'],
    [Number.POSITIVE_INFINITY, '$', '-'],
    [Number.NEGATIVE_INFINITY, 'CHF', '-'],
    [-1500, '$', '-$1.50k'],
    [-2_500_000, 'CHF', '-CHF 2.50M'],
    [0, '€', '€0'],
  ])('an amount of %s with %s reads %s (a non-finite one is no amount, not a minus sign)', (v, symbol, text) => {
    expect(formatDriverValue('currency', v, symbol)).toBe(text);
  });
});
