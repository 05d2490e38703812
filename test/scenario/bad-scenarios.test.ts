import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { fixtureText } from '../helpers/fixtures.js';

const base = fixtureText('minimal.yaml');
const edit = (from: string, to: string) => {
  if (!base.includes(from)) throw new Error(`fixture has no ${from}`);
  return base.replace(from, to);
};
const RENEWAL = '{ dist: beta, mean: 0.9, sd: 0.02 }';

/**
 * Broken scenarios and the exact message each must give: location (file:line:column), dot path,
 * and what is wrong. Line and column are 1-based positions in the edited fixture.
 */
const cases: Array<{ name: string; yaml: string; expected: string[] }> = [
  {
    name: 'a beta parameter out of range',
    yaml: edit(RENEWAL, '{ dist: beta, alpha: -1, beta: 2 }'),
    expected: ['bad.yaml:10:41 tiers[0].existing.renewalRate.alpha: must be greater than 0, got -1'],
  },
  {
    name: 'a misspelt key: reported as unknown, and the real key as missing (no silent default)',
    yaml: edit('conversion: 0.05', 'convresion: 0.05'),
    expected: [
      'bad.yaml:12:7 tiers[0].newBusiness.conversion: leadsPerMonth needs a conversion rate',
      'bad.yaml:13:7 tiers[0].newBusiness: unknown key "convresion" (did you mean "conversion"?)',
    ],
  },
  {
    name: 'a rate above 1',
    yaml: edit('conversion: 0.05', 'conversion: 1.5'),
    expected: ['bad.yaml:13:19 tiers[0].newBusiness.conversion: a rate must be within [0, 1]; did you mean 0.015 (or 1.5%)?'],
  },
  {
    // Was "did you mean 0.012 (or 1.2%)?": a book losing 98.8% of its customers at renewal is no one's plan.
    name: 'a renewal rate above 1 whose percent reading is implausible',
    yaml: edit(RENEWAL, '1.2'),
    expected: ['bad.yaml:10:20 tiers[0].existing.renewalRate: a rate must be within [0, 1], got 1.2; a renewal rate is at most 1 (100%: every customer due renews), as in 0.92 or 92%'],
  },
  {
    name: 'a renewal rate written as a percent without its %',
    yaml: edit(RENEWAL, '92'),
    expected: ['bad.yaml:10:20 tiers[0].existing.renewalRate: a rate must be within [0, 1]; did you mean 0.92 (or 92%)?'],
  },
  {
    name: 'a renewal rate of 30 (0.3 is below the renewals a hint offers)',
    yaml: edit(RENEWAL, '30'),
    expected: ['bad.yaml:10:20 tiers[0].existing.renewalRate: a rate must be within [0, 1], got 30; a renewal rate is at most 1 (100%: every customer due renews), as in 0.92 or 92%'],
  },
  {
    // Was "its values look like percents (1.2 for 1.2%)".
    name: 'a distribution of a renewal rate centred above 1, not a percent',
    yaml: edit(RENEWAL, '{ dist: pert, min: 1.1, mode: 1.2, max: 1.3 }'),
    expected: ['bad.yaml:10:20 tiers[0].existing.renewalRate: a rate must stay within [0, 1], but pert can draw above 1; use beta, or bound it (min/max for normal, lower/upper for quantiles)'],
  },
  {
    // Was "did you mean 0.012 (or 1.2%)?": the beta's own check knew only (0, 1), not the field's
    // plausible renewals; the field's words now stand in its place, as for renewalRate: 1.2.
    name: "a renewal rate's beta mean above 1 whose percent reading is implausible",
    yaml: edit(RENEWAL, '{ dist: beta, mean: 1.2, sd: 0.03 }'),
    expected: ['bad.yaml:10:40 tiers[0].existing.renewalRate.mean: must be strictly between 0 and 1, got 1.2; a renewal rate is at most 1 (100%: every customer due renews), as in 0.92 or 92%'],
  },
  {
    name: "a dollar renewal rate's beta mean of 30 (0.3 is below the renewals a hint offers)",
    yaml: edit('renewalRate: ' + RENEWAL, 'dollarRenewalRate: { dist: beta, mean: 30, sd: 3 }'),
    expected: ['bad.yaml:10:46 tiers[0].existing.dollarRenewalRate.mean: must be strictly between 0 and 1, got 30; a renewal rate is at most 1 (100%: every customer due renews), as in 0.92 or 92%'],
  },
  {
    name: "a renewal rate's beta mean written as a plausible percent keeps its reading",
    yaml: edit(RENEWAL, '{ dist: beta, mean: 92, sd: 0.03 }'),
    expected: ['bad.yaml:10:40 tiers[0].existing.renewalRate.mean: must be strictly between 0 and 1; did you mean 0.92 (or 92%)?'],
  },
  {
    // Was "its values look like percents (1.1 for 1.1%): write each as a fraction (0.011)".
    name: "a renewal rate's bounded quantiles above 1, not percents",
    yaml: edit(RENEWAL, '{ dist: quantiles, quantiles: { p10: 1.1, p50: 1.2, p90: 1.3 }, lower: 0, upper: 1 }'),
    expected: ['bad.yaml:10:50 tiers[0].existing.renewalRate.quantiles: the value at P10 (1.1) is not below the upper bound (1): stated values must lie strictly inside the bounds'],
  },
  {
    name: 'a conversion beta mean of 1.2 is still offered 1.2% (a plausible conversion)',
    yaml: edit('conversion: 0.05', 'conversion: { dist: beta, mean: 1.2, sd: 0.003 }'),
    expected: ['bad.yaml:13:39 tiers[0].newBusiness.conversion.mean: must be strictly between 0 and 1; did you mean 0.012 (or 1.2%)?'],
  },
  {
    name: 'a conversion above 1 still reads as a percent (opportunity to won runs to 30%)',
    yaml: edit('conversion: 0.05', 'conversion: 25'),
    expected: ['bad.yaml:13:19 tiers[0].newBusiness.conversion: a rate must be within [0, 1]; did you mean 0.25 (or 25%)?'],
  },
  {
    name: 'an unbounded distribution for a rate',
    yaml: edit('conversion: 0.05', 'conversion: { dist: normal, mean: 0.05, sd: 0.01 }'),
    expected: [
      'bad.yaml:13:19 tiers[0].newBusiness.conversion: a rate must stay within [0, 1], but normal can draw below 0; use beta, or bound it (min/max for normal, lower/upper for quantiles)',
    ],
  },
  {
    name: 'a misspelt distribution gets the one it is near',
    yaml: edit('conversion: 0.05', 'conversion: { dist: Betta, mean: 0.05, sd: 0.01 }'),
    expected: [
      'bad.yaml:13:27 tiers[0].newBusiness.conversion.dist: unknown dist "Betta" (did you mean "beta"?); use one of: fixed, uniform, triangular, pert, normal, lognormal, beta, poisson, negativeBinomial, discrete, empirical, quantiles',
    ],
  },
  {
    name: 'a distribution without dist says to name one (not "unknown dist undefined")',
    yaml: edit('conversion: 0.05', 'conversion: { mean: 0.05, sd: 0.01 }'),
    expected: [
      'bad.yaml:13:19 tiers[0].newBusiness.conversion.dist: a distribution needs dist: name its family (dist: lognormal, say), one of: fixed, uniform, triangular, pert, normal, lognormal, beta, poisson, negativeBinomial, discrete, empirical, quantiles',
    ],
  },
  {
    name: "a distribution's parameters in another case or in other words get the key arrcast reads",
    yaml: edit('conversion: 0.05', 'conversion: { dist: triangular, low: 0.01, mode: 0.05, High: 0.08, Mode: 0.05 }'),
    expected: [
      'bad.yaml:13:19 tiers[0].newBusiness.conversion.min: is required',
      'bad.yaml:13:19 tiers[0].newBusiness.conversion.max: is required',
      'bad.yaml:13:39 tiers[0].newBusiness.conversion: unknown key "low" (did you mean "min"?)',
      'bad.yaml:13:62 tiers[0].newBusiness.conversion: unknown key "High" (did you mean "max"?)',
      'bad.yaml:13:74 tiers[0].newBusiness.conversion: unknown key "Mode" (did you mean "mode"?)',
    ],
  },
  {
    name: "a distribution's sd written std gets sd, not a scenario key two edits away (seed)",
    yaml: edit('conversion: 0.05', 'conversion: { dist: beta, mean: 0.05, std: 0.01 }'),
    expected: [
      'bad.yaml:13:19 tiers[0].newBusiness.conversion: beta needs either alpha and beta, or mean and sd',
      'bad.yaml:13:45 tiers[0].newBusiness.conversion: unknown key "std" (did you mean "sd"?)',
    ],
  },
  {
    name: 'an unknown key with no near miss gets the keys its place takes, once per place (a distribution by its dist)',
    yaml: edit('conversion: 0.05', 'conversion: { dist: beta, mean: 0.05, sd: 0.01, spread: 2 }\n      leads: 100\n      deals: 5'),
    expected: [
      'bad.yaml:13:55 tiers[0].newBusiness.conversion: unknown key "spread"; the keys here are: dist, alpha, beta, mean, sd',
      'bad.yaml:14:7 tiers[0].newBusiness: unknown key "leads"; the keys here are: leadsPerMonth, seasonality, conversion, leadSources, earlierLeads, openingPipeline, reps, salesCycleMonths, acv, terms, serviceStartLagMonths',
      'bad.yaml:15:7 tiers[0].newBusiness: unknown key "deals"',
    ],
  },
  {
    name: 'an unknown distribution',
    yaml: edit('conversion: 0.05', 'conversion: { dist: gauss, mean: 0.05 }'),
    expected: [
      'bad.yaml:13:27 tiers[0].newBusiness.conversion.dist: unknown dist "gauss"; use one of: fixed, uniform, triangular, pert, normal, lognormal, beta, poisson, negativeBinomial, discrete, empirical, quantiles',
    ],
  },
  {
    name: 'a string where a number goes',
    yaml: edit('customers: 120', 'customers: many'),
    expected: ['bad.yaml:9:18 tiers[0].existing.customers: "many" is not a number: write a whole number, e.g. 12, 2000, 1,500 or 20k'],
  },
  {
    name: 'two parameterisations of one lognormal',
    yaml: edit('{ dist: lognormal, mean: 12000, sd: 4000 }', '{ dist: lognormal, mean: 12000, median: 10000 }'),
    expected: [
      'bad.yaml:14:12 tiers[0].newBusiness.acv: lognormal needs exactly one of: mu and sigma, median and p90, p10 and p90, mean and sd (got median, mean)',
    ],
  },
  {
    name: 'quantiles that give an infeasible (non-monotone) metalog',
    yaml: edit(RENEWAL, '{ dist: quantiles, quantiles: { p10: 0.5, p50: 0.51, p90: 0.95 }, lower: 0, upper: 1 }'),
    expected: [
      'bad.yaml:10:50 tiers[0].existing.renewalRate.quantiles: these quantiles give a metalog whose density is negative near P8 (the quantile function decreases there): the stated values are not consistent with a smooth distribution; widen the gap between P10 and P50 or add a quantile',
    ],
  },
  // A list where a mapping goes, or a mapping where a list goes: the form the field takes ("expected array, got a mapping" alone).
  {
    name: 'tiers keyed by name: a mapping where the list of tiers goes',
    yaml: edit('  - name: SMB\n', '  SMB:\n'),
    expected: ['bad.yaml:6:3 tiers: expected array, got a mapping: write a list, each tier beginning with "- name: " (a tier keyed by its name, `SMB:`, is written `- name: SMB`)'],
  },
  {
    name: "the opening book's keys written as list items",
    yaml: edit('      openingArr: 1200000\n      customers: 120\n      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', '      - openingArr: 1200000\n      - customers: 120\n      - renewalRate: 0.9'),
    expected: ['bad.yaml:8:7 tiers[0].existing: expected object, got a list: its items are keys of one mapping: remove the "- " before each, keeping them at one indentation'],
  },
  {
    name: "new business's keys written as list items",
    yaml: edit('      leadsPerMonth: { dist: poisson, mean: 100 }\n      conversion: 0.05\n      acv: { dist: lognormal, mean: 12000, sd: 4000 }', '      - leadsPerMonth: 100\n      - conversion: 0.05\n      - acv: 12000'),
    expected: ['bad.yaml:12:7 tiers[0].newBusiness: expected object, got a list: its items are keys of one mapping: remove the "- " before each, keeping them at one indentation'],
  },
  {
    name: 'quantiles as a list of three values',
    yaml: edit(RENEWAL, '{ dist: quantiles, quantiles: [0.8, 0.9, 0.95], lower: 0, upper: 1 }'),
    expected: ['bad.yaml:10:50 tiers[0].existing.renewalRate.quantiles: expected object, got a list: write each with its percentile as key: { p10: 0.8, p50: 0.9, p90: 0.95 }'],
  },
  {
    name: 'market loadings as a list',
    yaml: edit('seed: 3\n', 'seed: 3\nmarket:\n  loadings: [0.1, 0.2]\n'),
    expected: ['bad.yaml:6:13 market.loadings: expected object, got a list: write key: value pairs (each on a line of its own, or inside { }), not a list'],
  },
  // A distribution whose parameters cannot hold: each family names the values and the bound, with a fix.
  {
    // sqrt(0.03 x 0.97) = 0.170587: the bound is written rounded down (17.05%), so an sd below it as written is taken.
    name: 'a beta written in % whose sd is wider than its mean allows',
    yaml: edit('conversion: 0.05', 'conversion: { dist: beta, mean: 3%, sd: 20% }'),
    expected: ['bad.yaml:13:47 tiers[0].newBusiness.conversion.sd: beta with mean 0.03 (3%) needs sd below 0.1705 (17.05%), the widest a share with that mean can spread (sd^2 < mean(1 - mean)); got sd 0.2 (20%): write a smaller sd, or state the range as quantiles ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })'],
  },
  {
    name: 'a uniform whose ends are the wrong way round',
    yaml: edit('conversion: 0.05', 'conversion: { dist: uniform, min: 4%, max: 2% }'),
    expected: ['bad.yaml:13:50 tiers[0].newBusiness.conversion.max: uniform needs min < max, got min 0.04 and max 0.02: swap them'],
  },
  {
    name: 'a triangular whose mode lies above its max',
    yaml: edit('conversion: 0.05', 'conversion: { dist: triangular, min: 0.01, mode: 0.05, max: 0.03 }'),
    expected: ['bad.yaml:13:56 tiers[0].newBusiness.conversion.mode: triangular needs min <= mode <= max, got mode 0.05 above max (min 0.01, max 0.03): move the mode inside [0.01, 0.03], or widen the range to hold it'],
  },
  {
    name: 'a bounded normal whose bounds are the wrong way round',
    yaml: edit('conversion: 0.05', 'conversion: { dist: normal, mean: 0.05, sd: 0.01, min: 0.06, max: 0.04 }'),
    expected: ['bad.yaml:13:73 tiers[0].newBusiness.conversion.max: normal needs min < max, got min 0.06 and max 0.04: swap them'],
  },
  {
    name: 'a beta sd too large for its mean',
    yaml: edit(RENEWAL, '{ dist: beta, mean: 0.9, sd: 0.4 }'),
    // sqrt(0.9 x 0.1) = 0.3: the bound, the mean and the sd refused, each also in % (it said "needs sd < 0.3000" without the sd).
    expected: ['bad.yaml:10:49 tiers[0].existing.renewalRate.sd: beta with mean 0.9 (90%) needs sd below 0.3 (30%), the widest a share with that mean can spread (sd^2 < mean(1 - mean)); got sd 0.4 (40%): write a smaller sd, or state the range as quantiles ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })'],
  },
  {
    name: 'a renewal calendar adding up to more than 1',
    yaml: edit('customers: 120', 'customers: 120\n      renewalCalendar: [0.5, 0.5, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0]'),
    expected: [
      'bad.yaml:10:24 tiers[0].existing.renewalCalendar: renewal shares add up to 1.1000; they must add up to at most 1 (the share of ARR renewing this year)',
    ],
  },
  {
    name: 'a fractional sales-cycle lag',
    yaml: edit('conversion: 0.05', 'conversion: 0.05\n      salesCycleMonths: 1.5'),
    expected: [
      'bad.yaml:14:25 tiers[0].newBusiness.salesCycleMonths: a lag in months must be a whole number from 0 to 24, got 1.5; use a number, or discrete/empirical with whole values',
    ],
  },
  {
    name: 'a month number out of range',
    yaml: edit('currency: EUR', 'currency: EUR\nfiscalYearStartMonth: 13'),
    expected: ['bad.yaml:3:23 fiscalYearStartMonth: must be a month number from 1 (January) to 12, got 13'],
  },
  {
    // Each said the rule alone before: the value given follows it, and the number a text reads as.
    name: 'a fractional count, a month of 0.5k and a lag list past 24: each with the value given',
    yaml: edit('customers: 120', 'customers: 200.5')
      .replace('currency: EUR', 'currency: EUR\nfiscalYearStartMonth: 0.5k')
      .replace('conversion: 0.05', 'conversion: 0.05\n      salesCycleMonths: { dist: discrete, values: [1, 30], weights: [1, 1] }'),
    expected: [
      'bad.yaml:3:23 fiscalYearStartMonth: must be a month number from 1 (January) to 12, got "0.5k" (500)',
      'bad.yaml:10:18 tiers[0].existing.customers: must be a whole number, got 200.5',
      'bad.yaml:15:25 tiers[0].newBusiness.salesCycleMonths: a lag in months must be a whole number from 0 to 24, its values run from 1 to 30; use a number, or discrete/empirical with whole values',
    ],
  },
  {
    // Reviewed (nw26): a quoted "-5" said its reading again ('got "-5" (-5)'); hires and a term of 18
    // months gave the rule alone; the lag's value stood in brackets; 1000000000000 after a grouped limit.
    name: 'a quoted negative count, a big trials, a lag, a term and a hire: each value given once, as the rule writes numbers',
    yaml: edit('customers: 120', 'customers: "-5"')
      .replace('trials: 2000', 'trials: 1000000000000')
      .replace(
        'conversion: 0.05',
        'conversion: 0.05\n      salesCycleMonths: 1.5\n      terms: [{ months: 18, share: 1 }]\n      reps: { start: 2, hires: [1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], capacity: 5 }',
      ),
    expected: [
      'bad.yaml:3:9 trials: must be at most 10,000,000, got 1,000,000,000,000',
      'bad.yaml:9:18 tiers[0].existing.customers: must be >= 0, got "-5"',
      'bad.yaml:14:25 tiers[0].newBusiness.salesCycleMonths: a lag in months must be a whole number from 0 to 24, got 1.5; use a number, or discrete/empirical with whole values',
      'bad.yaml:15:25 tiers[0].newBusiness.terms[0].months: a contract term is a whole number of years (12, 24, 36, 48 or 60 months), got 18',
      'bad.yaml:16:32 tiers[0].newBusiness.reps.hires: hires are whole numbers of reps, got 1.5',
    ],
  },
  {
    name: 'two tiers with the same name (case-insensitive)',
    yaml: `${base}  - name: smb\n    newBusiness:\n      leadsPerMonth: 5\n      conversion: 0.1\n      acv: 1000\n`,
    expected: ['bad.yaml:15:11 tiers[1].name: tier name "smb" is used twice (also tiers[0])'],
  },
  {
    // YAML's !!timestamp and !!binary make a Date and bytes, which the message called "a mapping".
    name: 'a YAML timestamp or binary where a number goes',
    yaml: `name: t\ntrials: !!timestamp 2001-12-14\nseed: !!binary aGVsbG8=\ntiers:\n  - name: A\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n`,
    expected: ['bad.yaml:2:21 trials: expected number, got a date (YAML !!timestamp)', 'bad.yaml:3:16 seed: expected number or string, got binary data (YAML !!binary)'],
  },
  {
    // NFC "Café" (é) and NFD "Café" (e + U+0301) are two names that every table, CSV and chart showed alike.
    name: 'two tiers whose names differ only in Unicode form (NFC and NFD)',
    yaml: `name: nfd\ntiers:\n  - name: "Caf\u00e9"\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n  - name: "Cafe\u0301"\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n`,
    expected: ['bad.yaml:5:11 tiers[1].name: tier name "Cafe\u0301" is used twice (also tiers[0]), written with other Unicode characters that read the same (NFC and NFD forms)'],
  },
  {
    // A zero-width space, or fullwidth letters, make names that every table, CSV and chart shows alike.
    name: 'two tiers whose names differ only by an invisible character or fullwidth letters',
    yaml: `name: zw\ntiers:\n  - name: SMB\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n  - name: "SMB\u200b"\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n  - name: "\uff33\uff2d\uff22"\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n`,
    expected: [
      'bad.yaml:5:11 tiers[1].name: tier name "SMB\u200b" is used twice (also tiers[0]), written with other Unicode characters that read the same (invisible characters, or fullwidth letters)',
      'bad.yaml:7:11 tiers[2].name: tier name "\uff33\uff2d\uff22" is used twice (also tiers[0]), written with other Unicode characters that read the same (invisible characters, or fullwidth letters)',
    ],
  },
  {
    // Leads are a number of things (no %, as a rep's capacity), a price uplift a share: neither is "this amount".
    name: 'negative leads and a negative price uplift, each named for what it is',
    yaml: edit(`renewalRate: ${RENEWAL}`, `renewalRate: ${RENEWAL}\n      priceUplift: -0.1`).replace('leadsPerMonth: { dist: poisson, mean: 100 }', 'leadsPerMonth: -3'),
    expected: ['bad.yaml:11:20 tiers[0].existing.priceUplift: this share must be >= 0, got -0.1', 'bad.yaml:13:22 tiers[0].newBusiness.leadsPerMonth: this number must be >= 0, got -3'],
  },
  {
    name: 'a Poisson sales-cycle lag (lags are listed months)',
    yaml: edit('conversion: 0.05', 'conversion: 0.05\n      salesCycleMonths: { dist: poisson, mean: 0 }'),
    expected: [
      'bad.yaml:14:25 tiers[0].newBusiness.salesCycleMonths: a lag in months must be a whole number from 0 to 24, got dist: poisson; use a number, or discrete/empirical with whole values',
    ],
  },
  {
    name: 'a truncated normal with almost no probability between its bounds',
    yaml: edit('acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: { dist: normal, mean: 0, sd: 1, min: 40, max: 41 }'),
    expected: ['bad.yaml:14:12 tiers[0].newBusiness.acv: normal(mean 0, sd 1) has almost no probability between 40 and 41; move the bounds or the mean'],
  },
  {
    name: 'a lognormal whose mean overflows',
    yaml: edit('acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: { dist: lognormal, mu: 700, sigma: 1 }'),
    expected: ['bad.yaml:14:12 tiers[0].newBusiness.acv: lognormal mean exp(mu + sigma^2/2) is above 1e15: check mu'],
  },
  {
    name: 'an absurd number',
    yaml: edit('openingArr: 1200000', 'openingArr: 1e300'),
    expected: ['bad.yaml:8:19 tiers[0].existing.openingArr: must be at most 1e15, got 1e+300'],
  },
  {
    name: 'no tiers',
    yaml: 'name: x\ntiers: []\n',
    expected: ['bad.yaml:2:8 tiers: a scenario needs at least one tier'],
  },
  {
    name: 'a list instead of a mapping',
    yaml: '- 1\n- 2\n',
    expected: ['bad.yaml:1:1 must be a mapping of keys (name, tiers, ...), not a list or a single value'],
  },
  {
    name: "a key without its ':' (the YAML reader's message alone does not say so)",
    yaml: edit('openingArr: 1200000', 'openingArr 1200000'),
    expected: [
      "bad.yaml:8:7 not valid YAML: Implicit keys need to be on a single line (is a ':' missing after a key, here or on the line above, or a line indented differently from the keys beside it? write key: value)",
    ],
  },
  { name: 'an empty file', yaml: '', expected: ['bad.yaml is empty'] },
  {
    name: 'a duplicate key',
    yaml: edit('currency: EUR', 'currency: EUR\ncurrency: USD'),
    expected: ['bad.yaml:3:1 not valid YAML: the key "currency" is given twice in this mapping (first at line 2): keep one'],
  },
  {
    name: 'a currency in lower case',
    yaml: edit('currency: EUR', 'currency: eur'),
    expected: ['bad.yaml:2:11 currency: currency is a three-letter ISO 4217 code such as USD; did you mean EUR?'],
  },
  {
    name: 'a currency sign',
    yaml: edit('currency: EUR', 'currency: "€"'),
    expected: ['bad.yaml:2:11 currency: currency is a three-letter ISO 4217 code such as USD; did you mean EUR?'],
  },
  {
    name: 'a currency in words',
    yaml: edit('currency: EUR', 'currency: US dollars'),
    expected: ['bad.yaml:2:11 currency: currency is a three-letter ISO 4217 code such as USD; did you mean USD?'],
  },
  {
    name: 'a currency no one reading is likely for',
    yaml: edit('currency: EUR', 'currency: Euro dollars'),
    expected: ['bad.yaml:2:11 currency: currency is a three-letter ISO 4217 code such as USD'],
  },
  // YAML syntax: the first error only (the ones after it are mostly the reader thrown off), with its likely cause.
  {
    name: 'a key indented one space less than the keys beside it',
    yaml: edit('      customers: 120', '     customers: 120'),
    expected: [
      'bad.yaml:9:1 not valid YAML: All mapping items must start at the same column (the key on line 9 starts in column 6, between the keys on line 8 above it (column 7) and on line 7 (column 5): line 9 is likely the one out of step; the keys of one mapping start in the same column); 2 more YAML errors, likely caused by this one: fix it first',
    ],
  },
  {
    // Named only the deeper line (10, a key of existing), as if newBusiness belonged there; existing, its sibling, is line 7.
    name: 'a key indented one space more than the keys beside it, after a block indented further',
    yaml: edit('    newBusiness:', '     newBusiness:'),
    expected: [
      'bad.yaml:11:1 not valid YAML: All mapping items must start at the same column (the key on line 11 starts in column 6, between the keys on line 10 above it (column 7) and on line 7 (column 5): line 11 is likely the one out of step; the keys of one mapping start in the same column)',
    ],
  },
  {
    // The reader stops at line 9, the first key out of column with line 8: was shown at 9:1, "the key on
    // line 9 starts in column 7, between the keys on line 8 (column 8) and on line 7 (column 5)", and the
    // planner looked for the mistake on line 9, which is right, as is line 10 below it.
    name: "a block's first key indented one space more than the keys after it",
    yaml: edit('      openingArr: 1200000', '       openingArr: 1200000'),
    expected: [
      'bad.yaml:8:8 not valid YAML: All mapping items must start at the same column (the key on line 8 starts in column 8, but the keys after it, from line 9, start in column 7, under the key on line 7 (column 5): line 8 is likely the one out of step, start it in column 7; the keys of one mapping start in the same column); 1 more YAML error, likely caused by this one: fix it first',
    ],
  },
  {
    // One key on each side: nothing says which is off, so both are named.
    name: "a block's first key one space off from its only other key",
    yaml: edit('      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }\n', '').replace('      openingArr: 1200000', '       openingArr: 1200000'),
    expected: [
      'bad.yaml:9:1 not valid YAML: All mapping items must start at the same column (the key on line 9 starts in column 7 and the key on line 8 above it in column 8, under the key on line 7 (column 5): one of lines 8 and 9 is out of step; the keys of one mapping start in the same column)',
    ],
  },
  {
    name: 'a key indented more than the keys beside it',
    yaml: edit('      customers: 120', '        customers: 120'),
    expected: [
      'bad.yaml:8:19 not valid YAML: Nested mappings are not allowed in compact mappings (line 9 is indented 8 spaces, more than line 8 above it (6): the keys of one mapping start in the same column); 1 more YAML error, likely caused by this one: fix it first',
    ],
  },
  {
    name: 'a tab as indentation',
    yaml: edit('      customers: 120', '\tcustomers: 120'),
    expected: [
      'bad.yaml:9:1 not valid YAML: Tabs are not allowed as indentation (YAML indents with spaces only: replace the tab with spaces); 3 more YAML errors, likely caused by this one: fix it first',
    ],
  },
  {
    name: 'a list item moved left of the items before it',
    yaml: `${base}  - name: Mid\n    existing: { openingArr: 1M, customers: 10, renewalRate: 0.9 }\n`.replace('  - name: Mid', '- name: Mid'),
    expected: [
      'bad.yaml:15:1 not valid YAML: A block sequence may not be used as an implicit map key (the "- " on line 15 is in column 1, and the list item on line 6 in column 3: the items of one list start in the same column); 4 more YAML errors, likely caused by this one: fix it first',
    ],
  },
  {
    // Named the nearest list item above, line 17, an item of the tier's own list in column 7.
    name: "a list item moved left of the items before it, after a deeper list's items",
    yaml: `${base}    pipeline:\n      - { stage: a }\n      - { stage: b }\n - name: Mid\n    existing: { openingArr: 1M, customers: 10, renewalRate: 0.9 }\n`,
    expected: [
      'bad.yaml:18:2 not valid YAML: A block sequence may not be used as an implicit map key (the "- " on line 18 is in column 2, and the list item on line 6 in column 3: the items of one list start in the same column); 4 more YAML errors, likely caused by this one: fix it first',
    ],
  },
  {
    // Named the keys around it (line 14, acv, in column 7; line 5, tiers, in column 1), where a list item does not go.
    name: 'a list item indented one space more than the items before it',
    yaml: `${base}   - name: Mid\n     existing: { openingArr: 1M, customers: 10, renewalRate: 0.9 }\n`,
    expected: [
      'bad.yaml:15:4 not valid YAML: All sequence items must start at the same column (the "- " on line 15 is in column 4, and the list item on line 6 in column 3: the items of one list start in the same column)',
    ],
  },
  {
    // Was shown at line 15, the blank line after the tier above, with no hint (a "- " in column 1 of a blank line).
    name: 'a list item moved right of the items before it, after a blank line and a comment',
    yaml: `${base}\n  # the next tier\n    - name: Mid\n      existing: { openingArr: 1M, customers: 10, renewalRate: 0.9 }\n`,
    expected: [
      'bad.yaml:17:5 not valid YAML: A block sequence may not be used as an implicit map key (the "- " on line 17 is in column 5, and the list item on line 6 in column 3: the items of one list start in the same column); 2 more YAML errors, likely caused by this one: fix it first',
    ],
  },
  {
    // Was the reader's words alone: "Sequence item without - indicator".
    name: "a key of a tier indented one space less than the tier's first key",
    yaml: edit('    existing:', '   existing:'),
    expected: [
      // At the key (7:4, the column the hint names), not at the line's start (7:1).
      'bad.yaml:7:4 not valid YAML: Sequence item without - indicator (the key on line 7 starts in column 4, and the keys of the list item on line 6 in column 5: the keys of one mapping start in the same column, and a new list item starts with "- "); 1 more YAML error, likely caused by this one: fix it first',
    ],
  },
  {
    // Was shown at the blank line (7:1), with no hint.
    name: "a key of a tier indented one space short, after a blank line",
    yaml: edit('  - name: SMB\n    existing:', '  - name: SMB\n\n   existing:'),
    expected: [
      'bad.yaml:8:4 not valid YAML: Sequence item without - indicator (the key on line 8 starts in column 4, and the keys of the list item on line 6 in column 5: the keys of one mapping start in the same column, and a new list item starts with "- "); 1 more YAML error, likely caused by this one: fix it first',
    ],
  },
  {
    // A "-" alone, its keys on the lines below: was the reader's words alone.
    name: "a key of a tier indented one space short, the tier's keys below its \"-\"",
    yaml: edit('  - name: SMB\n    existing:', '  -\n    name: SMB\n   existing:'),
    expected: [
      'bad.yaml:8:4 not valid YAML: Sequence item without - indicator (the key on line 8 starts in column 4, and the keys of the list item on line 6 in column 5: the keys of one mapping start in the same column, and a new list item starts with "- "); 1 more YAML error, likely caused by this one: fix it first',
    ],
  },
  {
    // A list in a list item: was shown at 19:1, the hint saying column 8.
    name: 'a key of a nested list item indented one space short',
    yaml: `${base}extra:\n  - name: G\n    items:\n      - x: 1\n       y: 2\n`,
    expected: [
      'bad.yaml:19:8 not valid YAML: Sequence item without - indicator (the key on line 19 starts in column 8, and the keys of the list item on line 18 in column 9: the keys of one mapping start in the same column, and a new list item starts with "- ")',
    ],
  },
  {
    name: 'a quote never closed: shown where it opens, not at the end of the file',
    yaml: edit('name: Minimal', 'name: "Minimal'),
    expected: ['bad.yaml:1:7 not valid YAML: this " is never closed: end the value with " on this line'],
  },
  {
    name: "a value holding ': ' unquoted",
    yaml: edit('name: Minimal', 'name: Plan: FY27'),
    expected: ['bad.yaml:1:7 not valid YAML: Nested mappings are not allowed in compact mappings (a value holding ": " must be quoted, as in name: "Plan: FY27")'],
  },
  {
    name: 'one label for two different targets (outputs find targets by label)',
    yaml: `${base}targets:\n  metrics:\n    - { metric: revenue, value: 2M, label: Plan }\n    - { metric: revenue, value: 3M, label: plan }\n`,
    expected: ['bad.yaml:18:44 targets.metrics[1].label: the label "plan" is also targets.metrics[0]\'s, a different target: give each target a label of its own'],
  },
  {
    name: 'a label that is another target\'s default label',
    yaml: `${base}targets:\n  metrics:\n    - { metric: revenue, value: 2M }\n    - { metric: bookings, value: 3M, label: "revenue >= 2M" }\n`,
    expected: ['bad.yaml:18:45 targets.metrics[1].label: the label "revenue >= 2M" is also targets.metrics[0]\'s, a different target: give each target a label of its own'],
  },
  {
    // Was "unknown key "nme"; the keys here are: ...": `name` is none of the common misspellings.
    name: "a misspelt key of a tier: the near miss among the keys its place takes",
    yaml: edit('  - name: SMB', '  - nme: SMB'),
    expected: ['bad.yaml:6:5 tiers[0].name: is required', 'bad.yaml:6:5 tiers[0]: unknown key "nme" (did you mean "name"?)'],
  },
  {
    name: 'a key cut short: the one key of its place it starts',
    yaml: edit('trials: 2000', 'trials: 2000\nfiscalYearStart: 2'),
    expected: ['bad.yaml:4:1 unknown key "fiscalYearStart" (did you mean "fiscalYearStartMonth"?)'],
  },
  {
    // Was '(did you mean "seed"?)', a key of the scenario's top, not of a beta.
    name: "a distribution's unknown key is not offered a key of another place",
    yaml: edit(RENEWAL, '{ dist: beta, mean: 0.9, sd: 0.02, spred: 1 }'),
    expected: ['bad.yaml:10:55 tiers[0].existing.renewalRate: unknown key "spred"; the keys here are: dist, alpha, beta, mean, sd'],
  },
  {
    // Was "the key on line 14 starts in column 7, and the key on line 13 above it in column 5": the
    // line the reader stopped at, not the one moved left.
    name: 'a key with its value moved left of the keys either side of it',
    yaml: edit('      conversion: 0.05', '    conversion: { dist: beta, mean: 0.05, sd: 0.01 }'),
    // Line 13 is in the column of newBusiness: (line 11), the section holding line 12: as written it is
    // newBusiness's sibling and line 14 two spaces deep, so both readings are said.
    expected: ['bad.yaml:14:1 not valid YAML: All mapping items must start at the same column (the key on line 14 starts in column 7, and the key on line 13 above it in column 5; or line 13, in the column of the section on line 11 above it, belongs with lines 12 and 14 either side of it: start it in column 7; the keys of one mapping start in the same column)'],
  },
  {
    // Was "line 10 is indented 6 spaces, more than line 9 above it (4)".
    name: 'a key moved left of the keys either side of it',
    yaml: edit('      customers: 120', '    customers: 120'),
    expected: ['bad.yaml:9:16 not valid YAML: Nested mappings are not allowed in compact mappings (line 10 is indented 6 spaces, more than line 9 above it (4); or line 9, in the column of the section on line 7 above it, belongs with lines 8 and 10 either side of it (6): start it in column 7; the keys of one mapping start in the same column); 1 more YAML error, likely caused by this one: fix it first'],
  },
  {
    // The line above (11) is nested in expansion: (line 9), in the column of customers: (12): line 12
    // is in step, and renewalRate: two spaces too deep; line 12 alone was blamed.
    name: 'a key two spaces too deep after a nested section, under a key in step',
    yaml: edit('      customers: 120\n      renewalRate:', '      expansion:\n        probability: 0.1\n        size: 0.2\n      customers: 120\n        renewalRate:'),
    expected: ['bad.yaml:12:18 not valid YAML: Nested mappings are not allowed in compact mappings (line 13 is indented 8 spaces, more than line 12 above it (6); or line 12, in the column of the section on line 9 above it, belongs with lines 11 and 13 either side of it (8): start it in column 9; the keys of one mapping start in the same column); 1 more YAML error, likely caused by this one: fix it first'],
  },
  {
    name: 'a key with its value two spaces too deep after a nested section, under a key in step',
    yaml: edit('      customers: 120\n      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', '      expansion:\n        probability: 0.1\n        size: 0.2\n      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }\n        customers: 120'),
    expected: ['bad.yaml:13:1 not valid YAML: All mapping items must start at the same column (the key on line 13 starts in column 9, and the key on line 12 above it in column 7; or line 12, in the column of the section on line 9 above it, belongs with lines 11 and 13 either side of it: start it in column 9; the keys of one mapping start in the same column)'],
  },
  {
    name: "a section's first key moved left under the section's name",
    yaml: edit('      leadsPerMonth:', '    leadsPerMonth:'),
    expected: ['bad.yaml:12:5 not valid YAML: All mapping items must start at the same column (the key on line 12 starts in column 5, under the section on line 11, which holds nothing on its line, and the keys after it, from line 13, in column 7: line 12 is likely the one out of step, start it in column 7; the keys of one mapping start in the same column); 1 more YAML error, likely caused by this one: fix it first'],
  },
  {
    name: "a section's first key with its value moved left under the section's name",
    yaml: edit('      openingArr:', '    openingArr:'),
    expected: ['bad.yaml:8:17 not valid YAML: Nested mappings are not allowed in compact mappings (line 8 is indented 4 spaces, as the section on line 7 above it, which holds nothing on its line, and the keys after it, from line 9, 6 spaces: line 8 is likely the one out of step, start it in column 7; the keys of one mapping start in the same column); 3 more YAML errors, likely caused by this one: fix it first'],
  },
  {
    // Was "unknown key "acv"; the keys here are: name, existing, newBusiness, ...".
    name: "a section's last key moved left, beside the section: named as the section's",
    yaml: edit('      acv: { dist', '    acv: { dist'),
    expected: ['bad.yaml:12:7 tiers[0].newBusiness.acv: is required', 'bad.yaml:14:5 tiers[0]: unknown key "acv": it is a key of newBusiness, written beside it; indent it under newBusiness'],
  },
  {
    name: 'broken YAML syntax',
    yaml: edit('currency: EUR', 'currency: [EUR'),
    expected: ['bad.yaml:3:1 not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  },
];

describe('bad scenarios get every problem at once, each with its line, column and path', () => {
  it.each(cases)('$name', ({ yaml, expected }) => {
    let caught: unknown;
    try {
      parseScenario(yaml, 'bad.yaml');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).message.split('\n')).toEqual(expected);
  });

  it('keeps tiers whose names print differently apart, though NFKC folds them (circled, superscript, roman digits)', () => {
    const tier = (name: string) => `  - name: "${name}"\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n`;
    const yaml = `name: apart\ntiers:\n${['Region \u2460', 'Region 1', 'Tier\u00b2', 'Tier2', 'Plan \u2161', 'Plan II'].map(tier).join('')}`;
    expect(parseScenario(yaml, 'ok.yaml').scenario.tiers.map((t) => t.name)).toEqual(['Region \u2460', 'Region 1', 'Tier\u00b2', 'Tier2', 'Plan \u2161', 'Plan II']);
  });

  it('reports several independent problems together, in file order', () => {
    const yaml = edit('customers: 120', 'customers: -4').replace('conversion: 0.05', 'conversion: 2');
    const err = (() => {
      try {
        parseScenario(yaml, 'bad.yaml');
      } catch (e) {
        return e as ScenarioError;
      }
      throw new Error('expected an error');
    })();
    expect(err.issues.map((i) => [i.line, i.column, i.path.join('.')])).toEqual([
      [9, 18, 'tiers.0.existing.customers'],
      [13, 19, 'tiers.0.newBusiness.conversion'],
    ]);
  });

  it('reports cross-field problems even when another field has a type error', () => {
    const yaml = `${edit('customers: 120', 'customers: 0').replace('openingArr: 1200000', 'openingArr: 1200000\n      priceUplift: many')}  - name: smb\n    newBusiness:\n      leadsPerMonth: 5\n      conversion: 0.1\n      acv: 1000\n`;
    let caught: ScenarioError | undefined;
    try {
      parseScenario(yaml, 'bad.yaml');
    } catch (err) {
      caught = err as ScenarioError;
    }
    expect(caught?.message.split('\n')).toEqual([
      'bad.yaml:9:20 tiers[0].existing.priceUplift: "many" is not a number: write e.g. 0.85, 85%, 110k, 110,000, 1.5M or 2B',
      'bad.yaml:10:18 tiers[0].existing.customers: an opening ARR above 0 needs at least one customer',
      'bad.yaml:16:11 tiers[1].name: tier name "smb" is used twice (also tiers[0])',
    ]);
  });

  it('refuses a YAML alias bomb quickly instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${new Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    // The 8th level is the first alias past the limit: 1,111,111 values behind it on top of the 7 before.
    expect(() => parseScenario(bomb.join('\n'), 'bomb.yaml')).toThrow(
      'bomb.yaml:6:11 aliases (*name) expand this file to more than 250,000 values (this one stands for 111,111); write the values out, or alias less',
    );
  });

  it('lists the first 100 problems and counts the rest (all are kept in issues)', () => {
    const values = new Array(250).fill('"x"').join(', ');
    const yaml = edit('acv: { dist: lognormal, mean: 12000, sd: 4000 }', `acv: { dist: empirical, values: [${values}] }`);
    let caught: ScenarioError | undefined;
    try {
      parseScenario(yaml, 'bad.yaml');
    } catch (err) {
      caught = err as ScenarioError;
    }
    expect(caught?.issues).toHaveLength(250);
    const lines = caught!.message.split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe('bad.yaml:14:40 tiers[0].newBusiness.acv.values[0]: "x" is not a number: write e.g. 110000, 110,000, 110k, 1.5M or 2B');
    expect(lines[100]).toBe('bad.yaml: and 150 more problems (the first 100 are shown)');
  });
});
