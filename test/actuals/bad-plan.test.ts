import { existsSync, mkdirSync, readFileSync, rmdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanSummary } from '../../src/analysis/plan-summary.js';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * --plan reads a report directory like any other input: forged, of another company, not a run's
 * report, or a FIFO or device where summary.json should be. Each is refused with exit 2 and its
 * exact message, and nothing of the file but checked finite numbers reaches the re-forecast.
 */

const band = (v: number) => ({ percentiles: { p10: v, p90: v * 1.2 } });
const plan = (change: (s: Record<string, any>) => void = () => undefined): string => {
  const s: Record<string, any> = {
    tool: { name: 'arrcast', summaryVersion: 1 },
    scenario: { name: 'p', currency: 'USD', fiscalYearStartMonth: 1 },
    monthly: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, label: `M${i + 1}`, mrr: band(100), cumulativeRevenue: band(100 * (i + 1)), extra: 'not kept' })),
    decisions: { confidence: 0.8, budgets: { metrics: { revenue: { value: 1 }, bookings: { value: 2 }, endingArr: { value: 3 } } }, targets: [{ label: 'revenue >= 9M', probability: { value: 0.4 } }] },
  };
  change(s);
  return JSON.stringify(s);
};
const ID = { name: 'p', currency: 'USD', fiscalYearStartMonth: 1, confidence: 0.8 };
const F = 'p/summary.json';

const CASES: ReadonlyArray<{ name: string; text: string; lines: string[] }> = [
  // A summary of another layout may hold other figures under the same names (score refuses it too).
  { name: 'another summary version', text: plan((s) => (s.tool.summaryVersion = 2)), lines: [`${F} tool.summaryVersion: is summary version 2; this arrcast reads version 1: re-run the plan with this arrcast and give its report to --plan`] },
  { name: 'no summary version', text: plan((s) => delete s.tool.summaryVersion), lines: [`${F} tool.summaryVersion: names no summary version; this arrcast reads version 1: re-run the plan with this arrcast and give its report to --plan`] },
  // The first builds' summaries (before d07e548) have no decisions at all: one sentence saying so and what to do.
  {
    name: 'a summary from before budgets and targets',
    text: plan((s) => delete s.decisions),
    lines: [`${F} decisions: absent, as in the summaries of arrcast before budgets and targets (November 2026), which --plan sets beside the re-forecast's: re-run the plan with this arrcast and give its report to --plan`],
  },
  { name: 'decisions: null', text: plan((s) => (s.decisions = null)), lines: [`${F} decisions: null, so no budgets or targets, as in the summaries of arrcast before budgets and targets (November 2026), which --plan sets beside the re-forecast's: re-run the plan with this arrcast and give its report to --plan`] },
  // An old plan of another scenario: told so first, not only that the plan is old.
  {
    name: 'a summary from before budgets and targets, of another scenario',
    text: plan((s) => {
      delete s.decisions;
      s.scenario.name = 'q';
    }),
    lines: [
      `${F} scenario.name: the plan is of scenario "q", the re-forecast of "p": --plan names the report of a run of the same scenario`,
      `${F} decisions: absent, as in the summaries of arrcast before budgets and targets (November 2026), which --plan sets beside the re-forecast's: re-run the plan with this arrcast and give its report to --plan`,
    ],
  },
  // A re-forecast's bands are not the plan's: shown "at plan", they set a re-forecast beside itself.
  {
    name: "a re-forecast's summary",
    text: plan((s) => (s.reforecast = { asOfMonth: 5, actualsFile: 'a.csv' })),
    lines: [`${F} reforecast: is a re-forecast's summary (from 5 closed months of actuals), not a plan's: --plan names the report of the plan's own run (arrcast run without --actuals)`],
  },
  { name: 'not JSON, with a control character', text: '{"monthly":"\u001b[31m', lines: [`${F} is not JSON: --plan names the report directory of a previous arrcast run, whose summary.json is read`] },
  { name: 'JSON of something else', text: '[1,2]', lines: [`${F} is not an arrcast run's summary (no tool and scenario): --plan names the report directory of a previous arrcast run`] },
  {
    name: 'another scenario, currency and fiscal year',
    text: plan((s) => Object.assign(s.scenario, { name: 'downside\u001b[2J', currency: 'EUR', fiscalYearStartMonth: 4 })),
    lines: [
      `${F} scenario.name: the plan is of scenario "downside\\u{1b}[2J", the re-forecast of "p": --plan names the report of a run of the same scenario`,
      `${F} scenario.currency: the plan is in "EUR", the scenario in "USD": a re-forecast compares with a plan of the same company`,
      `${F} scenario.fiscalYearStartMonth: the plan's fiscal year starts in month 4, the scenario's in month 1: its months are not the re-forecast's`,
    ],
  },
  {
    name: 'budgets at another confidence (a P40 budget is not the P20 one the row names)',
    text: plan((s) => (s.decisions.confidence = 0.6)),
    lines: [`${F} decisions.confidence: the plan's budgets are at 60% confidence, the re-forecast's at 80%: give --confidence 60% to set them side by side`],
  },
  {
    name: 'no confidence, or one that is not a share',
    text: plan((s) => delete s.decisions.confidence),
    lines: [`${F} decisions.confidence: must be the confidence of the plan's budgets, between 0 and 1, got nothing`],
  },
  {
    name: 'strings, nulls and missing fields where numbers go',
    text: plan((s) => {
      s.monthly[3].mrr.percentiles.p10 = '12';
      s.monthly[4].cumulativeRevenue = null;
      delete s.decisions.budgets.metrics.bookings;
      s.decisions.targets[0].probability.value = 2;
    }),
    lines: [
      `${F} monthly[3].mrr.percentiles.p10: P10 must be a finite number, got the text "12"`,
      `${F} monthly[4].cumulativeRevenue: must hold percentiles, got null`,
      `${F} decisions.budgets.metrics.bookings.value: a budget must be a finite number, got nothing`,
      `${F} decisions.targets[0].probability.value: a probability must be within [0, 1], got 2`,
    ],
  },
  {
    name: 'a huge monthly array, a label that is not text',
    text: plan((s) => {
      s.decisions.targets = [{ label: 7, probability: { value: 0.5 } }];
    }).replace('"monthly":[', `"monthly":[${'0,'.repeat(100_000)}`),
    lines: [`${F} monthly: must list the 12 months of the fiscal year, got a list of 100012`, `${F} decisions.targets[0].label: must be a target's label of at most 200 characters, got 7`],
  },
  {
    name: 'months out of order and a band upside down',
    text: plan((s) => {
      s.monthly[0].month = 2;
      s.monthly[1].mrr.percentiles = { p10: 5, p90: 1 };
    }),
    lines: [`${F} monthly[0].month: must be 1 (the months in order), got 2`, `${F} monthly[1].mrr.percentiles: P10 5 is above P90 1`],
  },
];

