import { describe, expect, it } from 'vitest';
import { column, meanAndSe, run, runWithFiles } from '../helpers/fixtures.js';
import { expectMeanWithin, expectVarianceWithin } from '../helpers/stats.js';

/**
 * The model's features in combination and at the edges of the year, against expected values (and
 * where the law is simple enough, variances) derived by hand from DOMAIN.md's definitions: a deal
 * live from fiscal month m adds ACV x (13 - m) / 12 to recognized revenue, bookings count at
 * signing, ending ARR is what is live at year end. closed-form.test.ts, customer-book.test.ts and
 * new-business-sources.test.ts pin each feature alone; these pin them together.
 *
 * Power: where a plausible misreading would give a different expected value (expansions timed from
 * signing instead of service start, attrition not checked in a hire's first month, the monthly
 * hazard taken as annual / 12), `expectAgainst` also asserts that the misreading lies at least 8
 * standard errors from the right value. A mean within 4 SE of the right value then rejects the
 * misreading with probability above 0.9999 (its mean would have to fall 4 SE short of its own
 * expectation), and a right model fails with probability 6e-5.
 */

/** Share of the year a change live from fiscal month m counts in revenue: (13 - m) / 12, 0 after the year. */
const live = (m: number) => (m <= 12 ? (13 - m) / 12 : 0);

/** The sample mean within 4 SE of `expected`, and each misreading at least 8 SE away from it. */
function expectAgainst(xs: Float64Array, expected: number, misreadings: Record<string, number> = {}): void {
  const { mean, se } = meanAndSe(xs);
  expect(se).toBeGreaterThan(0);
  expect(Math.abs(mean - expected), `mean ${mean} vs ${expected} (SE ${se})`).toBeLessThanOrEqual(4 * se);
  for (const [what, value] of Object.entries(misreadings)) expect(Math.abs(value - expected), `${what}: ${value} is within 8 SE (${se}) of ${expected}`).toBeGreaterThanOrEqual(8 * se);
}

describe('contracts: a service-start lag and new customers\' expansion, each a distribution', () => {
  it('revenue and ARR from service start, bookings at signing, expansions counted from service start within the year', async () => {
    const lag = [0.5, 0.3, 0.2]; // P(service starts 0, 1, 2 months after signing)
    const after: Array<[number, number]> = [
      [1, 0.5],
      [3, 0.5],
    ]; // months from service start to the expansion, and their chances
    const sim = await run(
      `
name: lag and expansion
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 10
      conversion: 1
      acv: 1200
      serviceStartLagMonths: { dist: discrete, values: [0, 1, 2], weights: [${lag.join(', ')}] }
    newCustomerExpansion:
      probability: 0.5
      size: 600
      monthsAfterClose: { dist: discrete, values: [1, 3], weights: [0.5, 0.5] }
`,
      1500,
    );
    // 10 deals signed each month; E[customers going live in month g] = sum over lags of 10 P(lag).
    const goLive = new Array<number>(13).fill(0);
    let revenue = 0;
    let arr = 0;
    for (let m = 1; m <= 12; m++)
      lag.forEach((p, l) => {
        if (m + l > 12) return;
        goLive[m + l]! += 10 * p;
        revenue += 10 * p * 1200 * live(m + l);
        arr += 10 * p * 1200;
      });
    // Each live customer expands with 0.5 by 600, `after` months after going live, in the year only.
    const expansion = (fromSigning: boolean) => {
      let r = 0;
      let a = 0;
      for (let m = 1; m <= 12; m++)
        for (const [d, w] of after) {
          const n = (fromSigning ? 10 : goLive[m]!) * 0.5 * w;
          if (m + d <= 12) {
            r += n * 600 * live(m + d);
            a += n * 600;
          }
        }
      return { revenue: r, arr: a };
    };
    const right = expansion(false);
    const fromSigning = expansion(true);
    // Bookings: every deal at signing, whatever its lag (months 11 and 12 include deals live next year).
    for (const v of column(sim, 'component.bookings.newBusiness')) expect(v).toBeCloseTo(12 * 10 * 1200, 6);
    expectAgainst(column(sim, 'component.revenue.newBusiness'), revenue, { 'revenue from signing': 10 * 1200 * 6.5 });
    expectAgainst(column(sim, 'component.endingArr.newBusiness'), arr, { 'ARR from signing': 12 * 10 * 1200 });
    expectAgainst(column(sim, 'component.revenue.newCustomerExpansion'), right.revenue, { 'expansion timed from signing': fromSigning.revenue });
    expectAgainst(column(sim, 'component.endingArr.newCustomerExpansion'), right.arr, { 'expansion timed from signing': fromSigning.arr });
    // An expansion is signed when it happens: its bookings are its ARR.
    expectAgainst(column(sim, 'component.bookings.newCustomerExpansion'), right.arr);
  });

  it('deals signed in month 12 (a pipeline group on a 3-year term, earlier leads) with a 1-month lag: bookings and TCV only', async () => {
    const sim = await run(
      `
name: month twelve
tiers:
  - name: T
    newBusiness:
      acv: 1000
      serviceStartLagMonths: 1
      terms: [{ months: 36, share: 1, escalator: 0.1 }]
      openingPipeline:
        groups:
          - { count: 10, winProbability: 1, closeMonth: 12, amount: 5000 }
          - { count: 100, winProbability: 0.5, closeMonth: 1, amount: 5000 }
      earlierLeads: { count: 1000, conversion: 0.1, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }
`,
      2000,
    );
    // Won: 10 certain in month 12, Binomial(100, 0.5) in month 1, Binomial(1000, 0.1) from earlier
    // leads, each closing in month 1 or 12 with 1/2. Live a month after signing: month 12's never.
    // Bookings count the first year's ACV of all; TCV the three years 1 + 1.1 + 1.21.
    const bookings = 10 * 5000 + 50 * 5000 + 100 * 1000;
    expectAgainst(column(sim, 'bookings'), bookings, { 'bookings of the contract value (TCV)': bookings * 3.31 });
    expectAgainst(column(sim, 'tier.T.newTcv'), bookings * 3.31, { 'TCV without the escalator': bookings * 3 });
    expectAgainst(column(sim, 'revenue'), (50 * 5000 + 50 * 1000) * live(2), { 'live from signing': 50 * 5000 + 50 * 1000 + (10 * 5000 + 50 * 1000) / 12 });
    expectAgainst(column(sim, 'endingArr'), 50 * 5000 + 50 * 1000, { 'month 12 signings in ending ARR': bookings });
    // Signed customers count as won in their signing month, live or not.
    expectAgainst(column(sim, 'customersWon'), 10 + 50 + 100);
  });
});

