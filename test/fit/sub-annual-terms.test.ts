import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseRenewalOutcomes } from '../../src/fit/read-renewal-outcomes.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { column, meanAndSe, run } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import { betaMoment } from '../helpers/beta-moments.js';

/**
 * A book on terms shorter than a year (monthly-billed contracts renewing every month: the ARR due in
 * a year is 12 times the ARR live) renews each dollar 12 times a year at the rate renewed_arr /
 * due_arr measures. A book of aggregates renews each dollar once a year, so the scenario's rate must
 * be the year's, E[r^12]. Before, fit wrote the monthly 98% as the year's rate: a run of the fitted
 * file kept 98% of the book (GRR 98.1%, 2,000 trials) where the history keeps 0.98^12 = 78.5%.
 *
 * History worked by hand: 24 months of a book of 1,200,000, all of it due every month, renewing 97%
 * and 99% in turn (98% over each year; the rest replaced by new ARR, so ending_arr stays flat).
 */
const head = 'month,tier,renewed_arr,due_arr,ending_arr';
const history = (due: number) =>
  `${head}\n${Array.from({ length: 24 }, (_, i) => `${i + 1},M,${Math.round((i % 2 === 0 ? 0.97 : 0.99) * due)},${due},1200000`).join('\n')}\n`;
const written = (text: string, outcomes?: string) => {
  const fit = fitHistory({
    history: parseMonthlyFile(text, 'h.csv', { kind: 'history' }),
    ...(outcomes ? { outcomes: parseRenewalOutcomes(outcomes, 'c.csv', ['M']), outcomesFile: 'c.csv' } : {}),
  });
  const yaml = fittedScenarioText(fit);
  const rate = parseScenario(yaml, 'f.yaml').scenario.tiers[0]!.existing!.dollarRenewalRate as { mean: number; sd: number };
  return { fit, yaml, rate };
};

describe("fit: a book renewing more than once a year is written with the year's rate", () => {
  it("monthly terms: 98% a renewal is E[r^12] a year (exact beta moments), its sd with the drift judgement a year's", () => {
    const { fit, yaml, rate } = written(history(1_200_000));
    expect(fit.tiers[0]!.existing!.subAnnualTerm).toMatchObject({ months: 1, turnover: 12 });
    // By hand: monthly residuals +-12,000 (renewed - 0.98 due), the sandwich se sqrt(12 x 12,000^2 x 12/11) / 14,400,000;
    // one year-on-year change of 0, so the renewal's own sd is that se; the drift judgement sqrt(0.03^2 / 2), a year's.
    const se = Math.sqrt(12 * 12_000 ** 2 * (12 / 11)) / 14_400_000;
    const mean = betaMoment(0.98, se, 12);
    const sd = Math.sqrt(betaMoment(0.98, se, 24) - mean ** 2 + 0.03 ** 2 / 2);
    expect(rate.mean).toBeCloseTo(mean, 4);
    expect(rate.sd).toBeCloseTo(sd, 4);
    expect(yaml).toContain("so the rate written is a year's: E[r^12] = 78.5% (98.0%^12 = 78.5%)");
  });

  it('annual terms (1/12 of the book due a month): the rate is written as fitted, no conversion', () => {
    const { fit, yaml, rate } = written(history(100_000));
    expect(fit.tiers[0]!.existing!.subAnnualTerm).toBeUndefined();
    expect(rate.mean).toBeCloseTo(0.98, 4);
    expect(yaml).not.toContain('Terms of about');
  });

  it('with --customers (each customer renewed or not over the year) the rate is a year\'s already: never compounded', () => {
    // 100 customers of 1,000, 80 renewed: 80% over the year.
    const outcomes = `id,tier,arr,renewed\n${Array.from({ length: 100 }, (_, i) => `c${i},M,1000,${i < 80 ? 1 : 0}`).join('\n')}\n`;
    const { fit, yaml, rate } = written(history(1_200_000), outcomes);
    expect(fit.tiers[0]!.existing!.renewalFrom).toBe('customers');
    expect(fit.tiers[0]!.existing!.yearEquivalent?.renewal).toBeUndefined();
    expect(rate.mean).toBeCloseTo(0.8, 4);
    expect(yaml).toContain("a year's already: written as it is.");
  });
});

