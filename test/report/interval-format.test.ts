import { describe, expect, it } from 'vitest';
import { formatMoneyBeside, formatMoneyInterval, formatShareInterval } from '../../src/report/interval-format.js';

/** A figure and its interval as the tables write them: "value [low, high]". */
const written = (value: number, interval: [number, number], symbol = '$') => `${formatMoneyBeside(value, interval, symbol)} ${formatMoneyInterval(interval, symbol, value)}`;

describe('intervals written with the precision their width needs, at their figure\u2019s decimal place', () => {
  it('keeps three digits when the ends already differ', () => {
    expect(written(120e6, [106e6, 138e6])).toBe('$120M [$106M, $138M]');
  });
  it('adds digits until a narrow interval shows its width', () => {
    expect(written(109.9e6, [109.77e6, 110.08e6])).toBe('$109.9M [$109.8M, $110.1M]');
    expect(written(50.95e6, [50.9e6, 51.0e6])).toBe('$51.0M [$50.9M, $51.0M]');
    expect(written(50.92e6, [50.91e6, 50.94e6], '€')).toBe('€50.92M [€50.91M, €50.94M]');
  });
  it('never mixes precisions inside one interval, nor with its figure', () => {
    // The defect: "$94.1M [$94M, $94.3M]" (the low end dropped its decimal).
    expect(written(94.1e6, [94.04e6, 94.3e6])).toBe('$94.1M [$94.0M, $94.3M]');
    // A figure of three digits at two decimals: its ends at two decimals ("$10M" and "$9.7M" were written).
    expect(written(9.86e6, [9.7e6, 10.0e6])).toBe('$9.86M [$9.70M, $10.00M]');
    // Ends across a unit: one unit, that of the largest (not "[$998k, $1.00M]").
    expect(written(1.0004e6, [998_000, 1_001_000])).toBe('$1.000M [$0.998M, $1.001M]');
  });
  it('writes equal ends equally, with three digits', () => {
    expect(written(110e6, [110e6, 110e6])).toBe('$110M [$110M, $110M]');
    // 783,333.33 reached two ways: ends a bit apart that no number of digits tells apart.
    const third = 2_350_000 / 3;
    expect(written(third, [third, third * (1 + 2 ** -52)])).toBe('$783k [$783k, $783k]');
  });
  it('does the same for shares', () => {
    expect(formatShareInterval([0.3, 0.4])).toBe('[30.0%, 40.0%]');
    expect(formatShareInterval([0.9098, 0.9104])).toBe('[90.98%, 91.04%]');
  });
});

describe("the terminal's intervals: the same rule without the symbol", () => {
  it('adds digits until the ends read differently, the figure beside at the same decimals', () => {
    expect(written(120e6, [106e6, 138e6], '')).toBe('120M [106M, 138M]');
    expect(written(19_705_224, [19_675_215, 19_736_390], '')).toBe('19.71M [19.68M, 19.74M]');
    expect(written(2.5015e9, [2.5012e9, 2.5018e9], '')).toBe('2.502B [2.501B, 2.502B]');
    expect(written(812.4, [812.2, 812.6], '')).toBe('812 [812, 813]');
    expect(written(812.3, [812.2, 812.4], '')).toBe('812.3 [812.2, 812.4]');
    expect(formatMoneyBeside(19_705_224, null, '')).toBe('19.7M');
  });
  it('writes equal ends, and ends no digits tell apart, at three digits', () => {
    expect(written(4.7e6, [4.7e6, 4.7e6], '')).toBe('4.70M [4.70M, 4.70M]');
    const third = 2_350_000 / 3;
    expect(written(third, [third, third * (1 + 2 ** -52)], '')).toBe('783k [783k, 783k]');
  });
});

describe('a figure small against its interval: each keeps its own significant digits', () => {
  // Hand-worked: a figure's place at 3 digits is 10^(lead-2); the widest end written there would carry
  // lead(widest) - lead(figure) + 3 digits. From 5 digits on (two beyond the figure's three), each is
  // written by itself: 50 beside [0, 5,000] read "$0.0500k [$0.0000k, $5.0000k]".
  it.each([
    [50, [0, 5000], '$50.0 [$0, $5.00k]'],
    [1200, [0, 250_000], '$1.20k [$0, $250k]'],
    [0, [-1.2e6, 1.3e6], '$0 [-$1.20M, $1.30M]'],
    [0.5e6, [0.1e6, 12e6], '$500k [$100k, $12.0M]'],
    // One digit beyond (12.00M beside 1.50M): still one place for the three.
    [1.5e6, [0.9e6, 12e6], '$1.50M [$0.90M, $12.00M]'],
    // A zero end in a group is "$0", not "$0k".
    [0.3e6, [0, 0.6e6], '$300k [$0, $600k]'],
  ] as const)('%d beside %j', (value, interval, text) => {
    expect(written(value, [interval[0], interval[1]])).toBe(text);
  });
});
