import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { column, writeFiles } from '../helpers/fixtures.js';
import { referenceSimulate } from '../helpers/reference-model.js';

/**
 * The fast engine against the plain reference model (test/helpers/reference-model.ts) on scenarios
 * with nothing random left in them: every rate 0 or 1, fixed lead counts, sizes and lags, a fixed
 * market factor. Each such scenario has one outcome, so the two must agree exactly, trial for trial,
 * whatever their generators. The scenarios are made up from a fixed seed, combining the parts the
 * statistical comparison (reference-agreement.test.ts) sees only in a few fixed scenarios: aggregate
 * books with partial calendars, customer books from files (annual, multi-year with escalators,
 * monthly-billed, renewal adjustments), lead months or lead grades (the tier's seasonality or their
 * own) with a sales-cycle lag and a warm start, earlier leads, pipeline groups and pipeline files won
 * with certainty or never, rate stresses of either sign (which must move no rate of 0 or 1), service-start lags,
 * term mixes, reps with hires, slips, ramps and both overflows, and new-customer expansion, one or
 * two tiers. Exact agreement on revenue, bookings, ending ARR, deals
 * won and customers lost pins the timing rules of each part (which month, which year) in every
 * combination: a rule a month off in either model fails here (seen with the escalator's month moved
 * in the engine and a certain group moved by a stress). Blocks of 25 seeds, each a test under the
 * default timeout, so a slowdown shows.
 */

/** A 32-bit LCG: the scenarios are fixed by their seed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

interface Made {
  readonly yaml: string;
  readonly files: Record<string, string>;
}

/** One deterministic scenario of random parts. */
function makeScenario(seed: number): Made {
  const r = lcg(seed);
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const pick = <T,>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  const oneHot = (m: number) => `[${Array.from({ length: 12 }, (_, i) => (i + 1 === m ? 1 : 0)).join(', ')}]`;
  const files: Record<string, string> = {};
  // A rate drawn as 0 or 1 stays so under the market (log-odds) and under a stress of either sign.
  const lines = ['name: deterministic', `market: { factor: ${pick([-1.28, 0.5, 1])}, loadings: { acv: ${pick([0, 0.2])}, conversion: 0.3, renewal: 0.3, expansion: 0.3, contraction: 0.2 } }`];
  if (r() < 0.5) {
    const shift = () => pick([-0.2, -0.05, 0, 0.1]);
    lines.push(`stress: { acv: ${pick([-0.1, 0.2])}, conversion: ${shift()}, renewal: ${shift()}, contraction: ${shift()}, expansion: ${shift()} }`);
  }
  lines.push('tiers:');
  const tierCount = int(1, 2);
  for (let t = 0; t < tierCount; t++) {
    lines.push(`  - name: T${t}`);
    const book = r() < 0.6 ? pick(['file', 'aggregate']) : undefined;
    if (book) lines.push('    existing:');
    if (book === 'file') {
      const rows = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator'];
      const customers = int(1, 8);
      for (let i = 0; i < customers; i++) {
        const term = pick([1, 12, 24, 36, 60]);
        const escalator = term >= 24 && r() < 0.6 ? pick(['0.05', '0.1']) : '';
        const health = r() < 0.5 ? r().toFixed(2) : '';
        rows.push(`c${i},T${t},${int(1, 20) * 1200},${term === 1 ? '' : int(1, term)},${term === 1 ? 'monthly' : term},${int(0, 3)},${health},${escalator}`);
      }
      files[`book${t}.csv`] = `${rows.join('\n')}\n`;
      lines.push(`      customersFile: book${t}.csv`);
      if (r() < 0.5) lines.push('      renewalAdjustments: { perArrDoubling: 0.3, firstRenewal: -0.5, perRenewalAfterFirst: 0.1, health: 1 }');
    } else if (book === 'aggregate') {
      lines.push(`      openingArr: ${int(1, 50) * 12000}`, `      customers: ${int(1, 30)}`);
      if (r() < 0.5) {
        const weights = Array.from({ length: 12 }, () => (r() < 0.4 ? int(1, 3) : 0));
        const total = weights.reduce((a, b) => a + b, 0) || 1;
        const scale = pick([1, 0.5]);
        // Shares rounded down, so they never add up to more than 1.
        lines.push(`      renewalCalendar: [${weights.map((w) => (Math.floor((w / total) * scale * 1e6) / 1e6).toFixed(6)).join(', ')}]`);
      }
    }
    if (book) {
      lines.push(`      renewalRate: ${pick([0, 1])}`);
      if (r() < 0.5) lines.push(`      priceUplift: ${pick([0.03, 0.05])}`);
      if (r() < 0.5) lines.push(`      contraction: { probability: ${pick([0, 1])}, size: 0.1 }`);
      if (r() < 0.5) lines.push(`      expansion: { probability: ${pick([0, 1])}, size: 0.2 }`);
    }
    if (book && r() < 0.3) continue;
    lines.push('    newBusiness:', `      acv: ${int(1, 10) * 1200}`);
    const sources = int(0, 2);
    if (sources !== 1) {
      if (r() < 0.5) {
        lines.push(`      leadsPerMonth: ${int(1, 20)}`, '      conversion: 1');
      } else {
        if (r() < 0.5) lines.push(`      seasonality: ${oneHot(int(1, 12)).replace(/1/g, '12')}`);
        lines.push('      leadSources:');
        for (const g of ['A', 'B'].slice(0, int(1, 2))) lines.push(`        - { grade: ${g}, leadsPerMonth: ${int(1, 20)}, conversion: 1${r() < 0.4 ? `, seasonality: ${oneHot(int(1, 12)).replace(/1/g, '12')}` : ''} }`);
      }
      if (r() < 0.5) lines.push(`      salesCycleMonths: ${int(0, 3)}`);
    }
    if (r() < 0.3) {
      const rows = ['id,tier,amount,stage,close_month'];
      const opportunities = int(1, 6);
      for (let i = 0; i < opportunities; i++) rows.push(`o${t}_${i},T${t},${int(1, 9) * 1000},${pick(['won', 'lost'])},${int(1, 12)}`);
      files[`pipe${t}.csv`] = `${rows.join('\n')}\n`;
      lines.push(`      openingPipeline: { file: pipe${t}.csv, stages: { won: 1, lost: 0 } }`);
    } else if (r() < 0.4) lines.push(`      openingPipeline: { groups: [{ count: ${int(1, 10)}, winProbability: ${pick([0, 1])}, closeMonth: ${int(1, 12)}${r() < 0.5 ? ', amount: 5000' : ''} }] }`);
    if (sources !== 0 || r() < 0.3) lines.push(`      earlierLeads: { count: ${int(1, 30)}, conversion: 1, closeMonth: ${oneHot(int(1, 12))} }`);
    if (r() < 0.4) lines.push(`      serviceStartLagMonths: ${int(0, 3)}`);
    if (r() < 0.3) {
      const months = pick([12, 24, 36]);
      lines.push(`      terms: [{ months: ${months}, share: 1${months > 12 && r() < 0.5 ? ', escalator: 0.05' : ''} }]`);
    }
    if (r() < 0.5) {
      const hires = Array.from({ length: 12 }, () => (r() < 0.2 ? int(1, 2) : 0));
      const slip = r() < 0.3 ? `, hireSlip: { probability: 1, months: ${int(1, 3)} }` : '';
      lines.push(
        `      reps: { start: ${int(0, 3)}, hires: [${hires.join(', ')}], ramp: ${pick(['[]', '[0, 0.5]', '[0.25, 0.5, 0.75]'])}, capacity: ${pick([0.5, 1, 3, 7])}, overflow: ${pick(['lost', 'carry'])}${slip} }`,
      );
    }
    if (r() < 0.5) lines.push(`    newCustomerExpansion: { probability: ${pick([0, 1])}, size: 600, monthsAfterClose: ${int(0, 8)} }`);
  }
  return { yaml: `${lines.join('\n')}\n`, files };
}