describe('parsePlanSummary: a forged or foreign summary.json', () => {
  for (const c of CASES)
    it(`${c.name}: every problem, exactly`, () => {
      expect(() => parsePlanSummary(c.text, F, ID)).toThrow(c.lines.join('\n'));
      try {
        parsePlanSummary(c.text, F, ID);
      } catch (err) {
        expect((err as Error).message.split('\n')).toEqual(c.lines);
      }
    });

  it('a valid summary keeps only the checked figures', () => {
    const p = parsePlanSummary(plan(), F, ID);
    expect(p.summary.monthly).toHaveLength(12);
    expect(p.summary.monthly[0]).toEqual({ month: 1, label: 'M1', mrr: band(100), cumulativeRevenue: band(100) });
    expect(p.summary.decisions.targets).toEqual([{ label: 'revenue >= 9M', probability: { value: 0.4 } }]);
  });
});

const SCENARIO = `
name: bad plan
trials: 200
seed: 1
tiers:
  - name: E
    existing:
      openingArr: 4000000
      customers: 20
      renewalRate: 0.95
      priceUplift: 0
`;
const ACTUALS = 'month,tier,ending_arr\n1,E,4000000\n';

describe('arrcast run --actuals --plan DIR with a DIR that is not a run report', () => {
  const CLI: ReadonlyArray<{ name: string; make: (dir: string) => void; line: string }> = [
    { name: 'a directory that is not there', make: (d) => rmdirSync(join(d, 'plan')), line: 'plan does not exist: --plan names the report directory of a previous arrcast run' },
    {
      name: 'a file, not a directory',
      make: (d) => {
        rmdirSync(join(d, 'plan'));
        writeFileSync(join(d, 'plan'), '{}');
      },
      line: 'plan is not a directory: --plan names the report directory of a previous arrcast run',
    },
    { name: 'no summary.json', make: () => undefined, line: 'plan has no summary.json: --plan names the report directory of a previous arrcast run' },
    {
      name: "a comparison's directory",
      make: (d) => writeFileSync(join(d, 'plan', 'comparison.json'), '{}'),
      line: "plan is a comparison's directory (arrcast compare), not a run's report: --plan names the report directory of a previous arrcast run",
    },
    { name: 'a FIFO', make: (d) => execFileSync('mkfifo', [join(d, 'plan', 'summary.json')]), line: 'plan/summary.json is a FIFO (named pipe), not a regular file' },
    { name: 'a link to /dev/zero', make: (d) => symlinkSync('/dev/zero', join(d, 'plan', 'summary.json')), line: 'plan/summary.json is a device, not a regular file' },
    {
      name: '200 MB (sparse)',
      make: (d) => {
        writeFileSync(join(d, 'plan', 'summary.json'), '');
        truncateSync(join(d, 'plan', 'summary.json'), 200 * 1024 * 1024);
      },
      line: "plan/summary.json is 209,715,200 bytes, more than a summary.json of arrcast's (at most 67,108,864)",
    },
  ];
  for (const c of CLI)
    it(`${c.name}: exit 2, the exact message, nothing written`, async () => {
      const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': ACTUALS });
      mkdirSync(join(dir, 'plan'), { recursive: true });
      c.make(dir);
      const prev = process.cwd();
      process.chdir(dir);
      try {
        const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', 'out', '-q');
        expect(r.code).toBe(2);
        expect(r.err.trim()).toBe(`arrcast: ${c.line}`);
        expect(existsSync(join(dir, 'out'))).toBe(false);
      } finally {
        process.chdir(prev);
      }
    });
});