/**
 * The reviewer's history: monthly terms, 97% and 99% renewed in turn, contraction 0.5% and expansion
 * 1% of the ARR renewed every month. A cohort keeps Π r (1 − c) = (0.97 × 0.99)^6 × 0.995^12 = 73.87%
 * of its ARR in a year without expansion (GRR) and Π r (1 − c + e) = (0.97 × 0.99)^6 × 1.005^12 =
 * 83.29% with it (NRR). The fitted file, run, books those (the model: GRR R (1 − c), NRR R (1 − c + e)
 * a year); before, contraction and expansion were a renewal's shares booked once: 78.1% and 78.9%.
 */
describe("fit: a monthly book's contraction and expansion compound too", () => {
  it("the fitted file's simulated GRR and NRR are the history's, within 4 standard errors (2,000 trials)", async () => {
    const h = `month,tier,contraction_arr,expansion_arr,renewed_arr,due_arr,ending_arr\n${Array.from({ length: 24 }, (_, i) => {
      const renewed = i % 2 === 0 ? 1_164_000 : 1_188_000;
      return `${i + 1},M,${renewed * 0.005},${renewed * 0.01},${renewed},1200000,1200000`;
    }).join('\n')}\n`;
    const sim = await run(fittedScenarioText(fitHistory({ history: parseMonthlyFile(h, 'h.csv', { kind: 'history' }) })), 2_000, 3);
    const grr = meanAndSe(column(sim, 'grr'));
    const nrr = meanAndSe(column(sim, 'nrr'));
    const trueGrr = (0.97 * 0.99) ** 6 * 0.995 ** 12;
    const trueNrr = (0.97 * 0.99) ** 6 * 1.005 ** 12;
    expect(Math.abs(grr.mean - trueGrr), `GRR ${grr.mean} vs ${trueGrr} (SE ${grr.se})`).toBeLessThanOrEqual(4 * grr.se);
    expect(Math.abs(nrr.mean - trueNrr), `NRR ${nrr.mean} vs ${trueNrr} (SE ${nrr.se})`).toBeLessThanOrEqual(4 * nrr.se);
  }, 30_000);
});

/**
 * A tier launched in the last month beside monthly books (A renewing 90%, B 80% a month, all due
 * every month) takes their pooled rate on monthly terms: its year's sd keeps the between-tier part,
 * the tiers' year rates 0.9^12 and 0.8^12 apart, pooled with the 10-point judgement (before, the
 * conversion dropped it: sd 27.2% written as the renewal's alone), and the warning says the file's figures.
 */
describe('fit: a launched tier on monthly terms', () => {
  const lm = `${head}\n${Array.from({ length: 12 }, (_, i) => [`${i + 1},A,1080000,1200000,1200000`, `${i + 1},B,960000,1200000,1200000`, `${i + 1},New,0,0,${i === 11 ? 240_000 : 0}`].join('\n')).join('\n')}\n`;

  it("keeps the pooled between-tier part of its sd, and the warning gives the file's figures", async () => {
    const fit = fitHistory({ history: parseMonthlyFile(lm, 'lm.csv', { kind: 'history' }) });
    const e = fit.tiers.find((t) => t.name === 'New')!.existing!;
    const y = e.yearEquivalent!.renewal!;
    const years = [0.9 ** 12, 0.8 ** 12];
    const mean = (years[0]! + years[1]!) / 2;
    const between = Math.sqrt(((years[0]! - mean) ** 2 + (years[1]! - mean) ** 2 + 0.1 ** 2) / 2);
    expect(y.between).toBeCloseTo(between, 12);
    expect(y.sd).toBeCloseTo(Math.sqrt(y.drawSd ** 2 + y.prior ** 2 + between ** 2), 12);
    const dir = mkdtempSync(join(tmpdir(), 'act22-lm-'));
    writeFileSync(join(dir, 'lm.csv'), lm);
    const r = await runCli('fit', join(dir, 'lm.csv'), '--out', join(dir, 'f.yaml'));
    expect(r.code).toBe(0);
    const written = parseScenario(readFileSync(join(dir, 'f.yaml'), 'utf8'), 'f.yaml').scenario.tiers.find((t) => t.name === 'New')!.existing!.dollarRenewalRate as { mean: number; sd: number };
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(r.err).toContain(`the other tiers' pooled rate 85.0% a renewal is written as the year's ${pct(written.mean)} (wider: sd ${pct(written.sd)})`);
    expect(written.sd).toBeCloseTo(y.sd, 3);
  });
});
