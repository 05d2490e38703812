import { describe, expect, it } from 'vitest';
import { formatMoneyBesidePlain, formatMoneyInterval, formatMoneyIntervalPlain, formatShareInterval } from '../../src/report/interval-format.js';

describe('intervals written with the precision their width needs', () => {
  it('keeps three digits when the ends already differ', () => {
    expect(formatMoneyInterval([106e6, 138e6], '$')).toBe('[$106M, $138M]');
  });
  it('adds digits until a narrow interval shows its width', () => {
    expect(formatMoneyInterval([109.77e6, 110.08e6], '$')).toBe('[$109.8M, $110.1M]');
    expect(formatMoneyInterval([50.9e6, 51.0e6], '$')).toBe('[$50.9M, $51M]');
    expect(formatMoneyInterval([50.91e6, 50.94e6], '€')).toBe('[€50.91M, €50.94M]');
  });
  it('writes equal ends equally, with three digits', () => {
    expect(formatMoneyInterval([110e6, 110e6], '$')).toBe('[$110M, $110M]');
    // 783,333.33 reached two ways: ends a bit apart that no number of digits tells apart.
    const third = 2_350_000 / 3;
    expect(formatMoneyInterval([third, third * (1 + 2 ** -52)], '$')).toBe('[$783k, $783k]');
  });
  it('does the same for shares', () => {
    expect(formatShareInterval([0.3, 0.4])).toBe('[30.0%, 40.0%]');
    expect(formatShareInterval([0.9098, 0.9104])).toBe('[90.98%, 91.04%]');
  });
});

describe("the terminal's intervals (formatMoney's decimals, more when the ends need them)", () => {
  it('adds decimals until the ends read differently, and writes the figure beside with them', () => {
    expect(formatMoneyIntervalPlain([106e6, 138e6])).toBe('[106.0M, 138.0M]');
    expect(formatMoneyIntervalPlain([19_675_215, 19_736_390])).toBe('[19.68M, 19.74M]');
    expect(formatMoneyBesidePlain(19_705_224, [19_675_215, 19_736_390])).toBe('19.71M');
    expect(formatMoneyIntervalPlain([2.5012e9, 2.5018e9])).toBe('[2.501B, 2.502B]');
    expect(formatMoneyIntervalPlain([812.2, 812.6])).toBe('[812, 813]');
    expect(formatMoneyIntervalPlain([812.2, 812.4])).toBe('[812.2, 812.4]');
    expect(formatMoneyBesidePlain(19_705_224, null)).toBe('19.7M');
  });
  it('writes equal ends, and ends no decimals tell apart, with formatMoney\u2019s own decimals', () => {
    expect(formatMoneyIntervalPlain([4.7e6, 4.7e6])).toBe('[4.7M, 4.7M]');
    const third = 2_350_000 / 3;
    expect(formatMoneyIntervalPlain([third, third * (1 + 2 ** -52)])).toBe('[783.3k, 783.3k]');
    expect(formatMoneyBesidePlain(third, [third, third * (1 + 2 ** -52)])).toBe('783.3k');
  });
});
