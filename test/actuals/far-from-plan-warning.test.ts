import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../src/random/normal.js';
import { createStream } from '../../src/random/source.js';
import { readFileSync } from 'node:fs';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { simulatedYear } from '../../src/actuals/simulated-year.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { farFromPlanWarnings } from '../../src/analysis/actuals-far-from-plan.js';
import { formatWarning, simulationWarnings } from '../../src/analysis/plausibility.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';
import { firstMonths } from './calibration-helpers.js';

/**
 * A re-forecast learns from the closed months without limit, and the simulated months follow. One
 * month of SMB leads written with a digit too many (26,170 for 2,617) put the example's market
 * factor at +15 and the year's revenue at 1.45B for 125M; the only warnings were the run's own,
 * placed at the scenario ("the median year wins 5,914 new Mid-market customers ... check leads and
 * conversion"). Now the actuals' cell that pulls the posterior past what the plan gives 1 year in
 * 10,000 is warned about (`actuals-far-from-plan`), and years drawn from the plan are not.
 */
describe('closed months far from the plan', () => {
  const text = readFileSync(`${ROOT}scenarios/example-actuals.csv`, 'utf8');
  const loadedExample = () => loadScenario(`${ROOT}scenarios/example.yaml`);
  const run = async (csv: string) => {
    const loaded = await loadedExample();
    const file = parseMonthlyFile(csv, 'actuals.csv', { kind: 'actuals', tiers: loaded.scenario.tiers.map((t) => t.name), calendar: { startMonth: loaded.scenario.fiscalYearStartMonth } });
    const sim = await simulate(loaded, { trials: 1000, seed: 1, workers: 0, actuals: { file, months: file.months } });
    return { sim, warnings: simulationWarnings(sim, summarize(sim)).filter((w) => w.code === 'actuals-far-from-plan') };
  };
  /** The example actuals with one cell changed: `tier` month `month`, measure at CSV field `field`, times `factor`. */
  const edited = (month: number, tier: string, field: number, factor: number) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${month},${tier},`));
    const cells = lines[at]!.split(',');
    cells[field] = String(Math.round(Number(cells[field]) * factor));
    lines[at] = cells.join(',');
    const column = cells.slice(0, field).join(',').length + 2;
    return { csv: lines.join('\n'), line: at + 1, column };
  };

  it('the example actuals give none, and every likelihood term is named', async () => {
    const { sim, warnings } = await run(text);
    expect(warnings).toEqual([]);
    const model = sim.reforecast!.model;
    expect(model.termValues(new Float64Array(model.dimension)).length).toBe(model.termNames.length);
    expect(model.termNames.map((n) => n.term)).toEqual(model.notes.flatMap((n) => n.terms));
    // The terms are the likelihood's own, split: at any state they add up to it (the warning's "pulls
    // the most" reads them), here at 20 seeded states around the prior.
    const normal = standardNormal(createStream('far-from-plan/terms'));
    for (let k = 0; k < 20; k++) {
      const f = Float64Array.from({ length: model.dimension }, () => normal());
      const sum = model.termValues(f).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - model.logLikelihood(f))).toBeLessThanOrEqual(1e-9 * Math.abs(model.logLikelihood(f)));
    }
  });

  it('SMB leads of month 3 ten times over: the market factor is far, warned at that cell alone', async () => {
    const { csv, line, column } = edited(3, 'SMB', 2, 10);
    const { sim, warnings } = await run(csv);
    // Five months of 2,500 leads at a loading of 0.15, one of them ten times over: z near log(2.8) / 0.15.
    const z = Float64Array.from(sim.store.column('driver.market')!).sort()[500]!;
    expect(z).toBeGreaterThan(5);
    expect(warnings.map((w) => [w.file, w.line, w.column, w.path])).toEqual([['actuals.csv', line, column, ['leads']]]);
    expect(formatWarning(warnings[0]!)).toMatch(/^arrcast: warning \[actuals-far-from-plan\] actuals.csv:\d+:\d+ leads: SMB month 3: leads 23,640: the closed months put the market factor at \+\d\.\d \(its posterior median.*SMB's leads pull it the most, and of its months this one is the farthest out/);
  });

  it("SMB deals of month 4 ten times over: SMB conversion's own draw is far, warned at that month's deals", async () => {
    // 1,070 deals from 11,603 leads in five months, 9.2%, against a conversion of 3% +- 0.4%.
    const { csv, line, column } = edited(4, 'SMB', 3, 10);
    const { warnings } = await run(csv);
    expect(warnings.map((w) => [w.line, w.column, w.path])).toEqual([[line, column, ['deals']]]);
    expect(warnings[0]!.message).toMatch(/the closed months put SMB conversion at \d+\.\d\d% \(the posterior median of its own draw, before the market's shift\), where its plan \(3\.00%\) puts less than 1 in 10,000 of its years\. SMB's deals pull it the most/);
     // Deals are read per lead: the warning names the month's leads beside its deals.
    const cells = csv.split('\n')[line - 1]!.split(',');
    expect(warnings[0]!.message).toContain(`SMB month 4: deals ${Number(cells[3]).toLocaleString('en-US')} of ${Number(cells[2]).toLocaleString('en-US')} leads: `);
  });

  it("SMB leads of month 4 a tenth of what they were: the month's deals per lead are far, and the warning names both cells", async () => {
    const { csv, line } = edited(4, 'SMB', 2, 0.1);
    const { warnings } = await run(csv);
    const cells = csv.split('\n')[line - 1]!.split(',');
    expect(warnings.map((w) => [w.line, w.path])).toEqual([[line, ['deals']]]);
    expect(warnings[0]!.message).toContain(`SMB month 4: deals ${Number(cells[3]).toLocaleString('en-US')} of ${Number(cells[2]).toLocaleString('en-US')} leads: `);
  });

  it('years drawn from the plan give none (24 re-forecasts after 3, 6 and 9 closed months)', async () => {
    // The chance of a warning is about 1e-4 a learned draw (8 here) when the evidence pins it: over
    // 24 re-forecasts, about 2%; these seeded years give none, a threshold set too close gives some.
    const loaded = await loadedExample();
    const truth = planScenario(loaded.scenario, loaded.files ?? {});
    const warned: string[] = [];
    for (let i = 0; i < 8; i++) {
      const year = simulatedYear(truth, 'far-from-plan', i);
      for (const k of [3, 6, 9]) {
        const sim = await simulate(loaded, { trials: 1000, seed: `far-${i}-${k}`, workers: 0, actuals: { file: firstMonths(year.file, k), months: k } });
        for (const w of farFromPlanWarnings(sim)) warned.push(`${i}/${k}: ${w.message}`);
      }
    }
    expect(warned).toEqual([]);
  }, 120_000);
});
