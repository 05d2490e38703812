import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { outcomeProblems } from './outcome-problems.js';
import { parseOutcomes, type ScoredReport } from '../../src/scoring/outcomes-file.js';

/**
 * An outcome row with no report scores every report given, which is right for a plan and its
 * re-forecasts (one scenario, one year). Given the plans of two scenarios (another company, another
 * plan), `total,revenue,112400000` scored both with the one figure, exit 0 and not a word; and a
 * 12-month actuals file with numbered months scored forecasts of FY2027 and FY2028 alike. Both are
 * now refused (exit 2) at the file's line, naming each report's scenario or year.
 */
const report = (dir: string, scenarioName: string | undefined): ScoredReport => ({
  dir,
  tiers: ['SMB'],
  fiscalYearStartMonth: 1,
  fiscalYear: 2027,
  ...(scenarioName === undefined ? {} : { scenarioName }),
});

describe('outcome rows for every report, when the reports are of different scenarios', () => {
  it('refuses a row with no report column for two scenarios of one year, naming each', () => {
    expect(outcomeProblems('tier,metric,value\ntotal,revenue,112400000\n', [report('acme', 'Acme plan'), report('beta', 'Beta Co plan')])).toEqual([
      '2:1 report: is not given (no report column), so the row scores every report, but they forecast different scenarios ("acme": "Acme plan"; "beta": "Beta Co plan"): name the report this figure is of',
    ]);
  });

  it('scores rows naming their report, and rows for a plan and its re-forecast (one scenario)', () => {
    expect(parseOutcomes('report,tier,metric,value\nacme,total,revenue,1\nbeta,total,revenue,2\n', 'o.csv', [report('acme', 'Acme plan'), report('beta', 'Beta Co plan')])).toHaveLength(2);
    expect(parseOutcomes('tier,metric,value\ntotal,revenue,1\n', 'o.csv', [report('plan', 'Acme plan'), report('q2', 'Acme plan')])).toHaveLength(2);
    // A report whose scenario is not known may be the other's: scored as before.
    expect(parseOutcomes('tier,metric,value\ntotal,revenue,1\n', 'o.csv', [report('plan', undefined), report('q2', 'Acme plan')])).toHaveLength(2);
  });

  it('takes names that read the same as one scenario: another case, NFC and NFD forms', () => {
    expect(parseOutcomes('tier,metric,value\ntotal,revenue,1\n', 'o.csv', [report('plan', 'Acme'), report('q2', 'ACME')])).toHaveLength(2);
    expect(parseOutcomes('tier,metric,value\ntotal,revenue,1\n', 'o.csv', [report('plan', 'Caf\u00e9'), report('q2', 'Cafe\u0301')])).toHaveLength(2);
  });
});

let dir: string;
const out = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-scenarios-'));
  const plans: Array<[string, string, number]> = [
    ['acme', 'Acme', 2027],
    ['beta', 'Beta Co', 2027],
    ['acme28', 'Acme', 2028],
  ];
  for (const [file, name, year] of plans) {
    writeFileSync(out(`${file}.yaml`), `name: ${name}\nseed: 1\nfiscalYear: ${year}\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n`);
    const r = await runCli('run', out(`${file}.yaml`), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', out(file), '--outputs', 'summary,trials');
    if (r.code !== 0) throw new Error(r.err);
  }
  writeFileSync(out('outcomes.csv'), 'tier,metric,value\ntotal,revenue,11000000\n');
  writeFileSync(out('dated.csv'), `month,tier,revenue\n${Array.from({ length: 12 }, (_, k) => `2027-${String(k + 1).padStart(2, '0')},SMB,1000000`).join('\n')}\n`);
  writeFileSync(out('numbered.csv'), `month,tier,revenue\n${Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000000`).join('\n')}\n`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrcast score with one figure for reports of different scenarios or years', () => {
  it('refuses an outcomes file without a report column for two companies\' plans (exit 2, file:line, both reports named)', async () => {
    const r = await runCli('score', out('acme'), out('beta'), '--actuals', out('outcomes.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${out('outcomes.csv')}:2:1 report: is not given (no report column), so the row scores every report, but they forecast different scenarios (${JSON.stringify(out('acme'))}: "Acme"; ${JSON.stringify(out('beta'))}: "Beta Co")`);
    expect(r.out).toBe('');
  });

  it('refuses a numbered actuals file for FY2027 and FY2028 forecasts, and for two scenarios; scores it for one report', async () => {
    for (const [a, b, what] of [
      ['acme', 'acme28', 'different fiscal years'],
      ['acme', 'beta', 'different scenarios'],
    ] as const) {
      const r = await runCli('score', out(a), out(b), '--actuals', out('numbered.csv'));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${out('numbered.csv')}:2:1: the months are numbered (1-12), so the file scores every report, but they forecast ${what} (`);
      expect(r.out).toBe('');
    }
    const one = await runCli('score', out('acme'), '--actuals', out('numbered.csv'));
    expect(one.code).toBe(0);
  });

  it('refuses a dated actuals file for two companies of one fiscal year (a monthly file has no report column); scores it for one', async () => {
    const r = await runCli('score', out('acme'), out('beta'), '--actuals', out('dated.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${out('dated.csv')}:2:1: a monthly actuals file has no report column, so the file scores every report, but they forecast different scenarios (${JSON.stringify(out('acme'))}: "Acme"; ${JSON.stringify(out('beta'))}: "Beta Co")`);
    expect(r.out).toBe('');
    const one = await runCli('score', out('beta'), '--actuals', out('dated.csv'));
    expect(one.code).toBe(0);
  });
});
