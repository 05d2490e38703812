import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';

/** Two tiers, one named like a spreadsheet formula (score.csv must neutralise it). */
const SCENARIO = `name: Score test
seed: 3
tiers:
  - name: SMB
    existing: { openingArr: 12M, customers: 1000, renewalRate: { dist: beta, mean: 0.85, sd: 0.03 } }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 900 }
      conversion: { dist: beta, mean: 0.03, sd: 0.005 }
      acv: { dist: lognormal, median: 10000, p90: 22000 }
  - name: "=Evil, Inc"
    existing: { openingArr: 20M, customers: 100, renewalRate: 0.9 }
`;

let dir: string;
let trialsReport: string;
let sipReport: string;
let bareReport: string;
const TRIALS = 400;

/** The column of trials.csv named `key`, as numbers. */
function trialsColumn(report: string, key: string): number[] {
  const lines = readFileSync(join(report, 'trials.csv'), 'utf8').trim().split('\n');
  const at = lines[0]!.split(',').indexOf(key);
  return lines.slice(1).map((l) => Number(l.split(',')[at]));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-score-'));
  writeFileSync(join(dir, 'plan.yaml'), SCENARIO);
  const run = (out: string, outputs: string) => runCli('run', join(dir, 'plan.yaml'), '--trials', String(TRIALS), '--workers', '0', '--quiet', '--no-progress', '--out', out, '--outputs', outputs);
  trialsReport = join(dir, 'with-trials');
  sipReport = join(dir, 'with-sipmath');
  bareReport = join(dir, 'bare');
  for (const [out, outputs] of [[trialsReport, 'summary,trials'], [sipReport, 'summary,sipmath'], [bareReport, 'summary']] as const) {
    const r = await run(out, outputs);
    if (r.code !== 0) throw new Error(r.err);
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrcast score', () => {
  it("--help says --actuals is required (commander's help marks no option so)", async () => {
    const r = await runCli('score', '--help');
    expect(r.code).toBe(0);
    expect(r.out.replace(/\s+/g, ' ')).toContain('-a, --actuals <file> required: the outcomes CSV');
  });

  it('scores each outcome against the report\'s trials: PIT the share below, CRPS as the O(n²) definition', async () => {
    const revenue = trialsColumn(trialsReport, 'revenue');
    const smbArr = trialsColumn(trialsReport, 'tier.SMB.endingArr');
    const y = revenue.reduce((a, b) => a + b, 0) / revenue.length; // the trials' mean: inside the forecast
    const outcomes = join(dir, 'outcomes.csv');
    writeFileSync(outcomes, `tier,metric,value\ntotal,revenue,${y}\nsmb,ending_arr,1\n`);
    const out = join(dir, 'score');
    const r = await runCli('score', trialsReport, '--actuals', outcomes, '--out', out);
    expect(r.err).toContain('wrote');
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'score.json'), 'utf8'));
    const [rev, arr] = json.outcomes;
    const below = revenue.filter((x) => x < y).length;
    expect(rev.pit).toBeCloseTo(below / TRIALS, 12);
    // CRPS by its definition, O(n²): mean |x − y| − ½ mean |x − x'|.
    let abs = 0;
    let pair = 0;
    for (const a of revenue) {
      abs += Math.abs(a - y);
      for (const b of revenue) pair += Math.abs(a - b);
    }
    expect(rev.crps / (abs / TRIALS - pair / (2 * TRIALS * TRIALS))).toBeCloseTo(1, 9);
    // An outcome of 1 is below every trial: PIT 0, outside P10-P90, and the P10 pinball loss is 0.9 × (P10 − 1).
    expect(arr.tier).toBe('SMB');
    expect(arr.pit).toBe(0);
    expect(arr.insideP10P90).toBe(false);
    expect(arr.pinball10).toBeCloseTo(0.9 * (arr.p10 - 1), 6);
    expect(Math.min(...smbArr)).toBeGreaterThan(1);
    expect(json.all.coverage).toMatchObject({ inside: 1, outcomes: 2 });
    // The interval score of P10-P90 (alpha 0.2), from type-7 percentiles of the trials computed here: the
    // band's width inside it; below it, the width plus 10 per unit short of P10.
    const type7 = (xs: number[], p: number) => {
      const s = [...xs].sort((u, v) => u - v);
      const h = (s.length - 1) * p;
      const lo = Math.floor(h);
      return s[lo]! + (h - lo) * ((s[lo + 1] ?? s[lo]!) - s[lo]!);
    };
    const revWidth = type7(revenue, 0.9) - type7(revenue, 0.1);
    const arrScore = type7(smbArr, 0.9) - type7(smbArr, 0.1) + 10 * (type7(smbArr, 0.1) - 1);
    expect(rev.intervalScore80 / revWidth).toBeCloseTo(1, 9);
    expect(arr.intervalScore80 / arrScore).toBeCloseTo(1, 9);
    expect(json.all.meanIntervalScore80 / ((revWidth + arrScore) / 2)).toBeCloseTo(1, 9);
    const csv = readFileSync(join(out, 'score.csv'), 'utf8').trim().split('\n');
    const column = csv[0]!.split(',').indexOf('interval_score_80');
    expect(csv.slice(1).map((row) => Number(row.split(',')[column]))).toEqual([rev, arr].map((o) => Math.round(o.intervalScore80 * 100) / 100));
    for (const f of ['score.csv', 'score.html', 'pit-histogram.svg', 'calibration.vl.json', '.arrcast-report']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'score.html'), 'utf8')).toContain('<svg role="img"');
  });

  it('writes every text cell of score.csv through csv-field: a tier named like a formula is neutralised', async () => {
    const outcomes = join(dir, 'evil.csv');
    writeFileSync(outcomes, 'tier,metric,value\n"=Evil, Inc",revenue,20000000\n');
    const out = join(dir, 'score-evil');
    const r = await runCli('score', trialsReport, '--actuals', outcomes, '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'score.csv'), 'utf8').split('\n')[1]).toContain(`,"'=Evil, Inc",revenue,`);
  });

  it('reads sipmath.json when there is no trials.csv, and names the flag for what it lacks', async () => {
    const outcomes = join(dir, 'sip.csv');
    writeFileSync(outcomes, 'tier,metric,value\ntotal,ending_arr,40000000\nSMB,revenue,12000000\n');
    const ok = await runCli('score', sipReport, '--actuals', outcomes);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/with-sipmath\s+SMB\s+revenue/);
    writeFileSync(outcomes, 'tier,metric,value\nSMB,bookings,3000000\n');
    const lacking = await runCli('score', sipReport, '--actuals', outcomes);
    expect(lacking.code).toBe(2);
    expect(lacking.err).toContain(`${outcomes}:2: report ${sipReport} has no per-trial SMB bookings in its sipmath.json`);
    expect(lacking.err).toContain('--outputs default,trials');
  });

  it('refuses a report without per-trial values, naming the flag to re-run with', async () => {
    const outcomes = join(dir, 'bare.csv');
    writeFileSync(outcomes, 'tier,metric,value\ntotal,revenue,1\n');
    const r = await runCli('score', bareReport, '--actuals', outcomes);
    expect(r.code).toBe(2);
    expect(r.err).toContain('holds no per-trial values');
    expect(r.err).toContain('--outputs default,trials');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack
  });

  it('reports every problem of the outcomes file at once, with file:line:column', async () => {
    const outcomes = join(dir, 'bad.csv');
    writeFileSync(outcomes, 'report,tier,metric,value\nwith-trials,SMBB,revenue,1\nwith-trials,total,arr,1\nnope,total,revenue,1\nwith-trials,total,revenue,1\nwith-trials,total,revenue,2\n');
    const r = await runCli('score', trialsReport, '--actuals', outcomes);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${outcomes}:2:13 tier: report "${trialsReport}" has no tier "SMBB" (did you mean "SMB"?)`);
    expect(r.err).toContain(`${outcomes}:3:19 metric: must be revenue, bookings or ending_arr; got "arr"`);
    expect(r.err).toContain(`${outcomes}:4:1 report: no report "nope" is being scored`);
    expect(r.err).toContain(`${outcomes}:6:27 value: the total's revenue of report "${trialsReport}" is given twice (also line 5)`);
  });

  it('writes only into a new, empty or earlier score directory: anything else is left as it is', async () => {
    const outcomes = join(dir, 'one.csv');
    writeFileSync(outcomes, 'tier,metric,value\ntotal,revenue,30000000\n');
    const foreign = join(dir, 'mine');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'keep me');
    const refused = await runCli('score', trialsReport, '--actuals', outcomes, '--out', foreign);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
    // A report directory is not a score either.
    expect((await runCli('score', trialsReport, '--actuals', outcomes, '--out', trialsReport)).code).toBe(2);
    const out = join(dir, 'again');
    expect((await runCli('score', trialsReport, '--actuals', outcomes, '--out', out)).code).toBe(0);
    expect((await runCli('score', trialsReport, '--actuals', outcomes, '--out', out)).code).toBe(0);
  });

  it('scores several reports, each outcome against the report its row names (by directory or last part)', async () => {
    const outcomes = join(dir, 'two.csv');
    // Each row names its report: the two are one forecast (one scenario and seed, stored two ways), which a row for every report would score twice (report-given-twice.test.ts).
    writeFileSync(outcomes, `report,tier,metric,value\nwith-trials,total,revenue,30000000\n${sipReport},total,revenue,30000000\nwith-trials,total,ending_arr,40000000\nwith-sipmath,total,ending_arr,40000000\n`);
    const out = join(dir, 'score-two');
    const r = await runCli('score', trialsReport, sipReport, '--actuals', outcomes, '--out', out);
    expect(r.err).toContain('wrote');
    const json = JSON.parse(readFileSync(join(out, 'score.json'), 'utf8'));
    // In file order. The same seed and scenario give the same revenue PIT.
    expect(json.outcomes.map((o: { report: string; metric: string }) => `${o.report}:${o.metric}`)).toEqual([
      `${trialsReport}:revenue`,
      `${sipReport}:revenue`,
      `${trialsReport}:endingArr`,
      `${sipReport}:endingArr`,
    ]);
    expect(json.outcomes[0].pit).toBeCloseTo(json.outcomes[1].pit, 12);
    expect(json.reports.map((x: { source: string }) => x.source)).toEqual(['trials.csv', 'sipmath.json']);
  });

  it('derives the year-end outcomes from a 12-month actuals file: revenue summed, ending ARR of month 12, bookings from its parts', async () => {
    const actuals = join(dir, 'actuals.csv');
    const rows = ['month,tier,revenue,new_arr,renewed_arr,contraction_arr,expansion_arr,ending_arr'];
    for (let m = 1; m <= 12; m++) {
      rows.push(`${m},smb,${1_000_000 + m},100000,800000,10000,20000,${12_000_000 + m}`);
      rows.push(`${m},"=Evil, Inc",1700000,0,1500000,0,0,20000000`);
    }
    writeFileSync(actuals, `${rows.join('\n')}\n`);
    const out = join(dir, 'score-actuals');
    const r = await runCli('score', trialsReport, '--actuals', actuals, '--out', out);
    expect(r.err).toContain('wrote');
    const json = JSON.parse(readFileSync(join(out, 'score.json'), 'utf8'));
    const value = (tier: string, metric: string) => json.outcomes.find((o: { tier: string; metric: string }) => o.tier === tier && o.metric === metric)?.value;
    // SMB revenue: 12 · 1,000,000 + (1 + ... + 12) = 12,000,078; ending ARR: month 12's.
    expect(value('SMB', 'revenue')).toBe(12_000_078);
    expect(value('SMB', 'endingArr')).toBe(12_000_012);
    // Bookings: 12 · (100,000 + 800,000 − 10,000 + 20,000) = 10,920,000.
    expect(value('SMB', 'bookings')).toBe(10_920_000);
    // The file covers both tiers: the total is their sum.
    expect(value('total', 'revenue')).toBe(12_000_078 + 12 * 1_700_000);
    expect(json.outcomes).toHaveLength(9);

    writeFileSync(actuals, `${rows.slice(0, 13).join('\n')}\n`);
    const half = await runCli('score', trialsReport, '--actuals', actuals);
    expect(half.code).toBe(2);
    expect(half.err).toContain('covers 6 months; scoring a year needs all 12');
  });

  it('refuses an actuals file that spells a tier two ways, rather than score one tier\'s rows as another\'s', async () => {
    // Both tiers' rows, the second tier's spelled "SMB" in lower case: read as two tiers, both would
    // be scored as SMB (one of them with the other tier's figures) and the total would look whole.
    const actuals = join(dir, 'actuals-spelled-twice.csv');
    const rows = ['month,tier,revenue,ending_arr'];
    for (let m = 1; m <= 12; m++) rows.push(`${m},SMB,1000000,12000000`, `${m},smb,1700000,20000000`);
    writeFileSync(actuals, `${rows.join('\n')}\n`);
    const out = join(dir, 'score-spelled-twice');
    const r = await runCli('score', trialsReport, '--actuals', actuals, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${actuals}:3:3 tier: tier "smb" is tier "SMB" spelled differently: write each tier's name one way`);
    expect(existsSync(out)).toBe(false);
  });
});
