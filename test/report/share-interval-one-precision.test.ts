import { describe, expect, it } from 'vitest';
import { formatShareBeside, formatShareInterval } from '../../src/report/interval-format.js';
import { shareFormats } from '../../src/report/xlsx/share-format.js';
import { chanceCell, chanceShort } from '../../src/report/chance-words.js';

/** A share and its interval as the targets table writes them: "0.075% [0.015%, 0.200%]". */
const group = (value: number, interval: [number, number]) => `${formatShareBeside(value, interval)} ${formatShareInterval(interval, value)}`;

describe('a share and its 95% interval in one precision', () => {
  it('a small chance: its ends at its decimals (0.075% wrote [0.015%, 0.2%])', () => {
    expect(group(0.00075, [0.00015, 0.002])).toBe('0.075% [0.015%, 0.200%]');
    // One trial in 3,000: the figure's three decimals (0.033%) read its Wilson interval's low end,
    // 0.00589%, off 0 (0.006%): no more (twenty-third session: four, for two significant digits of
    // each end, 0.0333% [0.0059%, 0.1886%], where the interval is 0.18% wide).
    expect(group(1 / 3000, [0.0000589, 0.001886])).toBe('0.033% [0.006%, 0.189%]');
    // One in 1,000, Wilson [0.01765%, 0.5643%]: at formatShare's one decimal the low end read 0.0%;
    // two read it 0.02%, off 0.
    expect(group(0.001, [0.00017654637, 0.0056425586])).toBe('0.10% [0.02%, 0.56%]');
    // None of 100,000, Wilson [0, 0.003841%]: the high end at the fewest decimals that read it off 0 (0.004%).
    expect(group(0, [0, 0.00003841311])).toBe('0.000% [0.000%, 0.004%]');
    // A bound of float noise (2e-19, none of 1,000) is zero, not 0.00000000000000002%.
    expect(group(0, [2.168e-19, 0.0038267585])).toBe('0.0% [0.0%, 0.4%]');
    // An end that rounds to zero (float noise, below the eight decimals a small share takes at most) reads without a sign.
    expect(group(-0.0004, [-1e-20, 0.0003])).toBe('-0.040% [0.000%, 0.030%]');
  });
  it('near 1: the figure at the decimals that keep its upper end from reading 100%', () => {
    // The mirror of a small chance: the upper end 0.005% short of 100% reads 100.00% at the figure's two
    // decimals, 99.995% at three (twenty-third session: four, for two significant digits of that distance).
    expect(group(0.9997, [0.999, 0.99995])).toBe('99.970% [99.900%, 99.995%]');
    expect(group(0.999, [0.99435744, 0.99982345])).toBe('99.90% [99.44%, 99.98%]');
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
  it("a sentence's bound is the table's interval end, rounded outward (none of 100,000 read \"under 0.0039%\" beside [0.000%, 0.004%])", () => {
    // Wilson's upper end for 0 of 100,000: z^2 / (n + z^2) = 0.0038414%, which the table writes 0.004%.
    const z2 = 1.959963984540054 ** 2;
    const none = { value: 0, interval: [0, z2 / (100000 + z2)] as [number, number], standardError: 0 };
    expect(chanceCell(none)).toBe('0.000% [0.000%, 0.004%]');
    expect(chanceShort(none, false)).toBe('under 0.004%');
    // All of 100,000: the mirror, 99.9961586% rounded down at the table's three decimals.
    const all = { value: 1, interval: [1 - z2 / (100000 + z2), 1] as [number, number], standardError: 0 };
    expect(chanceCell(all)).toBe('100.000% [99.996%, 100.000%]');
    expect(chanceShort(all, false)).toBe('over 99.996%');
  });
  // Wilson's end for none (all) of n, z^2/(n+z^2), worked here; the table's text of it is read from
  // chanceCell and must be the sentence's bound, and hold as one (the bound at or beyond the end).
  it.each([
    [3000, '0.13%'],
    [30000, '0.013%'],
    [50000, '0.01%'],
    [100000, '0.004%'],
  ])("none (all) of %i trials: the sentence's bound reads as the table's end reads, and holds (%s)", (n, upper) => {
    const z2 = 1.959963984540054 ** 2;
    const end = z2 / (n + z2);
    const none = { value: 0, interval: [0, end] as [number, number], standardError: 0 };
    const tableEnd = /\[[^,]+, ([^\]]+)\]$/.exec(chanceCell(none))![1]!;
    expect(tableEnd).toBe(upper);
    expect(chanceShort(none, false)).toBe(`under ${tableEnd}`);
    expect(Number(tableEnd.slice(0, -1))).toBeGreaterThanOrEqual(end * 100);
    const all = { value: 1, interval: [1 - end, 1] as [number, number], standardError: 0 };
    const tableLow = /\[([^,]+), [^\]]+\]$/.exec(chanceCell(all))![1]!;
    expect(tableLow).toBe(`${(100 - Number(upper.slice(0, -1))).toFixed(upper.length - 3)}%`);
    expect(chanceShort(all, false)).toBe(`over ${tableLow}`);
    expect(Number(tableLow.slice(0, -1))).toBeLessThanOrEqual((1 - end) * 100);
  });
});
