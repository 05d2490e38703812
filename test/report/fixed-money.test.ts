import { describe, expect, it } from 'vitest';
import { fixedMoney } from '../../src/report/fixed-money.js';
import { bridgeSteps } from '../../src/report/charts/arr-bridge.js';
import { runReportScenario } from './fixture.js';

describe('amounts of one chart in one unit and one precision', () => {
  it('writes every amount in the unit of the largest, with the same decimals', () => {
    const f = fixedMoney([94e6, 25.8e6, 5e6, 3.98e6, -0.7e6], '$');
    expect([94e6, 25.8e6, 5e6, 3.98e6, -0.7e6].map(f)).toEqual(['$94.0M', '$25.8M', '$5.0M', '$4.0M', '-$0.7M']);
  });
  it('takes two decimals when the smallest amount would vanish with one', () => {
    expect(fixedMoney([94e6, 0.04e6], '€')(0.04e6)).toBe('€0.04M');
  });
  it('carries into the next unit when the largest amount would read a thousand of its own', () => {
    // An opening ARR of 999,960 read "$1000.0k" in the ARR bridge's labels and spec, beside the
    // tables' "$1M": 999.96k at one decimal is 1000.0k, which is 1.0M.
    const f = fixedMoney([999_960, 400_000, -150_000], '$');
    expect([999_960, 400_000, -150_000].map(f)).toEqual(['$1.0M', '$0.4M', '-$0.2M']);
    // Two decimals in the new unit when the smallest would vanish with one: 12,000 is 0.012M.
    expect([999_960, 12_000].map(fixedMoney([999_960, 12_000], '$'))).toEqual(['$1.00M', '$0.01M']);
    // Whole units below a thousand: 999.6 rounds to 1000, which is 1.0k.
    expect([999.6, 500].map(fixedMoney([999.6, 500], 'CHF'))).toEqual(['CHF 1.0k', 'CHF 0.5k']);
    // Not at the edge: the unit of the largest, as before.
    expect(fixedMoney([999_940, 400_000], '$')(999_940)).toBe('$999.9k');
  });
  it('the ARR bridge labels share their unit and decimals', async () => {
    const { summary } = await runReportScenario(undefined, 500);
    const texts = bridgeSteps(summary, '$').map((s) => s.text.replace(/^[+-]/, ''));
    const shapes = new Set(texts.map((t) => t.replace(/\d/g, '9').replace(/^\$9+/, '$9')));
    expect(shapes.size, texts.join(' ')).toBe(1);
  });
});
