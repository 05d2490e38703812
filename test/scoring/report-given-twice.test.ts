import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { SAME_LAW } from '../../src/scenario/one-forecast.js';

/**
 * A report given twice to `arrcast score`, however spelled, would be scored twice: its outcomes
 * counted double in every mean, the coverage and the KS test. Refused, exit 2, naming both.
 */
let dir: string;
let report: string;
let outcomes: string;

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-twice-')));
  writeFileSync(join(dir, 'plan.yaml'), 'name: Twice\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n');
  report = join(dir, 'r');
  const r = await runCli('run', join(dir, 'plan.yaml'), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', report, '--outputs', 'summary,trials');
  if (r.code !== 0) throw new Error(r.err);
  symlinkSync(report, join(dir, 'link'));
  // The same forecast in other directories: a copy of the report, and the plan run again with another seed.
  cpSync(report, join(dir, 'copy'), { recursive: true });
  const again = await runCli('run', join(dir, 'plan.yaml'), '--trials', '40', '--seed', '2', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, 'again'), '--outputs', 'summary,trials');
  if (again.code !== 0) throw new Error(again.err);
  outcomes = join(dir, 'outcomes.csv');
  writeFileSync(outcomes, 'tier,metric,value\ntotal,revenue,11000000\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrcast score with a report given twice', () => {
  const cases: Array<[string, (d: string) => string, (d: string) => string]> = [
    ['as written', (d) => `${d}/r`, (d) => `arrcast: report ${d}/r is given twice: give each report once`],
    ['with a trailing slash', (d) => `${d}/r/`, (d) => `arrcast: reports ${d}/r and ${d}/r/ are the same directory (${d}/r): give each report once`],
    ['through ..', (d) => `${d}/r/../r`, (d) => `arrcast: reports ${d}/r and ${d}/r/../r are the same directory (${d}/r): give each report once`],
    ['through a symlink', (d) => `${d}/link`, (d) => `arrcast: reports ${d}/r and ${d}/link are the same directory (${d}/r): give each report once`],
  ];
  it.each(cases)('refuses it %s', async (_, again, message) => {
    const r = await runCli('score', report, again(dir), '--actuals', outcomes);
    expect(r.err).toBe(`${message(dir)}\n`);
    expect(r.code).toBe(2);
  });

  // Another directory, so checkDistinct's real paths differ: a row for every report scored the
  // one forecast twice, doubling its weight in every mean, the coverage and the KS test.
  it.each([
    ['a copy of it', 'copy'],
    ['the same plan run again with another seed', 'again'],
  ])('refuses a row for every report with %s beside it: one forecast, scored twice', async (_, other) => {
    const r = await runCli('score', report, join(dir, other), '--actuals', outcomes);
    expect(r.err).toContain(
      `${outcomes}:2:1 report: is not given (no report column), so the row scores every report, but "${dir}/r" and "${dir}/${other}" are one forecast (${SAME_LAW}, from the same closed months: a copy of one report, or the same run made again), which it would score twice: give each forecast once, or name the report this figure is of`,
    );
    expect(r.code).toBe(2);
  });

  // What does not change the forecast's law is not in its identity (scenario/forecast-hash.ts): a
  // copy of the plan in another folder, with its own seed, trials and description, and a customer
  // book copied beside it (another path, the same rows), forecasts what the plan does.
  it('refuses a row for every report with the plan copied elsewhere beside it, only its seed, trials, description and data path changed', async () => {
    const book = 'id,tier,arr,next_renewal,term_months\na,SMB,6000000,3,12\nb,SMB,6000000,9,12\n';
    const plan = (seed: string, file: string) => `name: Twice\n${seed}tiers:\n  - name: SMB\n    existing: { customersFile: ${file}, renewalRate: 0.9 }\n`;
    mkdirSync(join(dir, 'book', 'data'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'book', 'data', 'customers.csv'), book);
    writeFileSync(join(dir, 'elsewhere', 'book.csv'), book);
    writeFileSync(join(dir, 'book', 'plan.yaml'), plan('seed: 1\n', 'data/customers.csv'));
    writeFileSync(join(dir, 'elsewhere', 'plan.yaml'), plan('seed: 8\ntrials: 30\ndescription: the same plan, run again\n', 'book.csv'));
    for (const where of ['book', 'elsewhere']) {
      const run = await runCli('run', join(dir, where, 'plan.yaml'), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, `${where}-report`), '--outputs', 'summary,trials');
      expect(run.code, run.err).toBe(0);
    }
    const r = await runCli('score', join(dir, 'book-report'), join(dir, 'elsewhere-report'), '--actuals', outcomes);
    expect(r.err).toContain(`"${dir}/book-report" and "${dir}/elsewhere-report" are one forecast`);
    expect(r.code).toBe(2);
    // Another book is another forecast: scored.
    writeFileSync(join(dir, 'elsewhere', 'book.csv'), book.replace('b,SMB,6000000', 'b,SMB,5000000'));
    const other = await runCli('run', join(dir, 'elsewhere', 'plan.yaml'), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, 'elsewhere-report'), '--outputs', 'summary,trials');
    expect(other.code, other.err).toBe(0);
    const scored = await runCli('score', join(dir, 'book-report'), join(dir, 'elsewhere-report'), '--actuals', outcomes);
    expect(scored.err).toBe('');
    expect(scored.out).toContain('2 outcomes scored');
  });

  // A re-forecast's identity is its closed months (asOfMonth and their values), not the actuals
  // file's path nor what it simulated: made again from a copy of the file, or with another seed, it is one forecast.
  it('refuses a row for every report with a re-forecast made again (its actuals copied elsewhere, another seed) beside it', async () => {
    const closed = 'month,tier,ending_arr,due_arr,renewed_arr\n1,SMB,11900000,1000000,900000\n2,SMB,11800000,1000000,880000\n';
    mkdirSync(join(dir, 'actuals-copy'));
    writeFileSync(join(dir, 'closed2.csv'), closed);
    writeFileSync(join(dir, 'actuals-copy', 'closed2.csv'), closed);
    const reforecast = async (actuals: string, out: string, ...extra: string[]) => {
      const rf = await runCli('run', join(dir, 'plan.yaml'), '--actuals', actuals, ...extra, '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, out), '--outputs', 'summary,trials');
      expect(rf.code, rf.err).toBe(0);
    };
    await reforecast(join(dir, 'closed2.csv'), 'rf-a');
    await reforecast(join(dir, 'actuals-copy', 'closed2.csv'), 'rf-b', '--seed', '8');
    await reforecast(join(dir, 'closed2.csv'), 'rf-as-of-1', '--as-of', '1');
    const r = await runCli('score', join(dir, 'rf-a'), join(dir, 'rf-b'), '--actuals', outcomes);
    expect(r.err).toContain(`"${dir}/rf-a" and "${dir}/rf-b" are one forecast`);
    expect(r.code).toBe(2);
    // From fewer closed months it is another forecast: scored.
    const scored = await runCli('score', join(dir, 'rf-a'), join(dir, 'rf-as-of-1'), '--actuals', outcomes);
    expect(scored.err).toBe('');
    expect(scored.out).toContain('2 outcomes scored');
  });

  it('refuses a monthly actuals file (no report column) for a report and its copy', async () => {
    const actuals = join(dir, 'actuals.csv');
    writeFileSync(actuals, `month,tier,revenue,ending_arr\n${Array.from({ length: 12 }, (_, m) => `${m + 1},SMB,900000,11000000`).join('\n')}\n`);
    const r = await runCli('score', report, join(dir, 'copy'), '--actuals', actuals);
    expect(r.err).toMatch(new RegExp(`^arrcast: ${actuals}:2:1: a monthly actuals file has no report column, so the file scores every report, but "${dir}/r" and "${dir}/copy" are one forecast .*: give each forecast once\\n$`));
    expect(r.code).toBe(2);
  });

  it('scores one forecast in two reports where each row names its report (the same plan for two years)', async () => {
    const named = join(dir, 'named.csv');
    writeFileSync(named, 'report,tier,metric,value\nr,total,revenue,11000000\ncopy,total,revenue,12000000\n');
    const r = await runCli('score', report, join(dir, 'copy'), '--actuals', named);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 outcomes scored');
  });

  it('scores a row for every report of a plan and its re-forecast (two forecasts of one scenario)', async () => {
    const actuals = join(dir, 'closed.csv');
    writeFileSync(actuals, 'month,tier,ending_arr,due_arr,renewed_arr\n1,SMB,11900000,1000000,900000\n');
    const reforecast = join(dir, 'reforecast');
    const rf = await runCli('run', join(dir, 'plan.yaml'), '--actuals', actuals, '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', reforecast, '--outputs', 'summary,trials');
    expect(rf.code, rf.err).toBe(0);
    const r = await runCli('score', report, reforecast, '--actuals', outcomes);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 outcomes scored');
  });

  it('scores a report given once', async () => {
    const r = await runCli('score', report, '--actuals', outcomes);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 outcome');
  });
});