const SCENARIOS = 200;
/** Seeds 1..200 in blocks of 25, each block a test of a few tenths of a second under the default timeout. */
const BLOCK = 25;
const blocks = Array.from({ length: SCENARIOS / BLOCK }, (_, b) => [b * BLOCK + 1, (b + 1) * BLOCK] as const);

describe('the engine and the reference model on deterministic scenarios', () => {
  it.each(blocks)('agree exactly on revenue, bookings, ending ARR, deals won and customers lost in made-up scenarios %i..%i', async (first, last) => {
    const mismatches: string[] = [];
    for (let seed = first; seed <= last; seed++) {
      const { yaml, files } = makeScenario(seed);
      const dir = writeFiles({ ...files, 'scenario.yaml': yaml });
      const loaded = await loadScenario(join(dir, 'scenario.yaml'));
      const sim = await simulate(loaded, { trials: 2, seed: 1, workers: 0 });
      const ref = referenceSimulate(loaded.scenario, 1, 'deterministic', undefined, { dir })[0]!;
      const tiers = Object.values(ref.tiers);
      const expected: Record<string, number> = {
        revenue: ref.revenue,
        bookings: ref.bookings,
        endingArr: ref.endingArr,
        customersWon: tiers.reduce((s, t) => s + t.customersWon, 0),
        customersLost: tiers.reduce((s, t) => s + t.customersLost, 0),
      };
      for (const [key, want] of Object.entries(expected)) {
        // Both trials of the engine: nothing random, so the second is the first.
        for (const got of column(sim, key))
          if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) mismatches.push(`seed ${seed}: ${key} ${got}, reference ${want}\n${yaml}${Object.values(files).join('')}`);
      }
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it('the made-up scenarios use customer books, and stresses of both signs', () => {
    let withBooks = 0;
    const stressed = { lower: 0, higher: 0 };
    for (let seed = 1; seed <= SCENARIOS; seed++) {
      const { yaml, files } = makeScenario(seed);
      if (Object.keys(files).some((name) => name.startsWith('book'))) withBooks++;
      const stress = /^stress: (.*)$/m.exec(yaml)?.[1] ?? '';
      if (/: -0\.(05|2)\b/.test(stress)) stressed.lower++;
      if (/: 0\.1\b/.test(stress)) stressed.higher++;
    }
    // About a third have a customer book; about half a stress, most of them with a rate moved each way.
    expect(withBooks).toBeGreaterThan(SCENARIOS / 5);
    expect(stressed.lower).toBeGreaterThan(SCENARIOS / 5);
    expect(stressed.higher).toBeGreaterThan(SCENARIOS / 5);
  });
});
