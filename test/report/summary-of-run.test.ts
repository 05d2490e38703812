import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { writeReport } from '../../src/report/write-report.js';
import { ROOT } from '../helpers/fixtures.js';


describe('writeReport refuses a summary of another run than the trials it is given', () => {
  // Before: each was written whole, summary.json and the tables of one run beside the charts of
  // another (sipmath.json and trials.csv too), with nothing to say so.
  it('another seed, trial count, scenario or closed months: refused, and nothing is written', async () => {
    const example = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const hybrid = await loadScenario(`${ROOT}scenarios/hybrid-company.yaml`);
    const s = example.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const sim = await simulate(example, { trials: 300, seed: 1, workers: 0 });
    const after5 = await simulate(example, { trials: 300, seed: 1, workers: 0, actuals: { file, months: 5 } });
    const others: Array<[string, Simulation, Summary]> = [
      ['seed', sim, summarize(await simulate(example, { trials: 300, seed: 2, workers: 0 }))],
      ['trials', sim, summarize(await simulate(example, { trials: 400, seed: 1, workers: 0 }))],
      ['scenario', sim, summarize(await simulate(hybrid, { trials: 300, seed: 1, workers: 0 }))],
      ['a plan for a re-forecast', after5, summarize(sim)],
      ['other closed months', after5, summarize(await simulate(example, { trials: 300, seed: 1, workers: 0, actuals: { file, months: 3 } }))],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'summary-of-run-'));
    for (const [what, run, summary] of others) {
      const out = join(dir, what.replace(/ /g, '-'));
      await expect(writeReport(out, run, summary, { outputs: ['summary'] }), what).rejects.toThrow(/^the summary given is of another run than the trials/);
      expect(existsSync(out), what).toBe(false);
    }
    // Its own summary is written, a plan's and a re-forecast's alike.
    await writeReport(join(dir, 'plan'), sim, summarize(sim), { outputs: ['summary'] });
    await writeReport(join(dir, 'after5'), after5, summarize(after5), { outputs: ['summary'] });
    expect([existsSync(join(dir, 'plan', 'summary.json')), existsSync(join(dir, 'after5', 'summary.json'))]).toEqual([true, true]);
  });

  it("a re-forecast's own summarize() is written (it was refused: 'pass summarize() of this run'), a plan's beside it is not", async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const sim = await simulate(loaded, { trials: 1_000, seed: 3, workers: 0, actuals: { file, months: 5 } });
    const plan = await simulate(loaded, { trials: 1_000, seed: 3, workers: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'summary-of-run-'));
    const summary = summarize(sim);
    // It says what it is: the closed months and their file, as the CLI's summary.json does.
    expect([summary.reforecast?.asOfMonth, summary.reforecast?.actualsFile]).toEqual([5, 'example-actuals.csv']);
    await writeReport(join(dir, 'own'), sim, summary, { outputs: ['summary'] });
    expect(existsSync(join(dir, 'own', 'summary.json'))).toBe(true);
    await expect(writeReport(join(dir, 'plan'), sim, summarize(plan), { outputs: ['summary'] })).rejects.toThrow(/^the summary given is of another run than the trials/);
    await expect(writeReport(join(dir, 'reverse'), plan, summary, { outputs: ['summary'] })).rejects.toThrow(/^the summary given is of another run than the trials/);
    expect([existsSync(join(dir, 'plan')), existsSync(join(dir, 'reverse'))]).toEqual([false, false]);
    // A plan to compare with is a re-forecast's: given for a plan run it is refused, not ignored.
    expect(() => summarize(plan, { plan: { path: 'plan/summary.json', summary: summarize(plan) } })).toThrow(/^plan: is a re-forecast's plan to compare it with: this run has no actuals/);
  });

  it('a scenario or customer book edited in place after its run: summarize and writeReport refuse it, naming the change', async () => {
    // Before: summary.json said EUR and scenario.json a conversion of 50% beside trials simulated at 3% in USD.
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const sim = await simulate(loaded, { trials: 300, seed: 1, workers: 0 });
    const summary = summarize(sim);
    (loaded.scenario as { currency: string }).currency = 'EUR';
    const dir = mkdtempSync(join(tmpdir(), 'summary-of-run-'));
    expect(() => summarize(sim)).toThrow(/^the scenario .*example\.yaml was changed after it was loaded \(its hash names what was loaded\): its summary would show it beside trials simulated from the scenario as loaded; /);
    await expect(writeReport(join(dir, 'edited'), sim, summary, { outputs: ['summary'] })).rejects.toThrow(/was changed after it was loaded .*: its report would show it beside trials/);
    expect(existsSync(join(dir, 'edited'))).toBe(false);
    // Put back, it is read again.
    (loaded.scenario as { currency: string }).currency = 'USD';
    expect(summarize(sim).scenario.currency).toBe('USD');

    const withBook = await loadScenario(`${ROOT}scenarios/enterprise-rep-driven.yaml`);
    const run = await simulate(withBook, { trials: 300, seed: 1, workers: 0 });
    const book = Object.values(withBook.files!.books!)[0]!;
    book.arr[0] = book.arr[0]! * 2;
    expect(() => summarize(run)).toThrow(/^the data of the files .* was changed after it was loaded .*: its summary would show it/);
  });
});

