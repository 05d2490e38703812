import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { MAX_TRIALS_LINE_CHARS } from '../../src/report/read-report-trials.js';

/**
 * A report given to `arrcast score` is input: forged, truncated, or holding a FIFO or a link to a
 * device where a file should be. Each is exit 2 with a message naming the file, at once: nothing
 * blocks (a FIFO would wait forever, deaf to Ctrl-C), nothing unbounded is read (/dev/zero), and
 * no forged number reaches an internal error.
 */
const SCENARIO = `name: Forged
seed: 3
tiers:
  - name: SMB
    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }
  - name: Ent
    existing: { openingArr: 20M, customers: 100, renewalRate: 0.9 }
`;

let dir: string;
let good: string;
let outcomes: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-forged-'));
  writeFileSync(join(dir, 'plan.yaml'), SCENARIO);
  good = join(dir, 'good');
  const r = await runCli('run', join(dir, 'plan.yaml'), '--trials', '50', '--workers', '0', '--quiet', '--no-progress', '--out', good, '--outputs', 'summary,trials,sipmath');
  if (r.code !== 0) throw new Error(r.err);
  outcomes = join(dir, 'outcomes.csv');
  writeFileSync(outcomes, 'tier,metric,value\ntotal,revenue,30000000\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the good report named `name`, changed by `forge`. */
function forged(name: string, forge: (report: string) => void): string {
  const report = join(dir, name);
  cpSync(good, report, { recursive: true });
  forge(report);
  return report;
}
const fifo = (path: string) => {
  unlinkSync(path);
  execFileSync('mkfifo', [path]);
};
const link = (path: string, target: string) => {
  unlinkSync(path);
  symlinkSync(target, path);
};
const editSummary = (r: string, edit: (s: Record<string, unknown>) => void) => {
  const s = JSON.parse(readFileSync(join(r, 'summary.json'), 'utf8')) as Record<string, unknown>;
  edit(s);
  writeFileSync(join(r, 'summary.json'), JSON.stringify(s));
};
const withoutTrials = (r: string) => unlinkSync(join(r, 'trials.csv'));

describe('arrcast score on forged reports', () => {
  const cases: Array<[string, (report: string) => void, (report: string) => string]> = [
    ['summary.json a FIFO', (r) => fifo(join(r, 'summary.json')), (r) => `${r}/summary.json is a FIFO (named pipe), not a regular file`],
    ['scenario.json a FIFO', (r) => fifo(join(r, 'scenario.json')), (r) => `${r}/scenario.json is a FIFO (named pipe), not a regular file`],
    ['trials.csv a FIFO', (r) => fifo(join(r, 'trials.csv')), (r) => `${r}/trials.csv is not a regular file: a report's trials.csv is one`],
    ['sipmath.json a link to /dev/zero', (r) => (withoutTrials(r), link(join(r, 'sipmath.json'), '/dev/zero')), (r) => `${r}/sipmath.json is a device, not a regular file`],
    ['trials of 1e15 in summary.json', (r) => writeFileSync(join(r, 'summary.json'), '{"scenario":{"name":"x"},"trials":1e15,"byTier":{"SMB":{}}}'), (r) => `${r}/summary.json is not an arrcast summary (no scenario, tiers, or trials from 1 to 10,000,000)`],
    ['summary.json not JSON', (r) => writeFileSync(join(r, 'summary.json'), 'root:x:0:0:root:/root:/bin/bash\n'), (r) => `${r}/summary.json is not an arrcast summary (no scenario, tiers, or trials from 1 to 10,000,000)`],
    ['summary.json null', (r) => writeFileSync(join(r, 'summary.json'), 'null'), (r) => `${r}/summary.json is not an arrcast summary (no scenario, tiers, or trials from 1 to 10,000,000)`],
    ['sipmath.json with null SIPs', (r) => (withoutTrials(r), writeFileSync(join(r, 'sipmath.json'), '{"sips":[null,1,{"name":"revenue"}]}')), (r) => `${r}/sipmath.json: SIP revenue does not hold 50 numbers, one per trial`],
    ['trials.csv of one endless line', (r) => writeFileSync(join(r, 'trials.csv'), 'trial,revenue\n' + '1'.repeat(MAX_TRIALS_LINE_CHARS + 10)), (r) => `${r}/trials.csv: line 2 is longer than 16,777,216 characters: not a trials.csv arrcast writes`],
    ['trials.csv with a header that is not CSV', (r) => writeFileSync(join(r, 'trials.csv'), 'trial,"revenue\n1,2\n'), (r) => `${r}/trials.csv:1: the header is not a CSV row: not a trials.csv arrcast writes`],
    // A summary another version wrote was read as version 1's and scored without a word.
    [
      'a summary of another summary version',
      (r) => editSummary(r, (s) => (s.tool = { name: 'arrcast', summaryVersion: 2, generator: 'sfc32-alea-v2' })),
      (r) => `${r}/summary.json is summary version 2; this arrcast reads version 1: re-run the forecast with this arrcast (--outputs default,trials) to score it`,
    ],
    [
      'a summary with no tool',
      (r) => editSummary(r, (s) => delete s.tool),
      (r) => `${r}/summary.json is not an arrcast summary (it does not name arrcast as its tool): score the report directory of an arrcast run`,
    ],
    ['sipmath.json not JSON', (r) => (withoutTrials(r), writeFileSync(join(r, 'sipmath.json'), '{"sips":')), (r) => `${r}/sipmath.json is not JSON`],
    // One long array of small numbers: JSON.parse took 606 MB more for 64 MB of "0,". A report of 50
    // trials and 2 tiers has 5 SIPs: 250 values, and up to 100 + 5 x 100 of header and metadata.
    [
      'sipmath.json of a million zeros for 50 trials',
      (r) => (withoutTrials(r), writeFileSync(join(r, 'sipmath.json'), `{"sips":[{"name":"revenue","arguments":{"value":[${'0,'.repeat(999_999)}0]}}]}`)),
      (r) => `${r}/sipmath.json holds more than 850 values: more than the file arrcast wrote would (50 trials, 5 SIPs)`,
    ],
    // Re-saved as UTF-16 (Notepad's "Unicode"): each read as 'not JSON' before the nineteenth session.
    [
      'summary.json re-saved as UTF-16 with a byte-order mark',
      (r) => writeFileSync(join(r, 'summary.json'), Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(readFileSync(join(r, 'summary.json'), 'utf8'), 'utf16le')])),
      (r) => `${r}/summary.json is UTF-16 text: arrcast writes its report files as UTF-8; save it as UTF-8, or re-run the forecast`,
    ],
    [
      'sipmath.json re-saved as UTF-16 without a byte-order mark',
      (r) => (withoutTrials(r), writeFileSync(join(r, 'sipmath.json'), Buffer.from(readFileSync(join(r, 'sipmath.json'), 'utf8'), 'utf16le'))),
      (r) => `${r}/sipmath.json is UTF-16 text without a byte-order mark: arrcast writes its report files as UTF-8; save it as UTF-8, or re-run the forecast`,
    ],
    // trials.csv so re-saved read as 'has more rows than the 50 trials its summary.json counts'.
    [
      'trials.csv re-saved as UTF-16 with a byte-order mark',
      (r) => writeFileSync(join(r, 'trials.csv'), Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(readFileSync(join(r, 'trials.csv'), 'utf8'), 'utf16le')])),
      (r) => `${r}/trials.csv is UTF-16 text: arrcast writes its report files as UTF-8; save it as UTF-8, or re-run the forecast`,
    ],
    [
      'trials.csv re-saved as UTF-16 without a byte-order mark',
      (r) => writeFileSync(join(r, 'trials.csv'), Buffer.from(readFileSync(join(r, 'trials.csv'), 'utf8'), 'utf16le')),
      (r) => `${r}/trials.csv is UTF-16 text without a byte-order mark: arrcast writes its report files as UTF-8; save it as UTF-8, or re-run the forecast`,
    ],
  ];
  it.each(cases)('refuses %s with exit 2', async (name, forge, message) => {
    const report = forged(name.replace(/\W+/g, '-'), forge);
    const r = await runCli('score', report, '--actuals', outcomes);
    expect(r.err).toBe(`arrcast: ${message(report)}\n`);
    expect(r.code).toBe(2);
  });
});

