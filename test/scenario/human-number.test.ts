import { describe, expect, it } from 'vitest';
import { humanNumberPattern, readHumanNumber } from '../../src/scenario/human-number.js';
import { parseAmount, parseShare, parseTarget, wholeNumber } from '../../src/cli/parse-options.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { fixtureText } from '../helpers/fixtures.js';
import { editMinimal, scenarioProblems } from '../helpers/scenario-problems.js';

const NOT_A_NUMBER = 'is not a number: write e.g. 0.85, 85%, 110k, 110,000, 1.5M or 2B';
/** The same, where an amount goes (no %: a share is not an amount). */
const NOT_AN_AMOUNT = 'is not a number: write e.g. 110000, 110,000, 110k, 1.5M or 2B';
const MULTIPLIERS = '(k = thousand, M = million, B = billion)';
const DECIMAL_POINT = '(the decimal point is "."; thousands are written 1,200,000 or 1200000)';
const DECIMAL_COMMA = '(the decimal point is ".", not ",")';
const COMMA_IN_BRACES =
  '(did you mean a decimal point? Inside { } a comma separates entries, so a number written with a decimal comma is read as two: the digits before the comma as the value, those after it as a key: write the number with a point)';
const BETA_KEYS = 'the keys here are: dist, alpha, beta, mean, sd';
const LOGNORMAL_KEYS = 'the keys here are: dist, mu, sigma, median, p10, p90, mean, sd';

/** Text and the number it means: one set of rules for scenario files and the command line. */
const numbers: Array<[string, number]> = [
  ['110000', 110000],
  ['0.85', 0.85],
  ['.5', 0.5],
  ['-0.2', -0.2],
  ['+3', 3],
  ['1.2e6', 1.2e6],
  ['85%', 0.85],
  ['2.5%', 0.025],
  ['0.1%', 0.001],
  ['-20%', -0.2],
  ['100 %', 1],
  ['110k', 110000],
  ['110K', 110000],
  ['1.5M', 1500000],
  ['52m', 52e6],
  ['2B', 2e9],
  ['1.2b', 1.2e9],
  ['1.5T', 1.5e12],
  ['2t', 2e12],
  ['110,000', 110000],
  ['1,500,000.50', 1500000.5],
  ['1_500_000', 1500000],
  ['1,500k', 1.5e6],
  ['  7 ', 7],
];

/** Text that is not a number, and why. */
const refused: Array<[string, string]> = [
  ['lots', `"lots" ${NOT_A_NUMBER}`],
  ['', `"" ${NOT_A_NUMBER}`],
  // A decimal comma, as a spreadsheet in a European locale writes it: refused, with the number meant.
  ['1,5', `"1,5" is not a number: did you mean 1.5? ${DECIMAL_COMMA}`],
  ['0,86', `"0,86" is not a number: did you mean 0.86? ${DECIMAL_COMMA}`],
  ['-0,2', `"-0,2" is not a number: did you mean -0.2? ${DECIMAL_COMMA}`],
  ['2,4M', `"2,4M" is not a number: did you mean 2.4M? ${DECIMAL_COMMA}`],
  ['86,5%', `"86,5%" is not a number: did you mean 86.5%? ${DECIMAL_COMMA}`],
  ['12,5 %', `"12,5 %" is not a number: did you mean 12.5%? ${DECIMAL_COMMA}`],
  ['1,2k', `"1,2k" is not a number: did you mean 1.2k? ${DECIMAL_COMMA}`],
  ['1234,5678', `"1234,5678" is not a number: did you mean 1234.5678? ${DECIMAL_COMMA}`],
  // Not a thousands separator after a leading 0 (no group of thousands is 0).
  ['0,125', `"0,125" is not a number: did you mean 0.125? ${DECIMAL_COMMA}`],
  ['-0,125', `"-0,125" is not a number: did you mean -0.125? ${DECIMAL_COMMA}`],
  // Three digits after the comma may be a thousands separator, misplaced: no one reading.
  ['1234,567', `"1234,567" ${NOT_A_NUMBER}`],
  ['0,86,5', `"0,86,5" ${NOT_A_NUMBER}`],
  ['1,50,000', `"1,50,000" ${NOT_A_NUMBER}`],
  ['1,000_000', `"1,000_000" ${NOT_A_NUMBER}`],
  // What a planner most likely meant, where one reading is likely.
  ['5MM', `"5MM" is not a number: did you mean 5M? ${MULTIPLIERS}`],
  ['1.2mm', `"1.2mm" is not a number: did you mean 1.2M? ${MULTIPLIERS}`],
  ['1.2 million', `"1.2 million" is not a number: did you mean 1.2M? ${MULTIPLIERS}`],
  ['3mn', `"3mn" is not a number: did you mean 3M? ${MULTIPLIERS}`],
  ['1,500MM', `"1,500MM" is not a number: did you mean 1,500M? ${MULTIPLIERS}`],
  ['2bn', `"2bn" is not a number: did you mean 2B? ${MULTIPLIERS}`],
  ['1.5 Billion', `"1.5 Billion" is not a number: did you mean 1.5B? ${MULTIPLIERS}`],
  ['40 thousand', `"40 thousand" is not a number: did you mean 40k? ${MULTIPLIERS}`],
  ['1.200.000', `"1.200.000" is not a number: did you mean 1200000? ${DECIMAL_POINT}`],
  ['1.200,50', `"1.200,50" is not a number: did you mean 1200.50? ${DECIMAL_POINT}`],
  ['-1.200.000,5', `"-1.200.000,5" is not a number: did you mean -1200000.5? ${DECIMAL_POINT}`],
  ['1 200 000', `"1 200 000" is not a number: did you mean 1200000? (thousands are written 1,200,000 or 1200000, without spaces)`],
  // No one reading is likely: the rules.
  ['5 lakh', `"5 lakh" ${NOT_A_NUMBER}`],
  ['1..2M', `"1..2M" ${NOT_A_NUMBER}`],
  ['1.20.000', `"1.20.000" ${NOT_A_NUMBER}`],
  ['1e3k', `"1e3k" ${NOT_A_NUMBER}`],
  ['85%%', `"85%%" ${NOT_A_NUMBER}`],
  ['k', `"k" ${NOT_A_NUMBER}`],
  ['$110k', `"$110k" has a currency sign: write 110k (amounts are in the scenario's currency)`],
  ['€1.5M', `"€1.5M" has a currency sign: write 1.5M (amounts are in the scenario's currency)`],
  ['110k$', `"110k$" has a currency sign: write 110k (amounts are in the scenario's currency)`],
  // A point before three digits after a currency sign may be a thousands separator: both readings, no single advice.
  ['€12.000', `"€12.000" has a currency sign: write 12000 (the point a thousands separator) or 12 (a decimal point), whichever it is (amounts are in the scenario's currency)`],
  ['-$1.500', `"-$1.500" has a currency sign: write -1500 (the point a thousands separator) or -1.5 (a decimal point), whichever it is (amounts are in the scenario's currency)`],
  ['£1.25', `"£1.25" has a currency sign: write 1.25 (amounts are in the scenario's currency)`],
  // A currency's code beside the amount, as a finance sheet writes it: it was "is not a number" with the rules alone.
  ['5M USD', `"5M USD" has a currency code: write 5M (amounts are in the scenario's currency, its currency field)`],
  ['EUR 1.2M', `"EUR 1.2M" has a currency code: write 1.2M (amounts are in the scenario's currency, its currency field)`],
  // Any code by the scenario's currency rule (three capitals, as the CSV readers take one), not a list of 19.
  ['KES 5M', `"KES 5M" has a currency code: write 5M (amounts are in the scenario's currency, its currency field)`],
  // Lower case is a word, not a code (`1.5 mln`), as in the CSV readers.
  ['110k gbp', `"110k gbp" ${NOT_A_NUMBER}`],
  ['1e400', `"1e400" is too large a number`],
];

