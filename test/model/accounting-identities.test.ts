import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { planLoaded, simulate, type Simulation } from '../../src/engine/simulate.js';
import { simulatedYear } from '../../src/actuals/simulated-year.js';
import { parseScenario, type LoadedScenario } from '../../src/scenario/parse.js';
import { summarize } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { generateScenario, loadGenerated, TESTED_SCENARIOS } from '../helpers/generated-scenario.js';
import { checkStoredIdentities, checkWorkbookIdentities, checkWrittenIdentities } from '../helpers/identity-checks.js';
import { csvRecords } from '../helpers/csv-records.js';
import { simulatedActuals } from '../helpers/simulated-actuals.js';
import { csvField } from '../../src/report/csv-field.js';
import { tierKey } from '../../src/model/column-key.js';

/**
 * Issue 2/3/10/15's "numbers that silently mix up": every trial's figures add up as finance's books
 * do (test/helpers/identity-checks.ts: the ARR bridge, bookings' components, company = sum of tiers,
 * revenue = sum of the months' MRR, each tier's leads and deals by source, reps and pipeline, a
 * re-forecast's closed months = the actuals), in the store and in every written output. On the
 * generated scenarios that hold every mechanism between them (test/helpers/generated-scenario.ts),
 * as plans and as re-forecasts of their own simulated year; bench/identities.mts runs hundreds more.
 * Few trials, in process: an identity holds in every trial or it is a defect.
 */
const root = mkdtempSync(join(tmpdir(), 'arrcast-identities-'));
const T = 300;
/**
 * The runs checked: the generated scenarios' re-forecasts after 4 months (their plans are checked
 * where generated-determinism.test.ts runs them), scenario 11's (whose newTcv of 12-month terms missed
 * the closed months' deals: 14.1M beside 19.5M of new bookings) and one tier whose single lead grade
 * converts every lead after a 3-month sales cycle (whose grade's deals held the closed months'
 * cohorts still in the cycle: more deals than leads).
 */
