import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import type { WhatMustBeTrue } from '../../src/analysis/what-must-be-true.js';
import { bareCurrency } from '../../src/report/money.js';
import { whatMustBeTrueLine } from '../../src/report/summary-table.js';
import { targetNotes } from '../../src/cli/target-notes.js';
import { formatDriverValue } from '../../src/studio/controls.js';

// The paths that wrote money past its currency's minor unit after the formatters took the cap
// (review of rep25): the studio's driver labels, the terminal's target notes, whatMustBeTrueLine's
// own formatters. A yen has no minor unit: ¥7.4 is "¥7", 512.4 yen "512".
describe("money at its currency's minor unit in the studio, the target notes and what must be true", () => {
  it("the studio's driver value", () => {
    expect(formatDriverValue('currency', 7.4, '¥')).toBe('¥7'); // was ¥7.40
    expect(formatDriverValue('currency', -7.4, '¥')).toBe('-¥7');
    expect(formatDriverValue('currency', 11000, '$')).toBe('$11.0k');
  });

  it("the terminal's note of a target far below every year: the lowest year in whole yen", () => {
    const summary = {
      scenario: { currency: 'JPY' },
      decisions: { targets: [{ label: 'revenue >= 0.4', metric: 'revenue', value: 0.4 }] },
      metrics: { revenue: { min: 512.4, percentiles: { p50: 800 } } },
      byTier: {},
    } as unknown as Summary;
    expect(targetNotes(summary)).toEqual(['arrcast: note: the target revenue >= 0.4 is under a hundredth of the lowest simulated year (512), so every year meets it; amounts take a suffix: did you mean 0.4k?']);
  });

  it("what must be true's P50, written by its own formatters, at the drivers' currency", () => {
    const w = { target: 'revenue >= 900', metric: 'revenue', value: 900, trialsUsed: 1000, trialsReaching: 100, median: 512.4, noSingleDriver: true, drivers: [] } as unknown as WhatMustBeTrue;
    expect(whatMustBeTrueLine(w, undefined, undefined, [w], bareCurrency('JPY'))).toContain('(P50 now 512)'); // was 512.4
  });
});
