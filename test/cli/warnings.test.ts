import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { formatWarning, scenarioWarnings, silenceWarnings, WARNING_CODES, type PlausibilityWarning } from '../../src/analysis/plausibility.js';
import { warningsSection } from '../../src/report/html/warnings-section.js';
import { fixtureText, ROOT, scenarioFrom } from '../helpers/fixtures.js';

/** The CLI in-process, as main.ts runs it: stdout, stderr and the exit code. */
async function arrcast(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code: number = EXIT.ok;
  const program = buildProgram({ out: (t) => void (out += t), err: (t) => void (err += t) }, (c) => (code = c));
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-warnings-'));
const minimal = fixtureText('minimal.yaml');

/** minimal.yaml with each [from, to] replaced (each `from` must be there), written to a file of its own. */
function scenarioFile(edits: ReadonlyArray<readonly [string, string]>, dir = tmp()): string {
  let text = minimal;
  for (const [from, to] of edits) {
    expect(text, `minimal.yaml has ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  const file = join(dir, 'plan.yaml');
  writeFileSync(file, text);
  return file;
}

/** stderr lines that are warnings (a run also says where it wrote). */
const warningLines = (err: string) => err.split('\n').filter((l) => l.startsWith('arrcast: warning'));

/**
 * A run's warnings are computed from its summary before any file is written (src/cli/report-run.ts),
 * whatever --outputs says: runs whose test reads only stderr and summary.json write summary.json
 * alone (summary.json and scenario.json), not the charts, workbook and report.html of the defaults
 * (about half a second each). The tests of report.html write it.
 */
const SUMMARY_ONLY = ['--outputs', 'summary'];

// minimal.yaml: SMB, 1.2M opening ARR over 120 customers (10k each), 90% renewal, 100 leads a month
// at 5% (about 60 deals a year) of 12k ACV. Line 8 is openingArr, 10 renewalRate, 13 conversion, 14 acv.
describe('warnings of the scenario as stated (validate: no run needed)', () => {
  it.each<[string, Array<readonly [string, string]>, string[]]>([
    [
      'conversion 0.25 meant as 2.5%',
      [['conversion: 0.05', 'conversion: 0.25']],
      ['[conversion-high] FILE:13:19 tiers[0].newBusiness.conversion: 25% conversion is above 20%; did you mean 0.025 (2.5%) or 0.0025 (0.25%)? Lead to customer is usually 1-3% (opportunity to won 10-30%)'],
    ],
    [
      'conversion as a distribution: its central value (a beta mean)',
      [['conversion: 0.05', 'conversion: { dist: beta, mean: 0.3, sd: 0.02 }']],
      ['[conversion-high] FILE:13:19 tiers[0].newBusiness.conversion: 30% conversion is above 20%; did you mean 0.03 (3%) or 0.003 (0.3%)? Lead to customer is usually 1-3% (opportunity to won 10-30%)'],
    ],
    [
      // Was "did you mean 0.045 (4.5%) or 0.0045 (0.45%)?": the % says the planner meant 45%.
      'conversion written as 45%: taken as that percent, not re-scaled',
      [['conversion: 0.05', 'conversion: 45%']],
      ['[conversion-high] FILE:13:19 tiers[0].newBusiness.conversion: 45% conversion is above 20%: lead to customer is usually 1-3% (opportunity to won 10-30%)'],
    ],
    [
      "a lead source's conversion written as 40 %",
      [
        [
          '      leadsPerMonth: { dist: poisson, mean: 100 }\n      conversion: 0.05\n',
          '      leadSources:\n        - grade: A\n          leadsPerMonth: 10\n          conversion: 40 %\n        - grade: B\n          leadsPerMonth: 90\n          conversion: 0.02\n',
        ],
      ],
      ['[conversion-high] FILE:15:23 tiers[0].newBusiness.leadSources[0].conversion: 40% conversion is above 20%: lead to customer is usually 1-3% (opportunity to won 10-30%)'],
    ],
    ['conversion at 20% exactly: no warning', [['conversion: 0.05', 'conversion: 0.2']], []],
    [
      'a lead source converting at 40%',
      [
        [
          '      leadsPerMonth: { dist: poisson, mean: 100 }\n      conversion: 0.05\n',
          '      leadSources:\n        - grade: A\n          leadsPerMonth: 10\n          conversion: 0.4\n        - grade: B\n          leadsPerMonth: 90\n          conversion: 0.02\n',
        ],
      ],
      ['[conversion-high] FILE:15:23 tiers[0].newBusiness.leadSources[0].conversion: 40% conversion is above 20%; did you mean 0.04 (4%) or 0.004 (0.4%)? Lead to customer is usually 1-3% (opportunity to won 10-30%)'],
    ],
    [
      'an ACV of 120 a year',
      [['acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: { dist: lognormal, mean: 120, sd: 40 }']],
      ['[acv-low] FILE:14:12 tiers[0].newBusiness.acv: an ACV of 120 a year is below 500; SaaS contracts are usually from a few thousand (SMB) to a few hundred thousand (enterprise) a year'],
    ],
    [
      'an ACV of 12M a year',
      [['acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: 12M']],
      ['[acv-high] FILE:14:12 tiers[0].newBusiness.acv: an ACV of 12M a year is above 5M; SaaS contracts are usually from a few thousand (SMB) to a few hundred thousand (enterprise) a year'],
    ],
    [
      "an ACV whose year-level median is a distribution: that distribution's central value",
      [['acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: { dist: lognormal, median: { dist: pert, min: 200, mode: 300, max: 400 }, p90: 900 }']],
      ['[acv-low] FILE:14:12 tiers[0].newBusiness.acv: an ACV of 300 a year is below 500; SaaS contracts are usually from a few thousand (SMB) to a few hundred thousand (enterprise) a year'],
    ],
    [
      // 999.99M read '1,000M': three digits rounded up to the next unit are that unit's 1.
      'an opening book just under 1B, of 10M a customer: amounts carried to the next unit when rounding reaches 1,000',
      [['openingArr: 1200000', 'openingArr: 999_990_000'], ['customers: 120', 'customers: 100']],
      [
        "[acv-high] FILE:8:19 tiers[0].existing.openingArr: the opening book's average ARR per customer (1B / 100 customers) of 10M a year is above 5M; SaaS contracts are usually from a few thousand (SMB) to a few hundred thousand (enterprise) a year",
      ],
    ],
    [
      'an opening book of 10 a customer (openingArr missing three zeros)',
      [['openingArr: 1200000', 'openingArr: 1200']],
      [
        "[acv-low] FILE:8:19 tiers[0].existing.openingArr: the opening book's average ARR per customer (1,200 / 120 customers) of 10 a year is below 500; SaaS contracts are usually from a few thousand (SMB) to a few hundred thousand (enterprise) a year",
      ],
    ],
    [
      'a renewal rate of 40%',
      [['renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: { dist: beta, mean: 0.4, sd: 0.05 }']],
      ['[renewal-low] FILE:10:20 tiers[0].existing.renewalRate: a renewal rate of 40% is below 50%; renewal is usually 70-95% (GRR about 90-93% by contract size, 70-80% for SMB)'],
    ],
    [
      'a dollar renewal rate of 99.5%',
      [['renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'dollarRenewalRate: 0.995']],
      ['[renewal-high] FILE:10:26 tiers[0].existing.dollarRenewalRate: a dollar renewal rate of 99.5% is above 99%; renewal is usually 70-95% (GRR about 90-93% by contract size, 70-80% for SMB)'],
    ],
    [
      'a renewal rate of 99.96%: not rounded to 100%',
      [['renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: 0.9996']],
      ['[renewal-high] FILE:10:20 tiers[0].existing.renewalRate: a renewal rate of 99.96% is above 99%; renewal is usually 70-95% (GRR about 90-93% by contract size, 70-80% for SMB)'],
    ],
    [
      // 17% a month is 1 - 0.83^12 = 89.3% of the reps in a year; as a year's, 1 - 0.83^(1/12) = 0.0154 a month.
      "a rep attrition of 17% (a year's figure written as a month's)",
      [['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, attrition: 17%, capacity: 3 }']],
      ["[attrition-high] FILE:14:36 tiers[0].newBusiness.reps.attrition: attrition of 17% a month loses 89.3% of the reps in a year; it is a month's rate: if 17% is a year's, write 0.0154 (1.54%) a month"],
    ],
    [
      // Its central value (the beta's mean), as the other warnings read a distribution: 6% a month is 52.4% a year.
      'a rep attrition of a beta with mean 6%',
      [['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, attrition: { dist: beta, mean: 0.06, sd: 0.01 }, capacity: 3 }']],
      ["[attrition-high] FILE:14:36 tiers[0].newBusiness.reps.attrition: attrition of 6% a month loses 52.4% of the reps in a year; it is a month's rate: if 6% is a year's, write 0.00514 (0.514%) a month"],
    ],
    [
      // 10 customers x 0.25 = 2.5 due: rounded to 3, 30% of the ARR instead of 25% (20% more ARR at risk).
      'a small book whose calendar does not give whole customers',
      [['customers: 120', 'customers: 10\n      renewalCalendar: [0, 0, 0.05, 0, 0, 0.05, 0, 0, 0.1, 0, 0, 0.05]']],
      ['[renewal-calendar-rounded] FILE:10:24 tiers[0].existing.renewalCalendar: the shares renew 25% of the opening ARR this year, 2.5 of 10 customers; arrcast renews whole customers at the average ARR, 3 (30% of the ARR): give customers and shares whose products are whole numbers, or a customersFile'],
    ],
    // 41 x 0.25 = 10.25 due, renewed as 10: 2.4% of the ARR due, within the 5% the warning allows.
    ['a calendar rounded by less than 5% of the ARR due', [['customers: 120', 'customers: 41\n      renewalCalendar: [0, 0, 0.05, 0, 0, 0.05, 0, 0, 0.1, 0, 0, 0.05]']], []],
    ['a rep attrition of 5% a month (46% a year): the threshold, not above it', [['conversion: 0.05', 'conversion: 0.05\n      reps: { start: 2, attrition: 0.05, capacity: 3 }']], []],
    [
      // Valid (0.04^2 < 0.03 x 0.97), so it runs as before, but alpha = 0.52: most draws near 0, far from 3%. It ran without a word.
      'a conversion beta whose sd in % is wider than its mean keeps a hump for',
      [['conversion: 0.05', 'conversion: { dist: beta, mean: 3%, sd: 4% }']],
      ['[beta-piled-up] FILE:13:47 tiers[0].newBusiness.conversion.sd: a beta with mean 3% and sd 4% piles up at 0%: an sd this wide for its mean gives alpha 0.52, below 1, so its density rises without bound toward 0%: half its draws fall below 1.46% (its median) and 23.5% below 0.3%; for a range around 3%, give an sd of at most 2.91%, or state its P10, P50 and P90 ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })'],
    ],
    ['a conversion beta of mean 3% and sd 2.9%: a hump, no warning', [['conversion: 0.05', 'conversion: { dist: beta, mean: 3%, sd: 2.9% }']], []],
    [
      'several at once, in file order',
      [
        ['openingArr: 1200000', 'openingArr: 1200'],
        ['conversion: 0.05', 'conversion: 0.25'],
      ],
      [
        "[acv-low] FILE:8:19 tiers[0].existing.openingArr: the opening book's average ARR per customer (1,200 / 120 customers) of 10 a year is below 500; SaaS contracts are usually from a few thousand (SMB) to a few hundred thousand (enterprise) a year",
        '[conversion-high] FILE:13:19 tiers[0].newBusiness.conversion: 25% conversion is above 20%; did you mean 0.025 (2.5%) or 0.0025 (0.25%)? Lead to customer is usually 1-3% (opportunity to won 10-30%)',
      ],
    ],
  ])('%s', async (_, edits, expected) => {
    const file = scenarioFile(edits);
    const r = await arrcast(['validate', file]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toBe(`${file}: ok (Minimal, 1 tier)\n`);
    expect(r.err.split('\n').filter(Boolean)).toEqual(expected.map((l) => `arrcast: warning ${l.replace('FILE', file)}`));
  });

  it('a warning about a field a base scenario wrote points into the base', async () => {
    const dir = tmp();
    const base = scenarioFile([['conversion: 0.05', 'conversion: 0.25']], dir);
    const child = join(dir, 'child.yaml');
    writeFileSync(child, 'extends: plan.yaml\nname: Child\n');
    const r = await arrcast(['validate', child]);
    expect(r.code).toBe(EXIT.ok);
    expect(warningLines(r.err)).toEqual([expect.stringMatching(/^arrcast: warning \[conversion-high\] /)]);
    expect(warningLines(r.err)[0]).toContain(` ${base}:13:19 tiers[0].newBusiness.conversion: 25% conversion`);
  });
});

describe('warnings of a run (the median year)', () => {
  const run = async (edits: Array<readonly [string, string]>, extra: string[] = []) => {
    const dir = tmp();
    const file = scenarioFile(edits, dir);
    const out = join(dir, 'report');
    const r = await arrcast(['run', file, '--trials', '1000', '--workers', '0', '--quiet', '--no-progress', '--out', out, ...extra]);
    return { ...r, file, out };
  };

  it.each<[string, Array<readonly [string, string]>, string[]]>([
    [
      'more new customers than the opening book (20 customers, about 60 won)',
      [
        ['openingArr: 1200000', 'openingArr: 1M'],
        ['customers: 120', 'customers: 20'],
      ],
      ['[new-customers-above-book] FILE:12:7 tiers[0].newBusiness: the median year wins 60 new SMB customers, more than the 20 of its opening book; check leads and conversion'],
    ],
    [
      "a tier signing more new ARR than the company's opening ARR (60 deals of 40k against 1.2M)",
      [['acv: { dist: lognormal, mean: 12000, sd: 4000 }', 'acv: { dist: lognormal, mean: 40000, sd: 10000 }']],
      ["[new-business-above-opening-arr] FILE:12:7 tiers[0].newBusiness: SMB signs 2.4M of new ARR in an average year, more than the company's opening ARR of 1.2M; check leads, conversion and ACV"],
    ],
    [
      'a net revenue retention of about 170%',
      [['renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }\n      expansion: { probability: 0.9, size: 1 }']],
      ["[nrr-high] FILE:11:18 tiers[0].existing.expansion: SMB's median net revenue retention is 172%, above 150%; median public SaaS NRR is about 110-120%"],
    ],
    ['minimal.yaml itself: none', [], []],
  ])('%s', async (_, edits, expected) => {
    const r = await run(edits, SUMMARY_ONLY);
    expect(r.code).toBe(EXIT.ok);
    expect(warningLines(r.err)).toEqual(expected.map((l) => `arrcast: warning ${l.replace('FILE', r.file)}`));
  });

  it('a book read from a file counts its rows as the opening customers', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'book.csv'), 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator\nc1,SMB,12000,3,12,1,0.8,\nc2,SMB,9000,7,12,0,0.6,\nc3,SMB,15000,11,12,2,0.9,\n');
    const file = scenarioFile([['openingArr: 1200000\n      customers: 120', 'customersFile: book.csv']], dir);
    const r = await arrcast(['run', file, '--trials', '1000', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, 'report'), ...SUMMARY_ONLY]);
    expect(r.code).toBe(EXIT.ok);
    const lines = warningLines(r.err);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `arrcast: warning [new-customers-above-book] ${file}:11:7 tiers[0].newBusiness: the median year wins 60 new SMB customers, more than the 3 of its opening book; check leads and conversion`,
    );
    // The average year's new ARR is simulated: 100 leads x 5% x 12 months x 12k ACV = 720k, with a
    // standard error over 1,000 trials of sqrt(60 (12k² + 4k²)) / sqrt(1000) = 3.1k (Poisson deals,
    // lognormal ACV); 4 SE and the rounding to 1k allow 13k either side.
    const m = /^arrcast: warning \[new-business-above-opening-arr\] (.*):11:7 tiers\[0\]\.newBusiness: SMB signs (\d+)k of new ARR in an average year, more than the company's opening ARR of 36k; check leads, conversion and ACV$/.exec(lines[1]!);
    expect(m?.[1]).toBe(file);
    expect(Math.abs(Number(m![2]) - 720)).toBeLessThanOrEqual(13);
  });

  it('the issue\'s case: conversion 0.25 gives the stated warning and both of the run\'s, on stderr, in summary.json and in report.html', async () => {
    const r = await run([['conversion: 0.05', 'conversion: 0.25']]);
    expect(r.code).toBe(EXIT.ok);
    const lines = warningLines(r.err);
    expect(lines.map((l) => /\[([a-z-]+)\]/.exec(l)![1])).toEqual(['conversion-high', 'new-customers-above-book', 'new-business-above-opening-arr']);
    const summary = JSON.parse(readFileSync(join(r.out, 'summary.json'), 'utf8')) as { warnings: PlausibilityWarning[] };
    expect(summary.warnings.map(formatWarning)).toEqual(lines);
    expect(summary.warnings[0]).toEqual({
      code: 'conversion-high',
      message: expect.stringMatching(/^25% conversion is above 20%/),
      path: ['tiers', 0, 'newBusiness', 'conversion'],
      file: r.file,
      line: 13,
      column: 19,
    });
    const html = readFileSync(join(r.out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Check these inputs</h2>');
    expect(html.indexOf('Check these inputs')).toBeLessThan(html.indexOf('<h2>Headline</h2>'));
    expect(html).toContain(`<li><code>conversion-high</code> <code>${r.file}:13:19 tiers[0].newBusiness.conversion</code>: 25% conversion is above 20%`);
  });

  it('--no-warn CODE silences exactly that one, everywhere; repeated, each; all, every one', async () => {
    const bad: Array<readonly [string, string]> = [['conversion: 0.05', 'conversion: 0.25']];
    const codes = async (extra: string[]) => {
      const r = await run(bad, extra);
      expect(r.code).toBe(EXIT.ok);
      const summary = JSON.parse(readFileSync(join(r.out, 'summary.json'), 'utf8')) as { warnings: PlausibilityWarning[] };
      const fromErr = warningLines(r.err).map((l) => /\[([a-z-]+)\]/.exec(l)![1]);
      expect(summary.warnings.map((w) => w.code)).toEqual(fromErr);
      const html = readFileSync(join(r.out, 'report.html'), 'utf8');
      expect(html.includes('Check these inputs')).toBe(fromErr.length > 0);
      return fromErr;
    };
    expect(await codes(['--no-warn', 'conversion-high'])).toEqual(['new-customers-above-book', 'new-business-above-opening-arr']);
    expect(await codes(['--no-warn', 'new-customers-above-book', '--no-warn', 'conversion-high'])).toEqual(['new-business-above-opening-arr']);
    expect(await codes(['--no-warn', 'all'])).toEqual([]);
    const file = scenarioFile(bad);
    const v = await arrcast(['validate', file, '--no-warn', 'conversion-high']);
    expect(v.err).toBe('');
    expect(v.code).toBe(EXIT.ok);
  });

  it('merged shards warn as the single run does, at the same lines; --no-warn works on merge too', async () => {
    const dir = tmp();
    // And a seasonality whose commas read as decimal commas (decimal-comma-list, from the file's text, not the scenario's).
    const file = scenarioFile([['conversion: 0.05', 'conversion: 0.25\n      seasonality: [0,9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]']], dir);
    const common = ['--trials', '2000', '--seed', '5', '--workers', '0', '--no-progress'];
    const single = await arrcast(['run', file, ...common, '--quiet', '--out', join(dir, 'single'), ...SUMMARY_ONLY]);
    for (const k of [1, 2]) expect((await arrcast(['run', file, ...common, '--shard', `${k}/2`, '--out', join(dir, 'parts/')])).code).toBe(EXIT.ok);
    const merged = await arrcast(['merge', join(dir, 'parts'), '--quiet', '--out', join(dir, 'merged'), ...SUMMARY_ONLY]);
    expect(merged.code).toBe(EXIT.ok);
    // Five: read as [0, 9, 1, ...], the seasonality also has a month of 0 in weights averaging 1.58 (seasonality-rescaled).
    expect(warningLines(merged.err)).toHaveLength(5);
    expect(warningLines(merged.err)[0]).toMatch(/^arrcast: warning \[decimal-comma-list\] .*plan\.yaml:14:20 tiers\[0\]\.newBusiness\.seasonality: read as 12 values/);
    expect(warningLines(merged.err).filter((l) => l.includes('[seasonality-rescaled]'))).toHaveLength(1);
    expect(warningLines(merged.err)).toEqual(warningLines(single.err));
    expect(readFileSync(join(dir, 'merged', 'summary.json'), 'utf8')).toBe(readFileSync(join(dir, 'single', 'summary.json'), 'utf8'));
    const quiet = await arrcast(['merge', join(dir, 'parts'), '--quiet', '--no-warn', 'all', '--out', join(dir, 'merged'), ...SUMMARY_ONLY]);
    expect(warningLines(quiet.err)).toEqual([]);
  });

  it('--no-warn with a code that does not exist is refused, with the code it probably means', async () => {
    const r = await arrcast(['validate', join(ROOT, 'test/fixtures/minimal.yaml'), '--no-warn', 'conversion-hi']);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain(`"conversion-hi" is not a warning code (did you mean conversion-high?); the codes are ${WARNING_CODES.join(', ')}, or all`);
  });
});

describe('the example scenarios', () => {
  const examples = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

  it('validate without a warning', async () => {
    const r = await arrcast(['validate', ...examples.map((f) => join(ROOT, 'scenarios', f))]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toBe('');
  });

  it.each(examples)('%s runs without a warning', async (f) => {
    const out = join(tmp(), 'report');
    const r = await arrcast(['run', join(ROOT, 'scenarios', f), '--trials', '1000', '--workers', '0', '--quiet', '--no-progress', '--out', out, ...SUMMARY_ONLY]);
    expect(r.code).toBe(EXIT.ok);
    expect(warningLines(r.err)).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).warnings).toEqual([]);
  });
});

describe('the starter of arrcast init', () => {
  it('validates and runs without a warning', async () => {
    const dir = tmp();
    const file = join(dir, 'plan.yaml');
    expect((await arrcast(['init', file])).code).toBe(EXIT.ok);
    const v = await arrcast(['validate', file]);
    expect(v.code).toBe(EXIT.ok);
    expect(v.err).toBe('');
    const r = await arrcast(['run', file, '--trials', '1000', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, 'report'), ...SUMMARY_ONLY]);
    expect(r.code).toBe(EXIT.ok);
    expect(warningLines(r.err)).toEqual([]);
  });
});

describe('warnings as data', () => {
  it('carry a code, a message and a path, and no position until located', () => {
    const loaded = scenarioFrom(minimal.replace('conversion: 0.05', 'conversion: 0.25'));
    expect(scenarioWarnings(loaded.scenario)).toEqual([
      { code: 'conversion-high', message: expect.stringMatching(/^25% conversion/), path: ['tiers', 0, 'newBusiness', 'conversion'] },
    ]);
  });

  it('silenceWarnings takes out the codes given, or every one with all', () => {
    const w = (code: PlausibilityWarning['code']): PlausibilityWarning => ({ code, message: 'm', path: [] });
    const all = [w('acv-low'), w('conversion-high'), w('acv-low')];
    expect(silenceWarnings(all, ['acv-low'])).toEqual([w('conversion-high')]);
    expect(silenceWarnings(all, ['all'])).toEqual([]);
    expect(silenceWarnings(all, [])).toEqual(all);
  });

  it('report.html\'s section escapes every string, and is empty without warnings', () => {
    expect(warningsSection([])).toBe('');
    expect(warningsSection(undefined)).toBe('');
    const html = warningsSection([{ code: 'acv-low', message: 'a <b>bold</b> & "quoted" claim', path: ['tiers', 0, '<script>'], file: 'x<y>.yaml', line: 3, column: 4 }]);
    expect(html).toContain('<code>x&lt;y&gt;.yaml:3:4 tiers[0][&quot;&lt;script&gt;&quot;]</code>: a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claim');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });
});
