import { describe, expect, it } from 'vitest';
import { formatShareBeside, formatShareInterval } from '../../src/report/interval-format.js';
import { shareFormats } from '../../src/report/xlsx/share-format.js';
import { chanceCell } from '../../src/report/chance-words.js';

/** A share and its interval as the targets table writes them: "0.075% [0.015%, 0.200%]". */
const group = (value: number, interval: [number, number]) => `${formatShareBeside(value, interval)} ${formatShareInterval(interval, value)}`;

describe('a share and its 95% interval in one precision', () => {
  it('a small chance: its ends at its decimals (0.075% wrote [0.015%, 0.2%])', () => {
    expect(group(0.00075, [0.00015, 0.002])).toBe('0.075% [0.015%, 0.200%]');
    // One trial in 3,000: 0.0333%; its Wilson interval [0.00589%, 0.1886%] at three decimals.
    expect(group(1 / 3000, [0.0000589, 0.001886])).toBe('0.033% [0.006%, 0.189%]');
    // An end that rounds to zero reads without a sign.
    expect(group(-0.0004, [-0.000004, 0.0003])).toBe('-0.040% [0.000%, 0.030%]');
  });
  it('near 1: the figure at the decimals that keep its upper end from reading 100%', () => {
    expect(group(0.9997, [0.999, 0.99995])).toBe('99.970% [99.900%, 99.995%]');
  });
  it('the ordinary case is as before: one decimal, or more until the ends differ', () => {
    expect(group(0.458, [0.442, 0.473])).toBe('45.8% [44.2%, 47.3%]');
    expect(group(0.9102, [0.9101, 0.9104])).toBe('91.02% [91.01%, 91.04%]');
    expect(formatShareInterval([0.9098, 0.9104])).toBe('[90.98%, 91.04%]');
  });
  it('report.xlsx formats the three cells alike, and the sentence form agrees', () => {
    expect(shareFormats([0.00075, 0.00015, 0.002])).toEqual(['0.000%', '0.000%', '0.000%']);
    expect(chanceCell({ value: 0.00075, interval: [0.00015, 0.002], standardError: 0.0003 })).toBe('0.075% [0.015%, 0.200%]');
  });
});