describe('lead sources with long sales cycles, their own seasonality and a fiscal year from April', () => {
  it("E[deals closing in month m] = sum over lags j of leads(m - j) x conversion x P(j), months before the year with this year's drivers", async () => {
    // Weights summing to 15.5 and to 13 (each rescaled to average 1); lags up to 24 months.
    const webSeason = [3, 1, 0, 2, 1, 1, 1, 0.5, 1, 1, 1, 4];
    const tierSeason = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    const lags = [0, 5, 13, 24];
    const lagWeights = [0.4, 0.3, 0.2, 0.1];
    const sim = await run(
      `
name: channels
fiscalYearStartMonth: 4
tiers:
  - name: T
    newBusiness:
      leadSources:
        - { channel: web, leadsPerMonth: { dist: negativeBinomial, mean: 300, dispersion: 5 }, conversion: 0.1, seasonality: [${webSeason.join(', ')}] }
        - { channel: events, leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.2 }
      seasonality: [${tierSeason.join(', ')}]
      salesCycleMonths: { dist: discrete, values: [${lags.join(', ')}], weights: [${lagWeights.join(', ')}] }
      acv: 1000
`,
      1000,
    );
    const weight = (season: number[], m: number) => season[(((m - 1) % 12) + 12) % 12]! / (season.reduce((a, b) => a + b, 0) / 12);
    let revenue = 0;
    let deals = 0;
    for (let m = 1; m <= 12; m++) {
      let closing = 0;
      lags.forEach((j, i) => (closing += (300 * weight(webSeason, m - j) * 0.1 + 100 * weight(tierSeason, m - j) * 0.2) * lagWeights[i]!));
      revenue += closing * 1000 * live(m);
      deals += closing;
    }
    // Without the months before the year (an empty pipeline at the start) only lag 0 and 5 deals of
    // the year's own leads would close.
    let cold = 0;
    for (let m = 1; m <= 12; m++) lags.forEach((j, i) => m - j >= 1 && (cold += (300 * weight(webSeason, m - j) * 0.1 + 100 * weight(tierSeason, m - j) * 0.2) * lagWeights[i]!));
    expectAgainst(column(sim, 'customersWon'), deals, { 'no leads before the year': cold });
    expectAgainst(column(sim, 'endingArr'), deals * 1000);
    expectAgainst(column(sim, 'revenue'), revenue);
    // A source's leads and deals are the year's leads and the deals they win, wherever those close.
    expectAgainst(column(sim, 'tier.T.leads.web'), 12 * 300);
    expectAgainst(column(sim, 'tier.T.deals.web'), 12 * 300 * 0.1);
    expectAgainst(column(sim, 'tier.T.leads.events'), 12 * 100);
  });
});

