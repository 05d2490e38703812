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
  it('the ARR bridge labels share their unit and decimals', async () => {
    const { summary } = await runReportScenario(undefined, 500);
    const texts = bridgeSteps(summary, '$').map((s) => s.text.replace(/^[+-]/, ''));
    const shapes = new Set(texts.map((t) => t.replace(/\d/g, '9').replace(/^\$9+/, '$9')));
    expect(shapes.size, texts.join(' ')).toBe(1);
  });
});
