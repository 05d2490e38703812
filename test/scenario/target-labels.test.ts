import { describe, expect, it } from 'vitest';
import { defaultTargetLabel, earlierDefaultLabel, targetLabelClash, targetLabels } from '../../src/scenario/target-labels.js';
import type { MetricTarget } from '../../src/scenario/targets-schema.js';
import { formatMoney } from '../../src/report/format.js';

const revenue = (value: number, label?: string): MetricTarget => ({ metric: 'revenue', value, ...(label !== undefined ? { label } : {}) });

describe('target labels: every different target goes by a label of its own', () => {
  it('keeps the labels targets have always had when they differ', () => {
    const targets: MetricTarget[] = [revenue(120e6), { metric: 'endingArr', value: 30e6, tier: 'SMB' }, revenue(95.5e6, 'Board plan'), { metric: 'bookings', value: 1234.567 }];
    // Every digit of a default's amount (1,234.567 read '1.23k' until the nineteenth session: another target's name).
    expect(targetLabels(targets)).toEqual(['revenue >= 120M', 'SMB ending ARR >= 30M', 'Board plan', 'bookings >= 1.234567k']);
  });

  it("writes an amount's unit as the tables write money: thousands k, not Intl's K", () => {
    expect(defaultTargetLabel({ metric: 'bookings', value: 600e3 })).toBe('bookings >= 600k');
    expect(defaultTargetLabel({ metric: 'revenue', value: -1.5e3, tier: 'SMB' })).toBe('SMB revenue >= -1.5k');
    // The letter after the digits is formatMoney's for every unit, from units to trillions (not at
    // 999,949: the label is exact, 999.949k, where a table rounds to three digits, 1.00M).
    for (const value of [0, 999, 1e3, 600e3, 999_000, 1.25e6, 120e6, 2.5e9, 3e12, 4.5e14]) {
      const unit = (text: string) => /[0-9]([a-zA-Z]?)$/.exec(text)![1];
      expect(unit(defaultTargetLabel({ metric: 'revenue', value })), String(value)).toBe(unit(formatMoney(value)));
    }
  });

  it('writes a default amount exactly, alone or beside others: 119,996,000 is 119.996M, never 120M', () => {
    expect(targetLabels([revenue(119_996_000)])).toEqual(['revenue >= 119.996M']);
    expect(targetLabels([revenue(120e6), revenue(119.996e6)])).toEqual(['revenue >= 120M', 'revenue >= 119.996M']);
    expect(targetLabels([revenue(120e6), revenue(120.004e6)])).toEqual(['revenue >= 120M', 'revenue >= 120.004M']);
    expect(targetLabels([revenue(999_999_999.9), revenue(1e9), revenue(5e6)])).toEqual(['revenue >= 999.9999999M', 'revenue >= 1B', 'revenue >= 5M']);
    // Below 1,000 the value as JavaScript writes it (0.0000001 read '0' to 2 decimals).
    expect(targetLabels([revenue(1e-7), revenue(1e-21), revenue(2e-21)])).toEqual(['revenue >= 1e-7', 'revenue >= 1e-21', 'revenue >= 2e-21']);
  });

  it('reads every default amount back as the value it names (the digits parsed as decimal text, the unit as a power of ten)', () => {
    const power: Record<string, string> = { '': '', k: 'e3', M: 'e6', B: 'e9', T: 'e12' };
    const readBack = (label: string) => {
      const m = /^revenue >= (-?[\d,.e+-]+?)([kMBT]?)$/.exec(label)!;
      return Number(m[1]!.replace(/,/g, '') + power[m[2]!]);
    };
    const values = [0, 1, 999.5, 1000, 999_949, 119_996_000, 120_000_000.5, 1234.567, 2 ** 53, 1.5e18, 1e21, 0.1 + 0.2, 123_456_789.012345, -1500, -119_996_000];
    for (let e = 0; e <= 15; e++) values.push(1.2345 * 10 ** e, (1.2345 * 10 ** e) * (1 + Number.EPSILON * 2), 10 ** e / 3);
    for (const v of values) expect(readBack(defaultTargetLabel({ metric: 'revenue', value: v })), String(v)).toBe(v);
  });

  it('knows the default labels the 2-decimal rule wrote, for plans written before (K or k, lengthened or not)', () => {
    const t = { metric: 'revenue', value: 119_996_000 } as const;
    for (const label of ['revenue >= 120M', 'Revenue >= 120m', 'revenue >= 119.996M', 'revenue >= 119996000']) expect(earlierDefaultLabel(label, t), label).toBe(true);
    expect(earlierDefaultLabel('bookings >= 600K', { metric: 'bookings', value: 600e3 })).toBe(true);
    expect(earlierDefaultLabel('SMB revenue >= 3M', { metric: 'revenue', value: 3e6, tier: 'SMB' })).toBe(true);
    for (const label of ['revenue >= 119.99M', 'revenue >= 121M', 'bookings >= 120M', 'Plan']) expect(earlierDefaultLabel(label, t), label).toBe(false);
  });

  it('tells apart every pair of different default-labelled values, down to neighbouring doubles', () => {
    for (let e = 0; e <= 15; e++) {
      const v = 1.2345 * 10 ** e;
      for (const w of [v * (1 + 1e-3), v * (1 + 1e-9), v + v * Number.EPSILON * 2]) {
        if (w === v) continue;
        const [a, b] = targetLabels([revenue(v), revenue(w)]);
        expect(a, `${v} and ${w}`).not.toBe(b);
        expect(targetLabelClash([revenue(v), revenue(w)])).toBeUndefined();
      }
    }
  });

  it('gives a target asked twice (a tier spelt in another case) one label and finds no clash', () => {
    const t = [{ metric: 'revenue', value: 3e6, tier: 'SMB' }, { metric: 'revenue', value: 3e6, tier: 'smb' }] satisfies MetricTarget[];
    expect(targetLabels(t)).toEqual(['SMB revenue >= 3M', 'smb revenue >= 3M']);
    expect(targetLabelClash(t)).toBeUndefined();
    expect(targetLabelClash([revenue(3e6, 'Plan'), revenue(3e6, 'Plan')])).toBeUndefined();
  });

  it('keeps labels that print differently apart, though NFKC folds them (circled, superscript, roman digits, ligatures)', () => {
    for (const [a, b] of [['Plan \u2460', 'Plan 1'], ['Tier\u00b2', 'Tier2'], ['Plan \u2161', 'Plan II'], ['\ufb01nance', 'finance']])
      expect(targetLabelClash([revenue(2e6, a), revenue(3e6, b)]), `${a} / ${b}`).toBeUndefined();
  });

  const clashes: Array<{ name: string; targets: MetricTarget[]; expected: ReturnType<typeof targetLabelClash> }> = [
    { name: 'one label on two values', targets: [revenue(2e6, 'Plan'), revenue(3e6, 'Plan')], expected: { index: 1, other: 0, label: 'Plan' } },
    { name: 'labels alike but for case and spaces', targets: [revenue(2e6, 'Plan'), revenue(3e6, ' plan ')], expected: { index: 1, other: 0, label: ' plan ' } },
    { name: 'labels alike but for Unicode form (NFC and NFD)', targets: [revenue(2e6, 'Caf\u00e9'), revenue(3e6, 'Cafe\u0301')], expected: { index: 1, other: 0, label: 'Cafe\u0301' } },
    { name: 'labels alike but for an invisible character or fullwidth letters', targets: [revenue(2e6, 'Board plan'), revenue(3e6, 'Board\u200b plan'), revenue(4e6, '\uff22oard plan')], expected: { index: 1, other: 0, label: 'Board\u200b plan' } },
    { name: 'one label on two metrics', targets: [revenue(2e6, 'Plan'), { metric: 'bookings', value: 2e6, label: 'Plan' }], expected: { index: 1, other: 0, label: 'Plan' } },
    { name: 'one label on two tiers', targets: [{ metric: 'revenue', value: 1, tier: 'A', label: 'X' }, { metric: 'revenue', value: 1, tier: 'B', label: 'X' }], expected: { index: 1, other: 0, label: 'X' } },
    { name: "a label that is another target's default, written later", targets: [revenue(2e6), { metric: 'bookings', value: 1, label: 'revenue >= 2M' }], expected: { index: 1, other: 0, label: 'revenue >= 2M' } },
    { name: "a label that is another target's default, written earlier", targets: [{ metric: 'bookings', value: 1, label: 'revenue >= 2M' }, revenue(2e6)], expected: { index: 0, other: 1, label: 'revenue >= 2M' } },
  ];
  it.each(clashes)('finds the clash: $name', ({ targets, expected }) => {
    expect(targetLabelClash(targets)).toEqual(expected);
  });

  it('writes the default label of a tier target', () => {
    expect(defaultTargetLabel({ metric: 'endingArr', value: 30e6, tier: 'EMEA: SMB' })).toBe('EMEA: SMB ending ARR >= 30M');
  });

  it('writes a target of -0 (a YAML -0, a --target revenue=-0) as 0, the target it is', () => {
    // It read 'revenue >= -0' beside 'revenue >= 0' for one target given twice.
    expect(defaultTargetLabel({ metric: 'revenue', value: -0 })).toBe('revenue >= 0');
    expect(targetLabels([revenue(-0), revenue(0)])).toEqual(['revenue >= 0', 'revenue >= 0']);
    expect(targetLabelClash([revenue(-0), revenue(0)])).toBeUndefined();
  });
});
