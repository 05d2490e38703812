import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentRangeError, parseScenario, readMonthlyFile, simulate, summarize } from '../../src/index.js';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * A re-forecast's plan is its own scenario's, in its currency, calendar, fiscal year and confidence,
 * however it is given. The library's `summarize(reSim, { plan })` took a plan in euros, of July's
 * months or at 50% confidence and the page showed a euro P50 as "$..." under the re-forecast's
 * confidence; and summary.json recorded no fiscal year, so `--plan` of last year's report (FY2026
 * beside an FY2027 re-forecast, one name, currency and calendar) was taken without a word. One
 * check (plan-summary.ts planIdentityIssues) serves both. A one-tier book, 50 trials, in process.
 */
const SCENARIO = `
name: small book
trials: 50
seed: 1
fiscalYear: 2027
tiers:
  - name: E
    existing:
      openingArr: 4000000
      customers: 20
      renewalRate: 0.95
      priceUplift: 0
`;
const ACTUALS = 'month,tier,ending_arr\n1,E,4000000\n';
const RUN = { trials: 50, seed: 1, workers: 0 } as const;

describe("a re-forecast's plan of another currency, calendar, year or confidence", () => {
  it('summary.json records the stated fiscal year, and only a stated one', async () => {
    const stated = summarize(await simulate(parseScenario(SCENARIO, 's.yaml'), RUN));
    expect(stated.scenario.fiscalYear).toBe(2027);
    expect(Object.keys(stated.scenario).slice(-2)).toEqual(['fiscalYearStartMonth', 'fiscalYear']);
    const none = summarize(await simulate(parseScenario(SCENARIO.replace('fiscalYear: 2027\n', ''), 's.yaml'), RUN));
    expect('fiscalYear' in none.scenario).toBe(false);
  });

  it("the library's plan is refused by the CLI's rule, naming the field (ArgumentRangeError); its own scenario's plan is taken", async () => {
    const dir = writeFiles({ 'actuals.csv': ACTUALS });
    const loaded = parseScenario(SCENARIO, 's.yaml');
    const file = await readMonthlyFile(join(dir, 'actuals.csv'), 'actuals.csv', { kind: 'actuals', calendar: { year: 2027, startMonth: 1 }, tiers: ['E'] });
    const reSim = await simulate(loaded, { ...RUN, actuals: { file, months: 1 } });
    const planOf = async (text: string, confidence = 0.8) => ({ path: 'plan/summary.json', summary: summarize(await simulate(parseScenario(text, 'p.yaml'), RUN), { confidence }) });

    const own = summarize(reSim, { plan: await planOf(SCENARIO) });
    expect(own.reforecast!.planFile).toBe('plan/summary.json');
    // A plan summary without the year (a scenario that states none, or one written before December 2026) is taken as before.
    expect(summarize(reSim, { plan: await planOf(SCENARIO.replace('fiscalYear: 2027\n', '')) }).reforecast!.planFile).toBe('plan/summary.json');

    const refused: ReadonlyArray<readonly [string, Awaited<ReturnType<typeof planOf>>]> = [
      ['summarize: options.plan.summary.scenario.currency: the plan is in "EUR", the scenario in "USD": a re-forecast compares with a plan of the same company', await planOf(`${SCENARIO}currency: EUR\n`)],
      ["summarize: options.plan.summary.scenario.fiscalYearStartMonth: the plan's fiscal year starts in month 7, the scenario's in month 1: its months are not the re-forecast's", await planOf(`${SCENARIO}fiscalYearStartMonth: 7\n`)],
      ["summarize: options.plan.summary.scenario.fiscalYear: the plan is of FY2026, the re-forecast of FY2027: --plan names the report of this year's plan", await planOf(SCENARIO.replace('fiscalYear: 2027', 'fiscalYear: 2026'))],
      ["summarize: options.plan.summary.decisions.confidence: the plan's budgets are at 50% confidence, the re-forecast's at 80%: give --confidence 50% to set them side by side", await planOf(SCENARIO, 0.5)],
    ];
    for (const [message, plan] of refused) {
      let caught: unknown;
      try {
        summarize(reSim, { plan });
      } catch (err) {
        caught = err;
      }
      expect(caught, message).toBeInstanceOf(ArgumentRangeError);
      expect((caught as Error).message).toBe(message);
    }
  });

  it('--plan of last year\'s report is refused (exit 2, nothing written); the report of this year\'s plan is taken', async () => {
    const dir = writeFiles({ 'last.yaml': SCENARIO.replace('fiscalYear: 2027', 'fiscalYear: 2026'), 's.yaml': SCENARIO, 'actuals.csv': ACTUALS });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      const common = ['-q', '--no-progress', '--workers', '0', '--outputs', 'summary'];
      expect((await runCli('run', 'last.yaml', '--out', 'last', ...common)).code).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'last', 'summary.json'), 'utf8')).scenario.fiscalYear).toBe(2026);
      const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'last', '--out', 'out', ...common);
      expect(r.err.trim()).toBe("arrcast: last/summary.json scenario.fiscalYear: the plan is of FY2026, the re-forecast of FY2027: --plan names the report of this year's plan");
      expect(r.code).toBe(2);
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect((await runCli('run', 's.yaml', '--out', 'plan', ...common)).code).toBe(0);
      expect((await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', 'out', ...common)).code).toBe(0);
    } finally {
      process.chdir(prev);
    }
  });
});