describe('a long text is read in time linear in its length', () => {
  // The currency-code pattern `^(.+?)\\s*CODE\\s*$` tried every split: 40,000 spaces took 6.7 s, so
  // 200,000 would take minutes, past vitest's timeout; read by slicing, each is milliseconds.
  it.each([
    ['spaces then a letter', '1' + ' '.repeat(200_000) + 'x', `is not a number`],
    ['spaces then a code', '1' + ' '.repeat(200_000) + 'USD', `has a currency code: write 1 `],
    ['codes on codes', 'USD'.repeat(70_000) + '5', `is not a number`],
  ])('%s', (_, text, said) => {
    const r = readHumanNumber(text, 'amount');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(said);
    // Quoted cut at 60 characters (and `…`), not echoed whole: a message, not the 200,000 characters again.
    expect(!r.ok && r.message.startsWith(`${JSON.stringify(text.slice(0, 60)).slice(0, -1)}…"`)).toBe(true);
    expect(!r.ok && r.message.length).toBeLessThan(300);
  });
});

describe('numbers as people write them', () => {
  it.each(numbers)('%s is %d, in scenarios and the JSON Schema', (text, value) => {
    expect(readHumanNumber(text)).toEqual({ ok: true, value });
    expect(new RegExp(humanNumberPattern()).test(text)).toBe(true);
  });

  it.each(refused)('%s is refused', (text, message) => {
    expect(readHumanNumber(text)).toMatchObject({ ok: false, message });
    if (!text.startsWith('1e4')) expect(new RegExp(humanNumberPattern()).test(text)).toBe(false);
  });

  it('the command line reads amounts and shares by the same rules', () => {
    for (const [text, value] of numbers.filter(([t, v]) => v >= 0 && !t.includes('%'))) expect(parseAmount(text)).toBe(value);
    // An amount refuses % and is 0 or more: a decimal-comma percentage (86,5%) is not answered "86.5%?",
    // nor -0,2 "-0.2?", which it refuses next.
    for (const [text, message] of refused) expect(() => parseAmount(text)).toThrow(/%\? |did you mean -/.test(message) ? `"${text}" ${NOT_AN_AMOUNT}` : message.replace(NOT_A_NUMBER, NOT_AN_AMOUNT));
    expect(() => parseAmount('-5M')).toThrow('"-5M" is below 0; an amount is 0 or more (e.g. 120M)');
    // As a scenario's target value: at most 1e15 (--target revenue=1e300 was taken, and printed a gap of 9.99999999999998e+290B).
    expect(parseAmount('1e15')).toBe(1e15);
    for (const text of ['1e16', '1e300', '1,000,001B']) expect(() => parseAmount(text)).toThrow(`"${text}" is above 1e15, the largest amount a scenario takes`);
    expect(parseShare('confidence')('80%')).toBe(0.8);
    expect(parseShare('confidence')('0.8')).toBe(0.8);
    expect(() => parseShare('confidence')('80')).toThrow('confidence must be between 0 and 1 (or 0% and 100%), got "80"; did you mean 80%?');
    expect(() => parseShare('confidence')('1.5')).toThrow(/got "1\.5"; did you mean 1\.5%\?$/);
    expect(() => parseShare('confidence')('150')).toThrow(/got "150"$/);
    // --confidence 0,8 from a European keyboard: the number meant, as in scenario files.
    expect(() => parseShare('confidence')('0,8')).toThrow(`confidence must be between 0 and 1 (or 0% and 100%), got "0,8"; did you mean 0.8? ${DECIMAL_COMMA}`);
    expect(() => parseShare('confidence')('80,5%')).toThrow(`got "80,5%"; did you mean 80.5%? ${DECIMAL_COMMA}`);
    // A share with its % already gets no "did you mean" (150% was answered "did you mean 150%%?").
    for (const text of ['150%', '150 %', '2500%'])
      expect(() => parseShare('precision')(text)).toThrow(new RegExp(`^precision must be between 0 and 1 \\(or 0% and 100%\\), got "${text.replace('.', '\\.')}"$`));
    expect(['20000', '20_000', '20,000', '20k', '2e4'].map(wholeNumber('trials', 1))).toEqual([20000, 20000, 20000, 20000, 20000]);
    for (const text of ['0', '1.5', '2_0', '-3', 'many', '1.5%'])
      expect(() => wholeNumber('trials', 1)(text)).toThrow(`trials must be a whole number >= 1, got "${text}"`);
  });
});

