import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { outcomesFromActuals } from '../../src/scoring/outcomes-from-actuals.js';
import { column, scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from '../actuals/monthly-file.js';
import { halfRenewingBook } from './half-renewing-book.js';

/**
 * One closed year, two readers: `run --actuals` with all twelve months (a single point) and
 * `score` with the same file as outcomes must take the same year-end bookings. The re-forecast
 * books a closed month's price uplift (what the stated flows leave unexplained of the change in
 * ending_arr, actuals/start-state.ts); score summed new_arr + renewed_arr - contraction_arr +
 * expansion_arr alone, so 12 customers at 100k, 6 renewing with a 3% uplift and 6 churning, scored
 * bookings of 600,000 against the re-forecast's (and the model's) 618,000: a PIT of 36.8% where
 * the year fell at its forecast's median (48.5%, as its ending ARR did).
 */
const YAML = `
name: uplift
tiers:
  - name: Book
    existing: { openingArr: 1200000, customers: 12, renewalCalendar: uniform, renewalRate: 0.5, priceUplift: 0.03 }
  - name: Deals
    existing: { openingArr: 600000, customers: 60, renewalCalendar: uniform, renewalRate: 0.9, priceUplift: 0.05 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 100 }
      conversion: 0.1
      acv: 10000
`;

describe('bookings of a closed year from a monthly file', () => {
  it('are what a re-forecast of all twelve months books, price uplift included', async () => {
    const bookRows = halfRenewingBook();
    let deals = 600_000;
    const dealRows = Array.from({ length: 12 }, (_, i) => {
      // 5 customers of 10k due a month: 4 renew (one contracting by 1,000), +5% uplift on the renewed 39,000; 10 deals of 10k.
      deals += 100_000 + 0.05 * 39_000 - 1_000 - 10_000 + (i === 3 ? 2_500 : 0);
      return { leads: 100, deals: 10, new_arr: 100_000, churned_arr: 10_000, contraction_arr: 1_000, expansion_arr: i === 3 ? 2_500 : 0, renewed_arr: 40_000, due_arr: 50_000, ending_arr: deals };
    });
    const file = monthlyFile({ Book: bookRows, Deals: dealRows });
    const loaded = scenarioFrom(YAML);
    const sim = await simulate(loaded, { trials: 10, seed: 1, workers: 0, actuals: { file, months: 12 } });
    const booked = (tier: string) => column(sim, `tier.${tier}.bookings`)[0]!;
    // By hand: Book 6 x 100k renewed + 6 x 3k uplift; Deals 12 x (100k new + 39k renewed after contraction + 1,950 uplift) + 2,500 expansion.
    expect(booked('Book')).toBeCloseTo(618_000, 0);
    expect(booked('Deals')).toBeCloseTo(12 * (100_000 + 39_000 + 1_950) + 2_500, 0);

    const report = { dir: 'plan', tiers: ['Book', 'Deals'], openingArr: new Map([['Book', 1_200_000], ['Deals', 600_000]]), liveAtSigning: new Set(['Book', 'Deals']) };
    const outcomes = outcomesFromActuals(file, [report]).filter((o) => o.metric === 'bookings');
    const of = (tier: string | undefined) => outcomes.find((o) => o.tier === tier)!.value;
    // Float32 per-tier columns: to the cent of their 7 digits.
    expect(of('Book')).toBeCloseTo(booked('Book'), 0);
    expect(of('Deals')).toBeCloseTo(booked('Deals'), 0);
    expect(of(undefined)).toBeCloseTo(column(sim, 'bookings')[0]!, 0);

    // A tier whose deals start after a service-start lag: which part of the change is new deals going
    // live depends on the plan's lag, so the uplift is left out (the stated flows alone, as before).
    const lagged = outcomesFromActuals(file, [{ ...report, liveAtSigning: new Set(['Book']) }]).filter((o) => o.metric === 'bookings');
    expect(lagged.find((o) => o.tier === 'Deals')!.value).toBe(12 * (100_000 + 40_000 - 1_000) + 2_500);
    expect(lagged.find((o) => o.tier === 'Book')!.value).toBe(618_000);
  });

  it('a file with renewed_arr and due_arr but no churned_arr: the ARR due not renewed is churn, not negative price uplift', async () => {
    // Before: the re-forecast took the missing churn as 0, so the drop in ending ARR was booked as
    // price uplift: bookings 18,000 (600,000 renewed - 582,000 "uplift"), churn 0, customers lost 6.
    const rows = halfRenewingBook().map(({ churned_arr: _, ...rest }) => rest);
    const file = monthlyFile({ Book: rows });
    const loaded = scenarioFrom(YAML.split('  - name: Deals')[0]!);
    for (const months of [12, 9]) {
      const sim = await simulate(loaded, { trials: 10, seed: 1, workers: 0, actuals: { file: { ...file, months, byTier: new Map([['Book', file.byTier.get('Book')!.slice(0, months)]]) }, months } });
      // Through month 9: 6 renewals (+18k uplift) and 3 churns are facts, whatever months 10-12 do.
      expect(Math.min(...column(sim, 'component.bookings.priceUplift')), `${months}`).toBeGreaterThanOrEqual(18_000 - 0.01);
      expect(Math.max(...column(sim, 'component.endingArr.churn')), `${months}`).toBeLessThanOrEqual(-300_000 + 0.01);
      if (months === 12) {
        expect(column(sim, 'bookings')[0]).toBeCloseTo(618_000, 0);
        expect(column(sim, 'component.endingArr.churn')[0]).toBeCloseTo(-600_000, 0);
      }
    }
    const outcomes = outcomesFromActuals(file, [{ dir: 'plan', tiers: ['Book'], openingArr: new Map([['Book', 1_200_000]]), liveAtSigning: new Set(['Book']) }]);
    expect(outcomes.find((o) => o.metric === 'bookings')!.value).toBe(618_000);
  });
});
