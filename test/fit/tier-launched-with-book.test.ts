import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A tier launched within the last 12 months of a history with a book: ARR live at the end, none of
 * it yet due for renewal. Fit refused the file (exit 2, "drop ending_arr, due_arr and renewed_arr",
 * which dropped every tier's book). Its renewal is not in the history; the other tiers' is: it is
 * written as theirs pooled, wider by how far tiers differ, with a comment and a warning naming it;
 * its calendar is the ARR it added each month, due a year later. The other tiers' fits are unchanged
 * byte for byte.
 *
 * The history: example-history.csv (24 months, 2025-02 to 2027-01) plus "New", selling from month
 * 19 (2026-08): 400 + 10 k leads, 10 + (k mod 3) deals of 30,000 in month k, ending_arr their sum,
 * due_arr and renewed_arr 0.
 */
const example = readFileSync(join(ROOT, 'scenarios/example-history.csv'), 'utf8').trim().split('\n');
const header = example[0]!;
const body = example.slice(1);
const months = [...new Set(body.map((r) => r.split(',')[0]!))];
const added = (k: number) => (k >= 19 ? (10 + (k % 3)) * 30_000 : 0);
const newRows = months.map((m, i) => {
  const k = i + 1;
  const ending = Array.from({ length: k }, (_, j) => added(j + 1)).reduce((a, x) => a + x, 0);
  return `${m},New,${k >= 19 ? 400 + 10 * k : 0},${k >= 19 ? 10 + (k % 3) : 0},${added(k)},0,0,0,0,0,${ending},${Math.floor(ending / 12)}`;
});
const withNew = `${header}\n${months.flatMap((m, i) => [...body.filter((r) => r.startsWith(`${m},`)), newRows[i]!]).join('\n')}\n`;
const fitText = (text: string) => fittedScenarioText(fitHistory({ history: parseMonthlyFile(text, 'history.csv', { kind: 'history' }) }));
/** Each tier's part of a fitted file, by name. */
const tierBlocks = (text: string) => new Map(text.split('\n  - name: ').slice(1).map((b) => [JSON.parse(b.slice(0, b.indexOf('\n'))) as string, b.replace(/\n$/, '')]));

describe('fit, a tier launched within the last 12 months with a book and nothing due', () => {
  const text = fitText(withNew);
  const { scenario } = parseScenario(text, 'fitted.yaml');

  it("leaves the other tiers' fits unchanged, byte for byte", () => {
    const alone = tierBlocks(fitText(`${example.join('\n')}\n`));
    const both = tierBlocks(text);
    expect([...both.keys()]).toEqual(['SMB', 'Mid-market', 'Enterprise', 'New']);
    for (const name of ['SMB', 'Mid-market', 'Enterprise']) expect(both.get(name), name).toBe(alone.get(name));
  });

  it("writes the other tiers' pooled renewal, wider by their spread, and says so", () => {
    // Expected from the CSV: Σ renewed_arr / Σ due_arr of the last 12 months, per tier and pooled.
    const last = body.filter((r) => months.indexOf(r.split(',')[0]!) >= 12).map((r) => r.split(','));
    const col = (name: string) => header.split(',').indexOf(name);
    const sum = (rows: string[][], c: string) => rows.reduce((a, r) => a + Number(r[col(c)]), 0);
    const tiers = ['SMB', 'Mid-market', 'Enterprise'];
    const rates = tiers.map((t) => sum(last.filter((r) => r[1] === t), 'renewed_arr') / sum(last.filter((r) => r[1] === t), 'due_arr'));
    const pooled = sum(last, 'renewed_arr') / sum(last, 'due_arr');
    const mean = rates.reduce((a, r) => a + r, 0) / 3;
    const between = Math.sqrt((rates.reduce((a, r) => a + (r - mean) ** 2, 0) + 0.1 ** 2) / 3);
    const tier = scenario.tiers.find((t) => t.name === 'New')!;
    const rate = tier.existing!.dollarRenewalRate as { mean: number; sd: number };
    expect(rate.mean).toBeCloseTo(pooled, 4);
    // The tier's sd is at least the spread between tiers, and at most that with the pool's error and a drift of a few points.
    expect(rate.sd).toBeGreaterThanOrEqual(Number(between.toPrecision(3)));
    expect(rate.sd).toBeLessThan(Math.sqrt(between ** 2 + 0.05 ** 2));
    const block = tierBlocks(text).get('New')!;
    expect(block).toContain('# Dollar renewal NOT FITTED for this tier: none of its ARR was due or renewed in its last 12 months.');
    expect(block).toContain(`"SMB" ${(rates[0]! * 100).toFixed(1)}%, "Mid-market" ${(rates[1]! * 100).toFixed(1)}%, "Enterprise" ${(rates[2]! * 100).toFixed(1)}%`);
    expect(block).toContain(`${(between * 100).toFixed(2)}%^2 between tiers`);
  });

  it('calls the ARR it added each month due a year later: shares of the opening ARR in fiscal months 7 to 12', () => {
    const tier = scenario.tiers.find((t) => t.name === 'New')!;
    const opening = [19, 20, 21, 22, 23, 24].reduce((a, k) => a + added(k), 0);
    expect(tier.existing!.openingArr).toBe(opening);
    const expected = [0, 0, 0, 0, 0, 0, ...[19, 20, 21, 22, 23, 24].map((k) => Math.floor((added(k) / opening) * 1e4) / 1e4)];
    expect(tier.existing!.renewalCalendar).toEqual(expected);
  });

  it('still refuses a book with nothing due when no tier has any to take a rate from, without advice to drop the columns', () => {
    const only = `${header}\n${newRows.join('\n')}\n`;
    const issues = (t: string) => {
      try {
        fitText(t);
      } catch (err) {
        expect(err).toBeInstanceOf(ScenarioError);
        return (err as ScenarioError).issues.map((i) => `${i.line} ${i.path.join('.')}: ${i.message}`);
      }
      return [];
    };
    expect(issues(only)).toEqual(['14 due_arr: tier "New" has no ARR due for renewal in its last 12 months, nor has any other tier to take a rate from: the renewal rate cannot be fitted (give --customers outcomes of its customers due)']);
  });

  it('takes ARR live 12 months before the end, none of it due in a year, to renew after the fitted year', () => {
    // "Multi": 1,000,000 live through months 1-12 (multi-year terms: nothing due), then 100,000 added a month.
    const head = 'month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr';
    const rows = Array.from({ length: 24 }, (_, i) => [`${i + 1},Old,0,0,0,${20e6 - i * 1e5},1000000,900000`, `${i + 1},Multi,0,0,0,${1e6 + Math.max(0, i - 11) * 1e5},0,0`]).flat();
    const fitted = fitHistory({ history: parseMonthlyFile(`${head}\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' }) });
    const multi = fitted.tiers[1]!.existing!;
    expect(multi.openingArr).toBe(2_200_000);
    expect(multi.notDueArr).toBe(1_000_000);
    // 100,000 added in each of the last 12 months, due a year later: 1/22 of the opening ARR each fiscal month.
    for (const share of multi.calendar) expect(share).toBeCloseTo(1 / 22, 12);
    const block = tierBlocks(fittedScenarioText(fitted)).get('Multi')!;
    expect(block).toContain('The 1,000,000 of ARR live 12 months before the end had none due in a year: taken to renew after this year.');
    expect(block).toContain('as a share of the opening ARR = 54.5% in all.');
  });

  it('fit exits 0 with a warning naming the tier, and run accepts the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-launched-book-'));
    const file = join(dir, 'history.csv');
    writeFileSync(file, withNew);
    const out = join(dir, 'fitted.yaml');
    const fit = await runCli('fit', file, '--out', out);
    expect(fit.code).toBe(0);
    expect(fit.err).toContain(`arrcast: warning: tier "New" has ARR live but none due or renewed in its last 12 months: its dollar renewal is not in the history, so the other tiers' pooled rate`);
    expect(fit.out).toMatch(/^New: .*dollar renewal [\d.]+% \(the other tiers'\)$/m);
    const run = await runCli('run', out, '-n', '200', '-w', '0', '--outputs', 'summary', '--out', join(dir, 'report'));
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'report', 'summary.json'), 'utf8')) as { tiers?: unknown };
    expect(JSON.stringify(summary)).toContain('"New"');
  });
});