describe('the sales floor: hires (one in month 12), a ramp and monthly attrition', () => {
  it('E[ramped reps in month m] = start (1 - a)^m + sum of hires ramp(m - h) (1 - a)^(m - h + 1); E[headcount] likewise at year end', async () => {
    const a = 0.1;
    const ramp = [0, 0.5];
    const hires = [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 6];
    const sim = await run(
      `
name: floor
tiers:
  - name: T
    newBusiness:
      acv: 1000
      reps: { start: 4, hires: [${hires.join(', ')}], attrition: ${a}, ramp: [${ramp.join(', ')}], capacity: 1000, sourcedDealsPerMonth: 2 }
`,
      2000,
    );
    const share = (tenure: number) => (tenure < ramp.length ? ramp[tenure]! : 1);
    // A rep on the floor in month m stayed through every check from its first month on: a start rep
    // m checks, a hire of month h (m - h + 1) checks (DOMAIN.md leaves the convention open; the model
    // checks a hire in its first month too, rep-floor.ts).
    const ramped = (m: number) => {
      let e = 4 * (1 - a) ** m;
      for (let h = 1; h <= m; h++) e += hires[h - 1]! * share(m - h) * (1 - a) ** (m - h + 1);
      return e;
    };
    let deals = 0;
    for (let m = 1; m <= 12; m++) deals += 2 * ramped(m);
    for (const m of [1, 3, 4, 12]) expectAgainst(column(sim, `tier.T.reps.ramped.${m}`), ramped(m));
    // The month-12 hire is in its first month (ramp 0): it adds nothing to month 12's capacity but
    // counts at year end, if it stayed through that month's check.
    let headcount = 4 * (1 - a) ** 12;
    let unchecked = headcount;
    for (let h = 1; h <= 12; h++) {
      headcount += hires[h - 1]! * (1 - a) ** (13 - h);
      unchecked += hires[h - 1]! * (1 - a) ** (12 - h);
    }
    expectAgainst(column(sim, 'tier.T.reps.headcount'), headcount, { 'a hire not checked in its first month': unchecked });
    // Rep-sourced deals are Poisson(ramp x productivity) a month: their mean is 2 x the ramped reps.
    expectAgainst(column(sim, 'tier.T.deals.repSourced'), deals);
  });

  it("rep-sourced deals with each rep's own lognormal productivity: Var(year) = reps (12 E[P] + 144 Var(P))", async () => {
    const sigma = 0.5;
    const sim = await run(
      `
name: productivity spread
tiers:
  - name: T
    newBusiness:
      acv: 1000
      reps: { start: 10, capacity: 1000, sourcedDealsPerMonth: { dist: lognormal, mu: ${Math.log(2)}, sigma: ${sigma} } }
`,
      3000,
    );
    // Given its productivity P a rep's year is Poisson(12 P); P ~ lognormal(ln 2, 0.5) drawn once per
    // rep per trial. Law of total variance per rep: 12 E[P] + 144 Var(P); the reps are independent.
    const mean = 2 * Math.exp(sigma ** 2 / 2);
    const varP = Math.expm1(sigma ** 2) * mean ** 2;
    const variance = 10 * (12 * mean + 144 * varP);
    // A productivity drawn once for the whole floor would give 12 E[P] x 10 + 144 x 100 Var(P).
    const shared = 10 * 12 * mean + 144 * 100 * varP;
    expect(shared / variance).toBeGreaterThan(3);
    const won = column(sim, 'customersWon');
    expectMeanWithin(won, 120 * mean, Math.sqrt(variance));
    // Fourth central moment: a sum of 10 independent reps, each a Poisson-lognormal mixture: its excess
    // kurtosis is below 1 here; bound it by a normal's 3 sigma^4 plus one sigma^4 (a wider, safe band).
    expectVarianceWithin(won, variance, 4 * variance ** 2);
  });
});