describe('arrcast run --actuals --plan DIR of a run at another --confidence', () => {
  it('is refused (exit 2, nothing written): its budgets are another percentile than the row names; at its confidence they sit side by side', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': ACTUALS });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      const planRun = await runCli('run', 's.yaml', '--confidence', '60%', '--out', 'plan', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
      expect(planRun.code).toBe(0);
      const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', 'out', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
      expect(r.err.trim()).toBe(
        "arrcast: plan/summary.json decisions.confidence: the plan's budgets are at 60% confidence, the re-forecast's at 80%: give --confidence 60% to set them side by side",
      );
      expect(r.code).toBe(2);
      expect(existsSync(join(dir, 'out'))).toBe(false);
      const same = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--confidence', '60%', '--out', 'out', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
      expect(same.code).toBe(0);
      const plan = JSON.parse(readFileSync(join(dir, 'plan', 'summary.json'), 'utf8'));
      const out = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
      expect(out.reforecast.decisions.atPlan.budgets.revenue).toBe(plan.decisions.budgets.metrics.revenue.value);
    } finally {
      process.chdir(prev);
    }
  });
});

describe('arrcast run --actuals --plan DIR --out DIR', () => {
  it('is refused however --out spells the plan directory (exit 2): the re-forecast would replace the plan it is compared with', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': ACTUALS });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      const planRun = await runCli('run', 's.yaml', '--out', 'plan', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
      expect(planRun.code).toBe(0);
      const before = readFileSync(join(dir, 'plan', 'summary.json'), 'utf8');
      symlinkSync('plan', join(dir, 'link'));
      for (const out of ['plan', './plan/', 'link']) {
        const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', out, '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
        expect(r.err.trim()).toBe(`arrcast: --out ${out} is the --plan directory plan: the re-forecast would replace the plan it is compared with; name another directory`);
        expect(r.code).toBe(2);
        expect(readFileSync(join(dir, 'plan', 'summary.json'), 'utf8')).toBe(before);
      }
      const elsewhere = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', 'june', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
      expect(elsewhere.code).toBe(0);
    } finally {
      process.chdir(prev);
    }
  });
});

describe("arrcast run --actuals --plan DIR: the plan's chance of a target is shown only for the same target", () => {
  it('a scenario target whose label stayed but whose value moved has no "at plan" figure; an unchanged one keeps it', async () => {
    // The "at plan" column finds a target by its label: the plan's P(revenue >= 5M) was shown as
    // the chance at plan of "Goal" after Goal moved to 3M.
    const withTargets = (goal: string) => `${SCENARIO}targets:\n  metrics:\n    - { metric: revenue, value: ${goal}, label: Goal }\n    - { metric: endingArr, value: 3M, label: Floor }\n`;
    const dir = writeFiles({ 's.yaml': withTargets('5M'), 'actuals.csv': ACTUALS });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      expect((await runCli('run', 's.yaml', '--out', 'plan', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary')).code).toBe(0);
      writeFileSync(join(dir, 's.yaml'), withTargets('3M'));
      const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', 'june', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
      expect(r.code).toBe(0);
      const plan = JSON.parse(readFileSync(join(dir, 'plan', 'summary.json'), 'utf8'));
      const june = JSON.parse(readFileSync(join(dir, 'june', 'summary.json'), 'utf8'));
      expect(june.reforecast.decisions.now.targets.map((t: { label: string }) => t.label)).toEqual(['Goal', 'Floor']);
      const floorAtPlan = plan.decisions.targets.find((t: { label: string }) => t.label === 'Floor').probability.value;
      expect(june.reforecast.decisions.atPlan.targets).toEqual([{ label: 'Floor', probability: floorAtPlan }]);
    } finally {
      process.chdir(prev);
    }
  });

  it('a plan summary without what its targets tested still matches by label', () => {
    const p = parsePlanSummary(plan(), F, ID);
    expect(p.summary.decisions.targets).toEqual([{ label: 'revenue >= 9M', probability: { value: 0.4 } }]);
    const tested = parsePlanSummary(plan((s) => Object.assign(s.decisions.targets[0], { metric: 'revenue', value: 9e6, tier: 'E' })), F, ID);
    expect(tested.summary.decisions.targets).toEqual([{ label: 'revenue >= 9M', probability: { value: 0.4 }, metric: 'revenue', value: 9e6, tier: 'E' }]);
  });
});