describe('a percentage only where a share goes', () => {
  const AMOUNT = "is a percentage, but this is an amount in the scenario's currency, not a share: write the amount itself (e.g. 110M)";
  const WHOLE = 'is a percentage, but this is a whole number (a count, a month or a year), not a share: write the number itself, without %';

  it('an amount or a whole number refuses %, in words; every other suffix still reads', () => {
    for (const text of ['110%', '85 %', '0.5%', '-3%', '2000%']) {
      expect(readHumanNumber(text, 'amount')).toEqual({ ok: false, message: `${JSON.stringify(text)} ${AMOUNT}` });
      expect(readHumanNumber(text, 'whole')).toEqual({ ok: false, message: `${JSON.stringify(text)} ${WHOLE}` });
      expect(readHumanNumber(text, 'any').ok).toBe(true);
      expect(new RegExp(humanNumberPattern('amount')).test(text)).toBe(false);
      expect(new RegExp(humanNumberPattern('whole')).test(text)).toBe(false);
      expect(new RegExp(humanNumberPattern('any')).test(text)).toBe(true);
    }
    for (const [text, value] of numbers.filter(([t]) => !t.includes('%'))) {
      expect(readHumanNumber(text, 'amount')).toEqual({ ok: true, value });
      expect(readHumanNumber(text, 'whole')).toEqual({ ok: true, value });
    }
  });

  it('--target revenue=110% is refused, not a target of 1.1 met in every trial', () => {
    expect(() => parseTarget('revenue=110%')).toThrow(`"110%" ${AMOUNT}`);
    expect(() => parseTarget('SMB:endingArr=95%')).toThrow(`"95%" ${AMOUNT}`);
    expect(parseTarget('revenue=110M')).toEqual([{ metric: 'revenue', value: 110e6 }]);
  });

  it('a scenario refuses % on an amount, a count, a month and a year, at the value; rates keep it', () => {
    const text = fixtureText('minimal.yaml')
      .replace('trials: 2000', 'trials: 2000%\nfiscalYearStartMonth: 200%\nfiscalYear: 202700%')
      .replace('openingArr: 1200000', 'openingArr: 50%')
      .replace('customers: 120', 'customers: 150%')
      .replace('conversion: 0.05', 'conversion: 5%\n      reps: { start: 200%, capacity: 3 }')
      .concat('targets:\n  metrics:\n    - { metric: revenue, value: 110% }\n');
    let message = '';
    try {
      parseScenario(text, 'pct.yaml');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n')).toEqual([
      `pct.yaml:3:9 trials: "2000%" ${WHOLE}`,
      `pct.yaml:4:23 fiscalYearStartMonth: "200%" ${WHOLE}`,
      `pct.yaml:5:13 fiscalYear: "202700%" ${WHOLE}`,
      `pct.yaml:10:19 tiers[0].existing.openingArr: "50%" ${AMOUNT}`,
      `pct.yaml:11:18 tiers[0].existing.customers: "150%" ${WHOLE}`,
      `pct.yaml:16:22 tiers[0].newBusiness.reps.start: "200%" ${WHOLE}`,
      `pct.yaml:20:33 targets.metrics[0].value: "110%" ${AMOUNT}`,
    ]);
  });

  it('a monthly plan refuses % (amounts), rep hires too (counts); a seasonality keeps it (weights)', () => {
    const twelve = (x: string) => `[${Array.from({ length: 12 }, () => x).join(', ')}]`;
    const text = fixtureText('minimal.yaml')
      .replace('conversion: 0.05', `conversion: 0.05\n      seasonality: ${twelve('100%')}\n      reps: { start: 2, capacity: 3, hires: ${twelve('100%')} }`)
      .concat(`targets:\n  monthly:\n    mrr: ${twelve('8%')}\n`);
    let message = '';
    try {
      parseScenario(text, 'm.yaml');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n')).toEqual([
      `m.yaml:15:46 tiers[0].newBusiness.reps.hires[0]: "100%" ${WHOLE}`,
      ...Array.from({ length: 11 }, (_, i) => `m.yaml:15:${52 + 6 * i} tiers[0].newBusiness.reps.hires[${i + 1}]: "100%" ${WHOLE}`),
      `m.yaml:19:11 targets.monthly.mrr[0]: "8%" ${AMOUNT}`,
      ...Array.from({ length: 11 }, (_, i) => `m.yaml:19:${15 + 4 * i} targets.monthly.mrr[${i + 1}]: "8%" ${AMOUNT}`),
    ]);
  });

  it('a distribution refuses % in its values where the field holds no share: amounts, counts, months', () => {
    const COUNT = 'is a percentage, but this is a number of things (leads, deals, customers), not a share: write the number itself, without %';
    // Each case is one edit of the minimal scenario: the value written with %, where its message
    // must point, and the kind the field holds. Before, each was read as a fraction: an ACV of 0.5,
    // 1.5 leads a month, a sales cycle of 6 months from "600%".
    const cases: Array<[from: string, to: string, path: string, kind: string]> = [
      ['acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: 50%', 'tiers[0].newBusiness.acv', AMOUNT],
      ['acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: { dist: lognormal, median: 20%, p90: 30k }', 'tiers[0].newBusiness.acv.median', AMOUNT],
      ['acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: { dist: lognormal, median: { dist: pert, min: 9%, mode: 10k, max: 12k }, p90: 30k }', 'tiers[0].newBusiness.acv.median.min', AMOUNT],
      ['acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: { dist: discrete, values: [10k, 300%], weights: [50%, 50%] }', 'tiers[0].newBusiness.acv.values[1]', AMOUNT],
      ['leadsPerMonth: { dist: poisson, mean: 100 }', 'leadsPerMonth: 150%', 'tiers[0].newBusiness.leadsPerMonth', COUNT],
      ['leadsPerMonth: { dist: poisson, mean: 100 }', 'leadsPerMonth: { dist: poisson, mean: 150% }', 'tiers[0].newBusiness.leadsPerMonth.mean', COUNT],
      ['leadsPerMonth: { dist: poisson, mean: 100 }', 'leadsPerMonth: { dist: negativeBinomial, mean: { dist: lognormal, p10: 80%, p90: 120 }, dispersion: 20 }', 'tiers[0].newBusiness.leadsPerMonth.mean.p10', COUNT],
      ['conversion: 0.05', 'conversion: 0.05\n      salesCycleMonths: 600%', 'tiers[0].newBusiness.salesCycleMonths', WHOLE],
      ['conversion: 0.05', 'conversion: 0.05\n      serviceStartLagMonths: { dist: discrete, values: [1, 200%], weights: [1, 1] }', 'tiers[0].newBusiness.serviceStartLagMonths.values[1]', WHOLE],
      ['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, capacity: 150% }', 'tiers[0].newBusiness.reps.capacity', COUNT],
      ['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, capacity: 3, sourcedDealsPerMonth: { dist: lognormal, median: 50%, p90: 2 } }', 'tiers[0].newBusiness.reps.sourcedDealsPerMonth.median', COUNT],
      ['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, capacity: 3, hireSlip: { probability: 20%, months: { dist: fixed, value: 200% } } }', 'tiers[0].newBusiness.reps.hireSlip.months.value', WHOLE],
      ['conversion: 0.05', 'conversion: 0.05\n      openingPipeline: { groups: [{ count: 10, winProbability: 30%, closeMonth: 2, amount: 40% }] }', 'tiers[0].newBusiness.openingPipeline.groups[0].amount', AMOUNT],
      ['    newBusiness:', '    newCustomerExpansion: { probability: 10%, size: 5%, monthsAfterClose: 6 }\n    newBusiness:', 'tiers[0].newCustomerExpansion.size', AMOUNT],
      ['    newBusiness:', '    newCustomerExpansion: { probability: 10%, size: 5k, monthsAfterClose: 600% }\n    newBusiness:', 'tiers[0].newCustomerExpansion.monthsAfterClose', WHOLE],
    ];
    for (const [from, to, path, kind] of cases) {
      if (!base.includes(from)) throw new Error(`fixture has no ${from}`);
      const lines = problems(base.replace(from, to));
      const value = /"[^"]*%"/.exec(lines.join('\n'))?.[0];
      expect(lines, to).toEqual([expect.stringMatching(new RegExp(`^bad\\.yaml:\\d+:\\d+ ${path.replace(/[[\].]/g, '\\$&')}: "[^"]*%" `))]);
      expect(lines[0]!.endsWith(`${value} ${kind}`), to).toBe(true);
    }
  });

  it('a market factor (standard deviations) and a renewal adjustment (log-odds) refuse %: neither is a share', () => {
    const UNITS = 'is a percentage, but this is a number in its own units (standard deviations, log-odds), not a share: write the number itself, without %';
    const lines = problems(
      base
        .replace('seed: 3', 'seed: 3\nmarket: { factor: -50% }')
        .replace('renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }\n      renewalAdjustments: { firstRenewal: -60% }'),
    );
    // (renewalAdjustments also need a customersFile: that problem is reported beside, not checked here.)
    expect(lines.filter((l) => l.includes('%"'))).toEqual([
      expect.stringMatching(new RegExp(`^bad\\.yaml:\\d+:\\d+ market\\.factor: "-50%" ${UNITS.replace(/[()]/g, '\\$&')}$`)),
      expect.stringMatching(new RegExp(`^bad\\.yaml:\\d+:\\d+ tiers\\[0\\]\\.existing\\.renewalAdjustments\\.firstRenewal: "-60%" ${UNITS.replace(/[()]/g, '\\$&')}$`)),
    ]);
    expect(problems(base.replace('seed: 3', 'seed: 3\nmarket: { factor: -0.5, loadings: { renewal: 0.3 } }'))).toEqual([]);
  });

  it('shares, rates and weights in distributions keep %: the same scenario as with fractions', () => {
    const withPercent = parseScenario(
      base
        .replace('renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: { dist: beta, mean: 90%, sd: 2% }\n      expansion: { probability: 10%, size: { dist: lognormal, median: 25%, p90: 60% } }')
        .replace('conversion: 0.05', 'conversion: { dist: pert, min: 4%, mode: 5%, max: 7% }\n      salesCycleMonths: { dist: discrete, values: [1, 2], weights: [25%, 75%] }'),
      'pct.yaml',
    );
    const withFractions = parseScenario(
      base
        .replace('renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }\n      expansion: { probability: 0.1, size: { dist: lognormal, median: 0.25, p90: 0.6 } }')
        .replace('conversion: 0.05', 'conversion: { dist: pert, min: 0.04, mode: 0.05, max: 0.07 }\n      salesCycleMonths: { dist: discrete, values: [1, 2], weights: [0.25, 0.75] }'),
      'pct.yaml',
    );
    expect(withPercent.scenario).toEqual(withFractions.scenario);
    expect(withPercent.scenario.tiers[0]!.existing!.expansion!.size).toEqual({ dist: 'lognormal', median: 0.25, p90: 0.6 });
  });

  it('the JSON Schema offers % only where the scenario takes it', async () => {
    const { scenarioJsonSchema } = await import('../../src/scenario/json-schema.js');
    const schema = JSON.stringify(scenarioJsonSchema());
    expect(schema).toContain(JSON.stringify(humanNumberPattern('whole')));
    expect(schema).toContain(JSON.stringify(humanNumberPattern('amount')));
    expect(schema).toContain(JSON.stringify(humanNumberPattern('count')));
    expect(schema).toContain(JSON.stringify(humanNumberPattern('any')));
  });
});