describe('variances of the book and of the pipeline', () => {
  it('an aggregate book with a fixed contraction: Var(ending ARR) = customers x Var(a customer\'s ARR at year end)', async () => {
    const sim = await run(
      `
name: book variance
tiers:
  - name: T
    existing: { openingArr: 1200000, customers: 120, renewalRate: 0.8, contraction: { probability: 0.5, size: 0.2 } }
`,
      3000,
    );
    // Each customer (10,000 ARR, 10 due a month) ends at 0 (churn, 0.2), 8,000 (contracts, 0.8 x 0.5)
    // or 10,000 (0.4), independently.
    const ex = 0.4 * 8000 + 0.4 * 10000;
    const varOne = 0.4 * 8000 ** 2 + 0.4 * 10000 ** 2 - ex ** 2;
    const arr = column(sim, 'endingArr');
    // 120 independent three-point customers: the sum is near normal (excess kurtosis of the sum is
    // that of one customer / 120, under 0.03): mu4 about 3 sigma^4, bounded here by 3.1 sigma^4.
    expectMeanWithin(arr, 120 * ex, Math.sqrt(120 * varOne));
    expectVarianceWithin(arr, 120 * varOne, 3.1 * (120 * varOne) ** 2);
    // Revenue: each customer's change from its renewal month m counts (13 - m) / 12.
    let revenueVariance = 0;
    let revenue = 1_200_000;
    for (let m = 1; m <= 12; m++) {
      revenueVariance += 10 * varOne * live(m) ** 2;
      revenue += 10 * (ex - 10000) * live(m);
    }
    const rev = column(sim, 'revenue');
    expectMeanWithin(rev, revenue, Math.sqrt(revenueVariance));
    expectVarianceWithin(rev, revenueVariance, 3.1 * revenueVariance ** 2);
  });

  it('a pipeline group and earlier leads: Var(revenue) from the binomial wins and the multinomial close months', async () => {
    const sim = await run(
      `
name: pipeline variance
tiers:
  - name: T
    newBusiness:
      acv: 1000
      openingPipeline: { groups: [{ count: 400, winProbability: 0.3, closeMonth: 3, amount: 1000 }] }
      earlierLeads: { count: 2000, conversion: 0.1, closeMonth: [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0] }
`,
      3000,
    );
    // Pipeline: Binomial(400, 0.3) deals live from month 3. Earlier leads: each of 2,000 closes in
    // month j = 1..4 with 0.1 / 4 = 0.025 (a multinomial), adding 1,000 x (13 - j) / 12.
    const c = [1, 2, 3, 4].map((j) => 1000 * live(j));
    const e1 = c.reduce((s, x) => s + 0.025 * x, 0);
    const e2 = c.reduce((s, x) => s + 0.025 * x * x, 0);
    const variance = 400 * 0.3 * 0.7 * (1000 * live(3)) ** 2 + 2000 * (e2 - e1 * e1);
    const rev = column(sim, 'revenue');
    expectMeanWithin(rev, 120 * 1000 * live(3) + 2000 * e1, Math.sqrt(variance));
    // Sums of many independent bounded terms: mu4 within 3.1 sigma^4.
    expectVarianceWithin(rev, variance, 3.1 * variance ** 2);
    const won = column(sim, 'customersWon');
    const wonVariance = 400 * 0.3 * 0.7 + 2000 * 0.1 * 0.9;
    expectMeanWithin(won, 320, Math.sqrt(wonVariance));
    expectVarianceWithin(won, wonVariance, 3.1 * wonVariance ** 2);
  });

  it('monthly-billed customers: Var(revenue) from P(live in months m and n) = p^(max(m, n) / 12)', async () => {
    const rows = ['id,tier,arr,next_renewal,term_months'];
    for (let i = 0; i < 200; i++) rows.push(`c${i},T,1200,,monthly`);
    const sim = await runWithFiles('name: monthly\ntiers:\n  - name: T\n    existing: { customersFile: book.csv, renewalRate: 0.7 }\n', { 'book.csv': rows.join('\n') }, 3000);
    // A customer stays through month m with p^(m / 12) (hazard h, (1 - h)^12 = p): its revenue is 100
    // a month it is live, E = 100 sum p^(m/12), E[R^2] = 100^2 sum over m, n of p^(max(m, n) / 12).
    const p = 0.7;
    const stays = (m: number) => p ** (m / 12);
    let e1 = 0;
    let e2 = 0;
    let hazardAsAnnualOver12 = 0;
    for (let m = 1; m <= 12; m++) {
      e1 += 100 * stays(m);
      hazardAsAnnualOver12 += 100 * (1 - (1 - p) / 12) ** m;
      for (let n = 1; n <= 12; n++) e2 += 100 ** 2 * stays(Math.max(m, n));
    }
    const rev = column(sim, 'revenue');
    expectAgainst(rev, 200 * e1, { 'hazard of (1 - p) / 12 a month': 200 * hazardAsAnnualOver12 });
    expectVarianceWithin(rev, 200 * (e2 - e1 * e1), 3.1 * (200 * (e2 - e1 * e1)) ** 2);
    // Ending ARR: Binomial(200, p) customers of 1,200.
    const arr = column(sim, 'endingArr');
    expectVarianceWithin(arr, 200 * 1200 ** 2 * p * (1 - p), 3.1 * (200 * 1200 ** 2 * p * (1 - p)) ** 2);
  });
});

