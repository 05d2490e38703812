import { describe, expect, it } from 'vitest';
import { formatMoneyInterval, formatShareInterval } from '../../src/report/interval-format.js';

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
