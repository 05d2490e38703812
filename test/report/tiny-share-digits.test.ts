import { beforeAll, describe, expect, it } from 'vitest';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { formatShare } from '../../src/report/money.js';
import { formatPercent } from '../../src/report/format.js';
import { downsideSection } from '../../src/report/html/downside-section.js';

/**
 * A share far below 0.1% is written with two significant digits in positional notation, as a
 * percentage a reader can read: toPrecision wrote one below 1e-8 in exponent notation ("6.9e-7%"), which
 * report.html's bad-years table showed for a component carrying a sliver of a huge book's shortfall.
 */
const HUGE_BOOK = `
name: Huge book
seed: 2
market:
  loadings: { renewal: 0.3 }
tiers:
  - name: Book
    existing: { openingArr: 1.0e12, customers: 1000, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.95, sd: 0.02 } }
  - name: Sliver
    existing:
      openingArr: 12000
      customers: 100
      renewalCalendar: uniform
      renewalRate: 0.99
      contraction: { probability: { dist: beta, mean: 0.3, sd: 0.1 }, size: 0.2 }
`;

/** A percentage as written: its value and half a unit of its last digit, or undefined when it is not positional. */
const read = (text: string): { value: number; half: number; significant: number } | undefined => {
  const m = /^(-?)(\d+)(?:\.(\d+))?%$/.exec(text);
  if (!m) return undefined;
  const decimals = m[3]?.length ?? 0;
  const digits = `${m[2]}${m[3] ?? ''}`.replace(/^0+/, '');
  return { value: Number(text.slice(0, -1)) / 100, half: (0.5 * 10 ** -decimals) / 100, significant: digits.length };
};

describe('shares far below 0.1%', () => {
  it('formatShare and formatPercent write two significant digits, never in exponent notation', () => {
    for (const share of [6.889924e-9, 1e-10, 3.14159e-12, 9.96e-9, 1.5e-7, 0.000994, 2.5e-15]) {
      for (const [name, text] of [['formatShare', formatShare(share)], ['formatPercent', formatPercent(share)]] as const) {
        const r = read(text);
        expect(r, `${name}(${share}) = ${text}`).toBeDefined();
        expect(r!.significant, `${name}(${share}) = ${text}`).toBe(2);
        expect(Math.abs(r!.value - share), `${name}(${share}) = ${text}`).toBeLessThanOrEqual(r!.half * (1 + 1e-9));
      }
    }
    // formatShare writes a negative share too (a component that gains in the bad years).
    expect(read(formatShare(-4.2e-9))!.value).toBeCloseTo(-4.2e-9, 15);
  });

  describe("report.html's bad-years table", () => {
    let summary: Summary;
    beforeAll(async () => {
      summary = summarize(await simulate(parseScenario(HUGE_BOOK, 'huge.yaml'), { trials: 1000, workers: 0 }));
    });

    it('writes a sliver of a huge shortfall as a percentage', () => {
      const shares = summary.badYears.metrics.revenue.components.map((c) => c.share);
      // The case this needs: a component's share below 1e-8 (0.000001%), where toPrecision turns to exponents.
      expect(shares.some((s) => s !== 0 && Math.abs(s) < 1e-8)).toBe(true);
      const table = downsideSection(summary).match(/<table class="bad-years">([\s\S]*?)<\/table>/)![1]!;
      const cells = [...table.matchAll(/<td[^>]*>([^<]*%)<\/td>/g)].map((m) => m[1]!);
      expect(cells.length).toBeGreaterThan(0);
      // A sliver one decimal would write as 0% reads as the bound it lies within ("<0.1%", columnPercent).
      for (const cell of cells) expect(read(cell.replace(/^&[lg]t;/, '')), cell).toBeDefined();
    });
  });
});