const runs: Array<{ tag: string; sim: Simulation }> = [];
beforeAll(async () => {
  for (const n of [...TESTED_SCENARIOS, 11]) {
    const { loaded, path } = await loadGenerated(root, generateScenario(n));
    const file = await simulatedActuals(loaded, dirname(path), 4);
    runs.push({ tag: `${n} re-forecast after 4 months`, sim: await simulate(loaded, { trials: T, workers: 0, actuals: { file, months: 4 } }) });
  }
  const sales = salesScenario([{ months: 12, share: 1 }]);
  runs.push({ tag: 'a 3-month sales cycle, re-forecast after 6 months', sim: await simulate(sales, { trials: 40, workers: 0, actuals: { file: simulatedYear(planLoaded(sales), '3', 0).file, months: 6 } }) });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('accounting identities hold in every trial of generated scenarios', () => {
  it('in the stored trials of re-forecasts', () => {
    const found = runs.flatMap(({ tag, sim }) => checkStoredIdentities(sim).map((v) => `${tag}: ${v.identity}, trial ${v.trial}: ${v.lhs} vs ${v.rhs}`));
    expect(found).toEqual([]);
  });

  it('in every written output (trials.csv, summary.json, percentiles.csv, monthly.csv, report.xlsx, the bridge chart, sipmath.json), and a mix-up of two tiers or components in any of them is found', async () => {
    // One written run (writing every output is the costly part): a re-forecast of a scenario with several tiers.
    const { tag, sim } = runs.find((r) => r.sim.plan.tiers.length > 2)!;
    const dir = join(root, 'out');
    // The files the check reads; the bridge chart's spec as writeReport writes it, without drawing
    // every chart's SVG (most of the cost of writing them; bench/identities.mts writes them all).
    const summary = summarize(sim);
    await writeReport(dir, sim, summary, { outputs: ['summary', 'csv', 'xlsx', 'trials', 'sipmath'] });
    const bridge = JSON.stringify(buildCharts(summary, sim.store).find((c) => c.name === 'arr-bridge')!.spec);
    const files = new Map<string, string>();
    const read = (p: string) => (p.endsWith('charts/arr-bridge.vl.json') ? bridge : (files.get(p) ?? readFileSync(p, 'utf8')));
    const found = checkWrittenIdentities(dir, sim, read).map((v) => `${tag}: ${v.file}: ${v.identity}: ${v.lhs} vs ${v.rhs}`);
    const summaryText = readFileSync(join(dir, 'summary.json'), 'utf8');
    const workbook = join(dir, 'report.xlsx');
    found.push(...(await checkWorkbookIdentities(workbook, summaryText, sim)).map((v) => `${tag}: ${v.file}: ${v.identity}: ${v.lhs} vs ${v.rhs}`));
    expect(found).toEqual([]);
    // A summary whose revenue mean is a unit off is not the workbook's.
    const off = JSON.parse(summaryText) as { metrics: { revenue: { mean: number } } };
    off.metrics.revenue.mean += 1;
    expect((await checkWorkbookIdentities(workbook, JSON.stringify(off))).map((v) => v.identity)).toEqual(
      expect.arrayContaining(["Summary: Recognized revenue column 2 = summary.json's", "Percentiles: Recognized revenue all tiers column 4 = summary.json's"]),
    );

    // The probes: each output with two tiers' or two components' figures swapped (every sum kept).
    const [a, b] = sim.plan.tiers.map((t) => t.name);
    const violated = (path: string, text: string) => {
      files.clear();
      files.set(join(dir, path), text);
      return checkWrittenIdentities(dir, sim, read).filter((v) => v.file === path || v.file === path.replace(/^.*\//, ''));
    };
    // summary.json: two tiers' byTier entries swapped.
    const swapped = JSON.parse(summaryText) as { byTier: Record<string, unknown> };
    [swapped.byTier[a!], swapped.byTier[b!]] = [swapped.byTier[b!], swapped.byTier[a!]];
    expect(violated('summary.json', JSON.stringify(swapped)).length, 'summary.json, tiers swapped').toBeGreaterThan(0);
    // sipmath.json: two tiers' SIPs swapped, and one written twice.
    const sipText = readFileSync(join(dir, 'sipmath.json'), 'utf8');
    const sips = JSON.parse(sipText) as { sips: Array<{ name: string }> };
    const i = sips.sips.findIndex((x) => x.name === tierKey(a!, 'revenue'));
    const j = sips.sips.findIndex((x) => x.name === tierKey(b!, 'revenue'));
    expect(i >= 0 && j >= 0).toBe(true);
    const swappedSips = structuredClone(sips);
    [swappedSips.sips[i]!.name, swappedSips.sips[j]!.name] = [swappedSips.sips[j]!.name, swappedSips.sips[i]!.name];
    expect(violated('sipmath.json', JSON.stringify(swappedSips)).length, 'sipmath.json, tier SIPs swapped').toBeGreaterThan(0);
    const doubled = structuredClone(sips);
    doubled.sips[j] = { ...doubled.sips[i]! };
    expect(violated('sipmath.json', JSON.stringify(doubled)).length, 'sipmath.json, a tier SIP doubled').toBeGreaterThan(0);
    // percentiles.csv: two tiers' blocks swapped (their names exchanged).
    const pctRecords = csvRecords(readFileSync(join(dir, 'percentiles.csv'), 'utf8'));
    const swappedPct = pctRecords.map((r, k) => (k > 0 && (r[1] === a || r[1] === b) ? [r[0]!, r[1] === a ? b! : a!, ...r.slice(2)] : r));
    expect(violated('percentiles.csv', `${swappedPct.map((r) => r.map(csvField).join(',')).join('\n')}\n`).length, 'percentiles.csv, tier blocks swapped').toBeGreaterThan(0);
    // report.xlsx: two component rows of the Percentiles sheet swapped (their labels exchanged).
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    const labels: string[] = [];
    wb.getWorksheet('Percentiles')!.eachRow((row) => {
      if (row.getCell(1).value === 'Recognized revenue' && row.getCell(2).value === 'All tiers' && row.getCell(3).value !== 'Total') labels.push(String(row.getCell(3).value));
    });
    wb.getWorksheet('Percentiles')!.eachRow((row) => {
      if (row.getCell(1).value === 'Recognized revenue' && row.getCell(2).value === 'All tiers') {
        const l = String(row.getCell(3).value);
        if (l === labels[0]) row.getCell(3).value = labels[1]!;
        else if (l === labels[1]) row.getCell(3).value = labels[0]!;
      }
    });
    const mixed = join(dir, 'mixed.xlsx');
    await wb.xlsx.writeFile(mixed);
    expect((await checkWorkbookIdentities(mixed, summaryText, sim)).length, 'report.xlsx, component rows swapped').toBeGreaterThan(0);

    // ... and a number out of place in trials.csv: trial 0's revenue 0.01% over its components
    // (their float32 values written to 7 digits allow about 2e-6 of it), and off the store's value.
    const csv = readFileSync(join(dir, 'trials.csv'), 'utf8').split('\n');
    const cells = csv[1]!.split(',');
    cells[1] = (Number(cells[1]) * 1.0001).toFixed(2);
    csv[1] = cells.join(',');
    expect(violated('trials.csv', csv.join('\n')).map((v) => v.identity)).toEqual(expect.arrayContaining(['revenue = opening book + its components (trial 0)', 'revenue of trial 0 = the stored value']));
  });
});

/** One tier, one lead grade converting every lead (deals = leads, exactly) after a 3-month sales cycle, 12-month or mixed terms. */
function salesScenario(terms: unknown): LoadedScenario {
  return parseScenario(
    JSON.stringify({
      name: 'Sales figures',
      seed: 3,
      fiscalYearStartMonth: 1,
      fiscalYear: 2027,
      tiers: [{ name: 'SMB', newBusiness: { leadSources: [{ grade: 'A', leadsPerMonth: { dist: 'poisson', mean: 100 }, conversion: 1 }], salesCycleMonths: 3, acv: 10_000, terms } }],
    }),
    join(root, 'sales.json'),
  );
}

describe("a re-forecast's sales figures count on one basis", () => {
  const col = (sim: Simulation, key: string) => Array.from(sim.store.column(key)!);

  it("a source's deals are its simulated months' leads' deals: at a conversion of 100%, deals = leads in every trial", async () => {
    const loaded = salesScenario([{ months: 12, share: 1 }]);
    const year = simulatedYear(planLoaded(loaded), '3', 0);
    for (const actuals of [undefined, { file: year.file, months: 6 }]) {
      const sim = await simulate(loaded, { trials: 40, workers: 0, ...(actuals ? { actuals } : {}) });
      // Before the fix a re-forecast's deals also held the closed months' cohorts still in the cycle: 931 deals of 619 leads.
      expect(col(sim, 'tier.SMB.deals.A')).toEqual(col(sim, 'tier.SMB.leads.A'));
    }
  });

  it("newTcv counts the closed months' deals: 12-month terms' TCV = new-business bookings in every trial", async () => {
    const loaded = salesScenario([{ months: 12, share: 1 }]);
    const year = simulatedYear(planLoaded(loaded), '3', 0);
    for (const months of [1, 6, 11]) {
      const sim = await simulate(loaded, { trials: 40, workers: 0, actuals: { file: year.file, months } });
      const tcv = col(sim, 'tier.SMB.newTcv');
      const booked = col(sim, 'component.bookings.newBusiness');
      // Both float32 columns of whole-deal sums: equal to float32 rounding (2^-24 relative).
      tcv.forEach((v, i) => expect(Math.abs(v - booked[i]!), `after ${months} months, trial ${i}`).toBeLessThanOrEqual(2 ** -23 * booked[i]!));
    }
  });

  it("a mixed term's closed deals count at the mix's mean TCV: 12 and 36 months at 5%, half each, after all 12 months", async () => {
    const loaded = salesScenario([
      { months: 12, share: 0.5 },
      { months: 36, share: 0.5, escalator: 0.05 },
    ]);
    const year = simulatedYear(planLoaded(loaded), '3', 0);
    const newArr = year.file.byTier.get('SMB')!.reduce((s, r) => s + r.values.new_arr!, 0);
    const sim = await simulate(loaded, { trials: 5, workers: 0, actuals: { file: year.file, months: 12 } });
    // Per unit of ACV: 1 for 12 months, 1 + 1.05 + 1.1025 = 3.1525 for 36 months at 5%; half each: 2.07625.
    for (const v of col(sim, 'tier.SMB.newTcv')) expect(v).toBeCloseTo(Math.fround(newArr * 2.07625), -1);
  });

  it("report.html and the terminal say which months a re-forecast's sales figures count (after 12 closed months too), naming only the scenario's figures; a plan's do not", async () => {
    const loaded = salesScenario([{ months: 12, share: 1 }]);
    const year = simulatedYear(planLoaded(loaded), '3', 0);
    const outputs = async (months: number) => {
      const sim = await simulate(loaded, { trials: 20, workers: 0, ...(months > 0 ? { actuals: { file: year.file, months } } : {}) });
      const summary = summarize(sim);
      return [reportHtml({ summary, scenario: loaded.scenario, charts: [] }), summaryTable(summary).replace(/\s+/g, ' ')];
    };
    for (const text of await outputs(6)) {
      expect(text).toContain('A re-forecast after 6 closed months: leads and deals by grade/channel count the simulated months (Jul to Dec) only');
      // The TCV of the closed months is the term mix's mean: the same in every trial (finding 5).
      expect(text).toContain('a point estimate, the same in every trial');
      // This tier has no reps, pipeline or earlier leads: the note (its one sentence) does not name them.
      const at = text.indexOf('A re-forecast after 6');
      const note = text.slice(at, text.indexOf('.', at));
      for (const absent of ['deal capacity', 'rep-sourced', 'pipeline', 'earlier leads']) expect(note).not.toContain(absent);
    }
    // 12 closed months: the grade's leads and deals read 0, and the note says why.
    for (const text of await outputs(12)) expect(text).toContain('A re-forecast after 12 closed months: leads and deals by grade/channel count the simulated months only, and none remain: they read 0');
    for (const text of await outputs(0)) expect(text).not.toContain('count the simulated months');
  });

  it("a re-forecast's note names the reps', pipeline's and earlier leads' figures where a tier has them, and only there", () => {
    const named = { 'deal capacity': 'reps.capacity.deals', 'rep-sourced deals': 'deals.repSourced', "the opening pipeline's deals won": 'pipeline.won', 'the deals from earlier leads': 'earlierLeads.deals' };
    const seen = new Set<string>();
    for (const { tag, sim } of runs) {
      const summary = summarize(sim);
      const text = summaryTable(summary).replace(/\s+/g, ' ');
      for (const [words, key] of Object.entries(named)) {
        const has = Object.values(summary.byTier).some((t) => key in t.extras);
        if (has) seen.add(words);
        expect(text.includes(words), `${tag}: ${words}`).toBe(has);
      }
    }
    // The generated re-forecasts hold each of them somewhere (else this checks only their absence).
    expect([...seen].sort()).toEqual(Object.keys(named).sort());
  });

  it("a simulated year's new_arr is the ACV signed in the month, as an actuals file states it, whatever the service-start lag", () => {
    // 10 leads a month all converting at a fixed 10,000 ACV, live 2 months after signing: 100,000 signed every month.
    const loaded = parseScenario(
      JSON.stringify({ name: 'Lagged', seed: 1, tiers: [{ name: 'SMB', newBusiness: { leadsPerMonth: 10, conversion: 1, acv: 10_000, serviceStartLagMonths: 2 } }] }),
      join(root, 'lagged.json'),
    );
    const rows = simulatedYear(planLoaded(loaded), '1', 0).file.byTier.get('SMB')!;
    // Before the fix: the ARR going live, 0 in months 1 and 2 (10 deals signed in each).
    expect(rows.map((r) => r.values.new_arr)).toEqual(rows.map((r) => r.values.deals! * 10_000));
    expect(rows.map((r) => r.values.deals)).toEqual(Array(12).fill(10));
  });
});