describe('a customer book at the edges: a customer of ARR 0, renewals in months 1 and 12, an escalator in month 1', () => {
  it('each customer renews with its own odds (ARR 0 counted as median-sized): E[revenue], E[ending ARR], logo and dollar renewal by hand', async () => {
    const book = [
      'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator',
      'zero,T,0,1,12,0,,',
      'late,T,1200,12,12,0,,',
      'stepped,T,2400,13,24,1,,0.1',
      'early,T,1000,1,12,3,,',
      'monthly,T,500,,monthly,0,,',
    ].join('\n');
    const sim = await runWithFiles(
      `
name: edges
tiers:
  - name: T
    existing:
      customersFile: book.csv
      renewalRate: 0.8
      priceUplift: 0.05
      renewalAdjustments: { perArrDoubling: 0.5, firstRenewal: -0.5 }
`,
      { 'book.csv': book },
      3000,
    );
    // log-odds = logit(0.8) + 0.5 log2(ARR / median) + (-0.5 on a first renewal); the median ARR of
    // the five is 1,000; a customer of ARR 0 has no log2 and counts as median-sized.
    const p = (adjust: number) => 1 / (1 + Math.exp(-(Math.log(4) + adjust)));
    const pZero = p(-0.5);
    const pLate = p(0.5 * Math.log2(1.2) - 0.5);
    const pEarly = p(0); // renewals 3: loyalty adjustment 0 (perRenewalAfterFirst not given)
    const pMonthly = p(0.5 * Math.log2(0.5) - 0.5); // stays the year with this chance
    // Escalator: the 24-month contract renewing in month 13 steps up 10% in month 1 (all year).
    const due = (arr: number, prob: number, m: number) => ({ revenue: (-(1 - prob) * arr + prob * arr * 0.05) * live(m), arr: -(1 - prob) * arr + prob * arr * 0.05 });
    const parts = [due(0, pZero, 1), due(1200, pLate, 12), due(1000, pEarly, 1)];
    let monthlyRevenue = 0;
    for (let m = 1; m <= 12; m++) monthlyRevenue += (500 / 12) * pMonthly ** (m / 12);
    const opening = 5100;
    const revenue = opening - 500 + 240 + parts.reduce((s, x) => s + x.revenue, 0) + monthlyRevenue;
    const arr = opening + 240 + parts.reduce((s, x) => s + x.arr, 0) - 500 * (1 - pMonthly);
    expectAgainst(column(sim, 'revenue'), revenue);
    expectAgainst(column(sim, 'endingArr'), arr);
    // Logo renewal: renewed / 3 due (the monthly-billed customer is never due); dollar: of 2,200 due.
    expectAgainst(column(sim, 'logoRenewal'), (pZero + pLate + pEarly) / 3, { 'ARR 0 never renewing (log2 0 = -Infinity)': (pLate + pEarly) / 3 });
    expectAgainst(column(sim, 'dollarRenewal'), (1200 * pLate + 1000 * pEarly) / 2200);
    // Bookings: renewed ARR x 1.05 (no contraction); the escalator books nothing.
    expectAgainst(column(sim, 'bookings'), (1200 * pLate + 1000 * pEarly) * 1.05);
  });
});