describe("arrcast score on a report holding another run's trials", () => {
  // trials.csv (or sipmath.json) copied in from another run of as many trials was scored as this
  // report's forecast, without a word: its PITs and CRPS were the other run's.
  it.each([
    ['trials.csv', (_: string) => undefined],
    ['sipmath.json', (r: string) => withoutTrials(r)],
  ])("refuses a %s that is another run's (exit 2), and scores its own", async (file, prepare) => {
    const other = join(dir, `other-${file}`);
    const run = await runCli('run', join(dir, 'plan.yaml'), '--trials', '50', '--seed', '4', '--workers', '0', '--quiet', '--no-progress', '--out', other, '--outputs', 'summary,trials,sipmath');
    expect(run.code).toBe(0);
    const report = forged(`swapped-${file}`, (r) => {
      prepare(r);
      cpSync(join(other, file), join(r, file));
    });
    const r = await runCli('score', report, '--actuals', outcomes);
    expect(r.err).toMatch(new RegExp(`^arrcast: ${report}/${file} is not this report's: its revenue averages [0-9.]+ over its 50 trials, but ${report}/summary.json says [0-9.]+; `));
    expect(r.code).toBe(2);
    const own = forged(`own-${file}`, prepare);
    expect((await runCli('score', own, '--actuals', outcomes)).code).toBe(0);
    expect((await runCli('score', other, '--actuals', outcomes)).code).toBe(0);
  });
});

describe('arrcast score on a report whose written digits round its values', () => {
  // A tier's revenue of 100.123 in every trial (float32 100.12300109...) is written 100.12 in
  // trials.csv and 100 in sipmath.json (a tier's revenue in whole units): the mean check refused
  // the report's own trials as another run's. Written 100.1230: `100.123`, a point before three
  // digits, is refused in money (a thousands separator or a decimal point; money-point-unquoted.test.ts).
  it.each([
    ['trials.csv', (_: string) => undefined],
    ['sipmath.json', (r: string) => withoutTrials(r)],
  ])('scores its own %s', async (file, prepare) => {
    const plan = join(dir, 'cents.yaml');
    writeFileSync(plan, `${SCENARIO}  - name: Tiny\n    existing: { openingArr: 100.1230, customers: 1, renewalRate: 1 }\n`);
    const report = join(dir, `cents-${file}`);
    const run = await runCli('run', plan, '--trials', '50', '--workers', '0', '--quiet', '--no-progress', '--out', report, '--outputs', 'summary,trials,sipmath', '--no-warn', 'all');
    expect(run.code, run.err).toBe(0);
    prepare(report);
    const tiny = join(dir, 'tiny-outcomes.csv');
    writeFileSync(tiny, 'tier,metric,value\nTiny,revenue,100\ntotal,revenue,30000000\n');
    const r = await runCli('score', report, '--actuals', tiny);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});