const base = fixtureText('minimal.yaml');
const edit = editMinimal;
const problems = scenarioProblems;
const RENEWAL = '{ dist: beta, mean: 0.9, sd: 0.02 }';
const ACV = '{ dist: lognormal, mean: 12000, sd: 4000 }';

describe('scenario numbers with suffixes mean what the plain numbers mean', () => {
  it('85%, 1.2M, 12k, 2,000 and 100 in a file give the same scenario, and hash, as the plain numbers', () => {
    const plain = parseScenario(base, 'plain.yaml');
    const human = parseScenario(
      edit(
        ['trials: 2000', 'trials: 2,000'],
        ['openingArr: 1200000', 'openingArr: 1.2M'],
        [RENEWAL, '{ dist: beta, mean: 90%, sd: 2% }'],
        ['mean: 100 }', 'mean: "100" }'],
        ['conversion: 0.05', 'conversion: 5%'],
        [ACV, '{ dist: lognormal, mean: 12k, sd: 4k }'],
      ),
      'human.yaml',
    );
    expect(human.scenario).toEqual(plain.scenario);
    expect(human.hash).toBe(plain.hash);
  });

  it('suffixes reach nested and listed numbers too (stress, seasonality, terms, reps)', () => {
    const { scenario } = parseScenario(
      edit([
        ACV,
        `${ACV}
      seasonality: [90%, 90%, 100%, 100%, 100%, 100%, 100%, 100%, 100%, 110%, 110%, 100%]
      terms: [{ months: 12, share: 60% }, { months: 36, share: 40%, escalator: 5% }]
      reps: { start: 10, ramp: [0%, 50%], capacity: 4 }
    stress: { leads: -20%, renewal: -5% }`,
      ]),
      'x.yaml',
    );
    const tier = scenario.tiers[0]!;
    expect(tier.newBusiness?.seasonality?.[9]).toBe(1.1);
    expect(tier.newBusiness?.terms).toEqual([
      { months: 12, share: 0.6, escalator: 0 },
      { months: 36, share: 0.4, escalator: 0.05 },
    ]);
    expect(tier.newBusiness?.reps?.ramp).toEqual([0, 0.5]);
    expect(tier.stress).toEqual({ leads: -0.2, renewal: -0.05 });
  });
});