describe('the market factor drawn: customers due move together, in an aggregate book and in a file', () => {
  it("customers lost ~ a mixture over Z of Binomial(200, 1 - logistic(logit 0.9 + 0.8 Z)): mean, variance and fourth moment by quadrature", async () => {
    const n = 200;
    // The exact law of the count lost, by integrating the binomial pmf over the standard normal Z
    // (Simpson's rule on [-8, 8], 800 panels: its error is far below the tests' tolerances).
    const pmf = new Float64Array(n + 1);
    const panels = 800;
    const h = 16 / panels;
    const logChoose = (k: number) => {
      let s = 0;
      for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
      return s;
    };
    const lc = Float64Array.from({ length: n + 1 }, (_, k) => logChoose(k));
    for (let i = 0; i <= panels; i++) {
      const z = -8 + i * h;
      const w = (i === 0 || i === panels ? 1 : i % 2 === 1 ? 4 : 2) * (h / 3) * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
      const q = 1 - 1 / (1 + Math.exp(-(Math.log(9) + 0.8 * z))); // chance a customer due is lost, given Z
      for (let k = 0; k <= n; k++) pmf[k]! += w * Math.exp(lc[k]! + k * Math.log(q) + (n - k) * Math.log1p(-q));
    }
    const moment = (f: (k: number) => number) => pmf.reduce((s, p, k) => s + p * f(k), 0);
    const mean = moment((k) => k);
    const variance = moment((k) => (k - mean) ** 2);
    const mu4 = moment((k) => (k - mean) ** 4);
    // Independent customers at the average rate would give Binomial(200, mean / 200): a variance
    // several times smaller (the "independent drivers understate the downside" of DOMAIN.md).
    expect(variance / (mean * (1 - mean / n))).toBeGreaterThan(4);
    const market = 'market: { loadings: { renewal: 0.8 } }\n';
    const aggregate = await run(`name: aggregate\n${market}tiers:\n  - name: T\n    existing: { openingArr: 200000, customers: ${n}, renewalRate: 0.9 }\n`, 2000);
    const rows = ['id,tier,arr,next_renewal,term_months', ...Array.from({ length: n }, (_, i) => `c${i},T,1000,${1 + (i % 12)},12`)];
    const file = await runWithFiles(`name: file\n${market}tiers:\n  - name: T\n    existing: { customersFile: book.csv, renewalRate: 0.9 }\n`, { 'book.csv': rows.join('\n') }, 2000);
    for (const sim of [aggregate, file]) {
      const lost = column(sim, 'customersLost');
      expectMeanWithin(lost, mean, Math.sqrt(variance));
      expectVarianceWithin(lost, variance, mu4);
    }
  });
});

describe('a book stated by its dollar renewal rate, under a renewal stress', () => {
  it("the stress moves the solved base rate (the reference customer's) by its points, not the dollar rate: 90% - 5 points gives 85.8% (README)", async () => {
    const rows = ['id,tier,arr,next_renewal,term_months,renewals_completed'];
    for (let i = 0; i < 400; i++) rows.push(`s${i},T,1000,${1 + (i % 12)},12,1`, `b${i},T,9000,${1 + (i % 12)},12,1`);
    const sim = await runWithFiles(
      `
name: dollar stress
tiers:
  - name: T
    existing:
      customersFile: book.csv
      dollarRenewalRate: 0.9
      renewalAdjustments: { perArrDoubling: 0.5 }
    stress: { renewal: -0.05 }
`,
      { 'book.csv': rows.join('\n') },
      400,
    );
    // Median ARR 5,000: the small customers' odds x 2^(0.5 log2 0.2), the large ones' x 2^(0.5 log2 1.8)
    // (in natural log: 0.5 ln(ARR / 5,000) / ln 2 x ln 2). Half the customers each; ARR weights 1 : 9.
    const k = [Math.exp(0.5 * Math.log2(0.2)), Math.exp(0.5 * Math.log2(1.8))];
    const dollar = (base: number) => {
      const o = base / (1 - base);
      return (1000 * ((o * k[0]!) / (1 + o * k[0]!)) + 9000 * ((o * k[1]!) / (1 + o * k[1]!))) / 10000;
    };
    // The base rate with a dollar renewal of 90%, by bisection (the dollar rate rises with it).
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 100; i++) (dollar((lo + hi) / 2) < 0.9 ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2));
    const base = (lo + hi) / 2;
    expect(base).toBeCloseTo(0.8848, 4);
    expect(dollar(base - 0.05)).toBeCloseTo(0.8581, 4);
    expectAgainst(column(sim, 'dollarRenewal'), dollar(base - 0.05), { 'the dollar rate moved by the 5 points': 0.85 });
  });
});