/** Bad numbers and the exact message each gives, at the value's line and column. */
const badNumbers: Array<{ name: string; yaml: string; expected: string[] }> = [
  {
    name: 'numbers with a decimal comma, from a European spreadsheet: each at its line, with the number meant',
    yaml: edit(['openingArr: 1200000', 'openingArr: 1,2M'], ['customers: 120', 'customers: 0,12k'], ['conversion: 0.05', 'conversion: 0,05']),
    expected: [
      `bad.yaml:8:19 tiers[0].existing.openingArr: "1,2M" is not a number: did you mean 1.2M? ${DECIMAL_COMMA}`,
      `bad.yaml:9:18 tiers[0].existing.customers: "0,12k" is not a number: did you mean 0.12k? ${DECIMAL_COMMA}`,
      `bad.yaml:13:19 tiers[0].newBusiness.conversion: "0,05" is not a number: did you mean 0.05? ${DECIMAL_COMMA}`,
    ],
  },
  {
    // Inside { } the comma ends the number: sd 0 and a key "02" (YAML reads it as 2), mean 12 and a key "5k".
    name: 'a decimal comma inside { }, which YAML reads as two entries',
    yaml: edit(['mean: 0.9, sd: 0.02', 'mean: 0.9, sd: 0,02'], ['mean: 12000, sd: 4000', 'mean: 12,5k, sd: 4k']),
    expected: [
      `bad.yaml:10:49 tiers[0].existing.renewalRate.sd: must be greater than 0, got 0`,
      `bad.yaml:10:49 tiers[0].existing.renewalRate.sd: beta with mean 0.9 and sd 0 has alpha and beta above 1e15: the sd is too small to matter; write the rate as a number (0.9) instead`,
      `bad.yaml:10:51 tiers[0].existing.renewalRate: unknown key "2"; ${BETA_KEYS} ${COMMA_IN_BRACES}`,
      `bad.yaml:14:40 tiers[0].newBusiness.acv: unknown key "5k"; ${LOGNORMAL_KEYS} ${COMMA_IN_BRACES}`,
    ],
  },
  {
    // In a record (quantiles by percentile, win probabilities by stage) the key the comma leaves is a
    // key the record refuses, or takes with no value: the same note.
    name: 'a decimal comma inside { } of a record',
    yaml: edit(
      [RENEWAL, '{ dist: quantiles, quantiles: { p10: 0,88, p50: 0.9, p90: 0.95 } }'],
      ['      conversion: 0.05', '      conversion: 0.05\n      openingPipeline:\n        file: p.csv\n        stages: { discovery: 0,1, commit: 0.75 }'],
    ),
    expected: [
      `bad.yaml:10:59 tiers[0].existing.renewalRate.quantiles["88"]: this key is not taken here ${COMMA_IN_BRACES}`,
      `bad.yaml:16:32 tiers[0].newBusiness.openingPipeline.stages["1"]: expected number, got null ${COMMA_IN_BRACES}`,
    ],
  },
  {
    // No braces, so no comma split the number: a key written as a key, without the note.
    name: 'a numeric key in a block mapping, or a stage written with no value, is not a decimal comma',
    yaml: edit(
      ['      conversion: 0.05', '      conversion: 0.05\n      2027: 5\n      openingPipeline:\n        file: p.csv\n        stages:\n          discovery: 0.1\n          1:'],
    ),
    expected: [
      `bad.yaml:14:7 tiers[0].newBusiness: unknown key "2027"; the keys here are: leadsPerMonth, seasonality, conversion, leadSources, earlierLeads, openingPipeline, reps, salesCycleMonths, acv, terms, serviceStartLagMonths`,
      `bad.yaml:19:13 tiers[0].newBusiness.openingPipeline.stages["1"]: expected number, got null`,
    ],
  },
  {
    name: 'a conversion rate written as a percent',
    yaml: edit(['conversion: 0.05', 'conversion: 25']),
    expected: ['bad.yaml:13:19 tiers[0].newBusiness.conversion: a rate must be within [0, 1]; did you mean 0.25 (or 25%)?'],
  },
  {
    name: 'a fixed renewal rate written as a percent',
    yaml: edit([RENEWAL, '{ dist: fixed, value: 92 }']),
    expected: ['bad.yaml:10:20 tiers[0].existing.renewalRate: a rate must be within [0, 1]; did you mean 0.92 (or 92%)?'],
  },
  {
    name: 'a beta mean written as a percent',
    yaml: edit([RENEWAL, '{ dist: beta, mean: 90, sd: 0.02 }']),
    expected: ['bad.yaml:10:40 tiers[0].existing.renewalRate.mean: must be strictly between 0 and 1; did you mean 0.9 (or 90%)?'],
  },
  {
    name: 'a rate far above 100 gets no guess',
    yaml: edit(['conversion: 0.05', 'conversion: 250']),
    expected: ['bad.yaml:13:19 tiers[0].newBusiness.conversion: a rate must be within [0, 1], got 250'],
  },
  {
    name: 'a share of ARR written as a percent',
    yaml: edit(['customers: 120', 'customers: 120\n      contraction: { probability: 0.1, size: 30 }']),
    expected: ['bad.yaml:10:46 tiers[0].existing.contraction.size: a share must be within [0, 1]; did you mean 0.3 (or 30%)?'],
  },
  {
    name: 'a price uplift written as a percent (300% is no uplift anyone means)',
    yaml: edit(['customers: 120', 'customers: 120\n      priceUplift: 3']),
    expected: ['bad.yaml:10:20 tiers[0].existing.priceUplift: a price uplift is a share of the renewed ARR (0.03 = 3%), and this one is above 1 (the price more than doubled); did you mean 0.03 (or 3%)?'],
  },
  {
    name: 'a price uplift distribution written in percents',
    yaml: edit(['customers: 120', 'customers: 120\n      priceUplift: { dist: pert, min: 2, mode: 3, max: 5 }']),
    expected: ['bad.yaml:10:20 tiers[0].existing.priceUplift: a price uplift is a share of the renewed ARR (0.03 = 3%), and every draw of this pert is above 1 (the price more than doubled); did you mean 0.03 (or 3%)?'],
  },
  {
    name: 'a renewal rate distribution written in percents: the fix is fractions, not a bound',
    yaml: edit([RENEWAL, '{ dist: pert, min: 80, mode: 88, max: 95 }']),
    expected: ['bad.yaml:10:20 tiers[0].existing.renewalRate: a rate must stay within [0, 1], but pert can draw above 1; its values look like percents (88 for 88%): write each as a fraction (0.88) or with % (88%)'],
  },
  {
    name: 'stated quantiles of a rate written in percents, bounded by 0 and 1 as the starter writes them',
    yaml: edit([RENEWAL, '{ dist: quantiles, quantiles: { p10: 80, p50: 85, p90: 89 }, lower: 0, upper: 1 }']),
    expected: [
      'bad.yaml:10:50 tiers[0].existing.renewalRate.quantiles: the value at P10 (80) is not below the upper bound (1): stated values must lie strictly inside the bounds; its values look like percents (80 for 80%): write each as a fraction (0.8) or with % (80%)',
    ],
  },
  {
    // A P90 past 1 above a P50 of 0.92 (the studio's renewal slider at its top with twice the spread
    // wrote this) is a fraction gone too far: "write 1.03 as 0.0103" would be wrong advice.
    name: 'stated quantiles of a rate in fractions whose P90 goes past 1: no percent hint',
    yaml: edit([RENEWAL, '{ dist: quantiles, quantiles: { p10: 0.84, p50: 0.92, p90: 1.03 }, lower: 0, upper: 1 }']),
    expected: ['bad.yaml:10:50 tiers[0].existing.renewalRate.quantiles: the value at P90 (1.03) is not below the upper bound (1): stated values must lie strictly inside the bounds'],
  },
  {
    name: 'a stress shift written in points',
    yaml: edit([ACV, `${ACV}\n    stress: { renewal: -5 }`]),
    expected: ['bad.yaml:15:24 tiers[0].stress.renewal: a shift of a rate must be between -1 and 1 (-0.05 = 5 points lower); did you mean -0.05 (or -5%)?'],
  },
  {
    name: 'a term share, an escalator and a ramp share written as percents',
    yaml: edit([
      'conversion: 0.05',
      'conversion: 0.05\n      terms: [{ months: 36, share: 1, escalator: 5 }, { months: 12, share: 50 }]\n      reps: { start: 2, ramp: [50], capacity: 3 }',
    ]),
    expected: [
      'bad.yaml:14:14 tiers[0].newBusiness.terms: term shares add up to 51.0000; they must add up to 1',
      'bad.yaml:14:50 tiers[0].newBusiness.terms[0].escalator: an escalator is in [0, 0.5]; did you mean 0.05 (or 5%)?',
      'bad.yaml:14:76 tiers[0].newBusiness.terms[1].share: a share is in [0, 1]; did you mean 0.5 (or 50%)?',
      'bad.yaml:15:32 tiers[0].newBusiness.reps.ramp[0]: a ramp share must be in [0, 1]; did you mean 0.5 (or 50%)?',
    ],
  },
  {
    name: 'rep attrition written as a percent',
    yaml: edit(['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, attrition: 2, capacity: 3 }']),
    // Attrition is a month's rate: 2 may be 2% a year, 1 - 0.98^(1/12) = 0.00168 a month, not 0.02 a month (22% a year).
    expected: ["bad.yaml:14:36 tiers[0].newBusiness.reps.attrition: a monthly rate must be within [0, 1]; did you mean 0.02 (or 2%)? It is a month's rate: if 2% is a year's, write 0.00168 (0.168%) a month"],
  },
  {
    // The starter says "about 17% a year": 0.17 a month, the fraction the hint offered alone, loses 89% of the reps in a year.
    name: "rep attrition written as a year's percent",
    yaml: edit(['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, attrition: 17, capacity: 3 }']),
    expected: ["bad.yaml:14:36 tiers[0].newBusiness.reps.attrition: a monthly rate must be within [0, 1]; did you mean 0.17 (or 17%)? It is a month's rate: if 17% is a year's, write 0.0154 (1.54%) a month"],
  },
  {
    // The starter writes attrition as a beta: its mean in percents is refused by the beta, at the mean;
    // the month's rate is said at the field (1 - 0.83^(1/12) = 0.0154).
    name: "rep attrition as a beta of a year's percents",
    yaml: edit(['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, attrition: { dist: beta, mean: 17, sd: 5 }, capacity: 3 }']),
    expected: [
      "bad.yaml:14:36 tiers[0].newBusiness.reps.attrition: its mean 17 looks like a percent. It is a month's rate: if 17% is a year's, write 0.0154 (1.54%) a month",
      'bad.yaml:14:56 tiers[0].newBusiness.reps.attrition.mean: must be strictly between 0 and 1; did you mean 0.17 (or 17%)?',
    ],
  },
  {
    name: "rep attrition as a PERT of a year's percents",
    yaml: edit(['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, attrition: { dist: pert, min: 10, mode: 17, max: 25 }, capacity: 3 }']),
    expected: [
      "bad.yaml:14:36 tiers[0].newBusiness.reps.attrition: a monthly rate must stay within [0, 1], but pert can draw above 1; its values look like percents (17 for 17%): write each as a fraction (0.17) or with % (17%). It is a month's rate: if 17% is a year's, write 0.0154 (1.54%) a month",
    ],
  },
  {
    // A beta's mean in percents elsewhere (a renewal rate) gets the fraction, no month's rate.
    name: 'a renewal rate as a beta of percents',
    yaml: edit(['renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: { dist: beta, mean: 90, sd: 2 }']),
    expected: ['bad.yaml:10:40 tiers[0].existing.renewalRate.mean: must be strictly between 0 and 1; did you mean 0.9 (or 90%)?'],
  },
  {
    name: 'words, a currency sign and a decimal comma',
    yaml: edit(['openingArr: 1200000', 'openingArr: $1.2M'], ['customers: 120', 'customers: many'], [ACV, '{ dist: lognormal, mean: "12,5k", sd: 4000 }']),
    expected: [
      `bad.yaml:8:19 tiers[0].existing.openingArr: "$1.2M" has a currency sign: write 1.2M (amounts are in the scenario's currency)`,
      `bad.yaml:9:18 tiers[0].existing.customers: "many" is not a number: write a whole number, e.g. 12, 2000, 1,500 or 20k`,
      `bad.yaml:14:37 tiers[0].newBusiness.acv.mean: "12,5k" is not a number: did you mean 12.5k? ${DECIMAL_COMMA}`,
    ],
  },
  {
    name: 'a month written by name',
    yaml: edit(['currency: EUR', 'currency: EUR\nfiscalYearStartMonth: Feb']),
    expected: ['bad.yaml:3:23 fiscalYearStartMonth: "Feb" is not a number: a month is written as its number (2 for February)'],
  },
  {
    name: 'monthly values written as a mapping by month name',
    yaml: edit(['conversion: 0.05', 'conversion: 0.05\n      seasonality: { Jan: 0.9, Feb: 0.9, Mar: 1.2 }'], ['customers: 120', 'customers: { 2027: 120 }']),
    expected: [
      "bad.yaml:9:18 tiers[0].existing.customers: expected number, got a mapping",
      "bad.yaml:14:20 tiers[0].newBusiness.seasonality: expected array, got a mapping by month name: write a list instead, one value per fiscal month, the fiscal year's first month first",
    ],
  },
  {
    name: 'a month written as a month of a year',
    yaml: edit(['currency: EUR', 'currency: EUR\nfiscalYearStartMonth: 2027-02']),
    expected: ['bad.yaml:3:23 fiscalYearStartMonth: "2027-02" is not a number: a month is written as its number (2 for February)'],
  },
  {
    // The month hint is for a calendar month's field only: openingArr: 2027-02 was told '2 for February',
    // 2027-13 got a whole number's examples (12, 2000, 1,500 or 20k), and a fiscal month depends on the year's start.
    name: 'a month of a year where an amount goes, a month of a year that is none, a fiscal month by name',
    yaml: edit(
      ['currency: EUR', 'currency: EUR\nfiscalYearStartMonth: 2027-13'],
      ['openingArr: 1200000', 'openingArr: 2027-02'],
      ['conversion: 0.05', 'conversion: 0.05\n      openingPipeline: { groups: [{ count: 3, winProbability: 0.5, closeMonth: Feb }] }'],
    ),
    expected: [
      `bad.yaml:3:23 fiscalYearStartMonth: "2027-13" is not a number: write the month's number, from 1 (January) to 12 (December)`,
      'bad.yaml:9:19 tiers[0].existing.openingArr: "2027-02" is not a number: write e.g. 110000, 110,000, 110k, 1.5M or 2B',
      `bad.yaml:15:80 tiers[0].newBusiness.openingPipeline.groups[0].closeMonth: "Feb" is not a number: write the fiscal month's number, from 1 (the fiscal year's first month) to 12`,
    ],
  },
  {
    name: 'a million written in finance shorthand, and a thousands dot',
    yaml: edit(['openingArr: 1200000', 'openingArr: 1.2MM'], [ACV, '{ dist: lognormal, mean: 12.000, sd: "4.000.000" }']),
    expected: [
      `bad.yaml:8:19 tiers[0].existing.openingArr: "1.2MM" is not a number: did you mean 1.2M? ${MULTIPLIERS}`,
      // Unquoted, YAML read 12.000 as 12 (money-point-unquoted.test.ts): refused with both readings, as quoted.
      'bad.yaml:14:37 tiers[0].newBusiness.acv.mean: "12.000" has a point that is a thousands separator or a decimal point: write 12000 (the point a thousands separator) or 12 (a decimal point), whichever it is',
      // 4000000 beside the mean of 12 (12.000) is a lognormal's sigma of 5.04, which acv refuses: no advice.
      `bad.yaml:14:49 tiers[0].newBusiness.acv.sd: "4.000.000" ${NOT_AN_AMOUNT}`,
    ],
  },
  {
    name: 'a suffix giving a fraction where a whole number goes',
    yaml: edit(['customers: 120', 'customers: 1.2345k']),
    expected: ['bad.yaml:9:18 tiers[0].existing.customers: must be a whole number, got "1.2345k" (1234.5)'],
  },
];

describe('bad numbers: the exact message, at the value', () => {
  it.each(badNumbers.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(problems(c.yaml)).toEqual(c.expected);
  });
});
