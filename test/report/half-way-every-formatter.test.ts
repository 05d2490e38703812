import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { conditionWords, driverValue, extraFormat, percentileWords } from '../../src/report/summary-table.js';
import { formatCount, formatMoney, formatPercent, formatTenths, columnPercent, wholePercentDigits } from '../../src/report/format.js';
import { formatCurrency, formatShare } from '../../src/report/money.js';
import { moneyBesideFormat } from '../../src/report/interval-format.js';
import { twoSignificantDigits } from '../../src/math/share-decimals.js';
import { confidenceWords } from '../../src/report/confidence-text.js';
import { csvNumber } from '../../src/report/csv-field.js';
import { AsciiBuffer } from '../../src/report/ascii-buffer.js';
import { formatDriverValue } from '../../src/studio/controls.js';
import { formatMarketFactor } from '../../src/analysis/compare.js';
import { badYearRows } from '../../src/report/charts/bad-years.js';
import { downsideSection } from '../../src/report/html/downside-section.js';
import { EXTRA_KEYS } from '../../src/model/drivers/extra-keys.js';
import type { DriverCondition } from '../../src/analysis/what-must-be-true.js';
import { TWO_TIERS } from './fixture.js';

/**
 * Every figure arrcast displays rounds a half of its DECIMAL away from zero (math/decimal-round.ts),
 * as the Assumptions table and report.xlsx (Excel rounds the decimal) do. Each value below is a
 * decimal half that its double holds just below (1.005 is 1.00499999999999989...), so toFixed,
 * toPrecision and Math.round on it rounded down: the expected digits are worked by hand from the
 * decimal, and the comment beside each gives what the old formatter wrote.
 */
const fixed = (value: number, decimals: number) => {
  const b = new AsciiBuffer(4);
  b.fixed(value, decimals);
  return Buffer.from(b.view()).toString('latin1');
};

describe('a decimal half, in every display formatter', () => {
  it.each<[string, () => string, string]>([
    // what-must-be-true: conversion 0.1235 is 12.4% in Assumptions; toPrecision(3) wrote 12.3%.
    ['driverValue rate 12.35%', () => driverValue(0.1235, 'rate'), '12.4%'],
    ['driverValue deals 1.115', () => driverValue(1.115, 'deals per rep a month'), '1.12 deals per rep a month'], // was 1.11
    ['driverValue market 1.005 sd', () => driverValue(1.005, 'market'), '1.01 sd'], // was 1.00
    ['driverValue market -1.005 sd', () => driverValue(-1.005, 'market'), '-1.01 sd'], // was -1.00
    ['driverValue other unit 2.675', () => driverValue(2.675, 'months' as DriverCondition['unit']), '2.68 months'], // was 2.67
    ['ramped reps 1.15 (terminal)', () => extraFormat(EXTRA_KEYS.ramped(3))(1.15), '1.2'], // was 1.1
    ['ramped reps 1.15 (report.html)', () => formatTenths(1.15), '1.2'], // was 1.1
    ['tenths of a negative that rounds to zero', () => formatTenths(-0.01), '0.0'], // toFixed's -0.0 (found by fuzz.mjs)
    ['whole percent 28.5', () => wholePercentDigits(0.285), '29'], // Math.round(28.499999999999996) was 28
    ['percentile words 28.5%', () => percentileWords(0.285, 'rate', 'atMost'), '(its P29; true in 29% of years)'], // was P28 (toFixed of the double 28.499...)
    ['studio rate below 10%', () => formatDriverValue('rate', 0.01005, '$'), '1.01%'], // was 1.00%
    ['studio other unit', () => formatDriverValue('months' as Parameters<typeof formatDriverValue>[0], 1.005, '$'), '1.01'], // was 1.00
    ['csvNumber 1.005', () => csvNumber(1.005, 2), '1.01'], // was 1
    ['csvNumber -1.005', () => csvNumber(-1.005, 2), '-1.01'], // was -1
    ['AsciiBuffer.fixed 1.005', () => fixed(1.005, 2), '1.01'], // was 1
    ['AsciiBuffer.fixed -1.005', () => fixed(-1.005, 2), '-1.01'], // was -1
    ['AsciiBuffer.fixed 1.0049 (not a half)', () => fixed(1.0049, 2), '1'],
    ['formatCount -2.5', () => formatCount(-2.5), '-3'], // Math.round(-2.5) was -2
    ['market factor -0.5245', () => formatMarketFactor(-0.5245), '-0.525'], // was -0.524
    ['confidence 0.9455', () => JSON.stringify(confidenceWords(0.9455)), JSON.stringify({ share: '94.6%', percentile: 'P5.4' })], // was 94.5% and P5.4
  ])('%s', (_, shown, want) => {
    expect(shown()).toBe(want);
  });

  it("the what-must-be-true line writes the plan's conversion as Assumptions does", () => {
    const c: DriverCondition = { key: 'driver.SMB.conversion', label: 'SMB conversion', unit: 'rate', tier: 'SMB', planValue: 0.1235, varianceShare: 0.5, reach: 'crosses', percentile: 0.2, value: 0.1, direction: 'atMost' };
    expect(conditionWords(c)).toBe('SMB conversion 10% instead of the planned 12.4% (its P20; true in 20% of years)');
  });

  it('a confidence and its percentile add to 100 as written, for every k/2000 and k/20000', () => {
    // Integer arithmetic on the written digits: share + percentile = 100 exactly.
    const scaled = (text: string, decimals: number) => {
      const [whole, fraction = ''] = text.replace(/^P|%$/g, '').split('.');
      return BigInt(whole!) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
    };
    for (const n of [2000, 20000])
      for (let k = 1; k < n; k++) {
        const w = confidenceWords(k / n);
        expect(scaled(w.share, 4) + scaled(w.percentile, 4), `${k}/${n}: ${w.share} ${w.percentile}`).toBe(100n * 10n ** 4n);
      }
  });
});

describe("the bad years' driver percentiles", () => {
  let summary: Summary;
  beforeAll(async () => {
    const s = summarize(await simulate(parseScenario(TWO_TIERS, 'plan.yaml'), { trials: 400, workers: 0 }));
    summary = JSON.parse(JSON.stringify(s)) as Summary;
    // A driver whose bad years sit at its 28.5th percentile on average: a percentile the table writes as 28.5%.
    const drivers = summary.badYears.metrics.revenue.drivers as unknown as Array<{ meanPercentile: number }>;
    expect(drivers.length).toBeGreaterThan(0);
    drivers[0]!.meanPercentile = 0.285;
  });

  it('read P29 in the chart and in report.html, beside the table\'s 28.5%', () => {
    const d = summary.badYears.metrics.revenue.drivers[0]!;
    expect(columnPercent(0.285)).toBe('28.5%');
    expect(badYearRows(summary, '$').drivers[0]!.text).toBe('P29'); // was P28
    expect(downsideSection(summary)).toContain(`${d.label} at its P29 on average`); // was P28
  });
});

describe('no formatter throws on a finite number', () => {
  const extremes = [5e-324, -5e-324, 1e-105, -1e-105, 1e-300, 2.2250738585072014e-308, 0.5, -0.5, 1e15, -1e15, 1.7976931348623157e308, -1.7976931348623157e308, 0, -0];
  it.each<[string, (v: number) => string]>([
    ['formatShare', formatShare],
    ['formatPercent', formatPercent],
    ['twoSignificantDigits', twoSignificantDigits],
    ['formatMoney', formatMoney],
    ['formatCurrency', (v) => formatCurrency(v, '$')],
    ['moneyBesideFormat', (v) => moneyBesideFormat(v, [v, 1], '$')(v)],
    ['columnPercent', columnPercent],
    ['formatCount', formatCount],
    ['formatTenths', formatTenths],
    ['driverValue rate', (v) => driverValue(v, 'rate')],
    ['driverValue market', (v) => driverValue(v, 'market')],
    ['formatDriverValue rate', (v) => formatDriverValue('rate', v, '$')],
    ['csvNumber', (v) => csvNumber(v, 2)],
    ['AsciiBuffer.fixed', (v) => fixed(v, 2)],
  ])('%s', (_, format) => {
    for (const v of extremes) expect(() => format(v), String(v)).not.toThrow();
    // formatShare(1e-105) threw a RangeError (toFixed takes at most 100 decimals); now positional.
    if (_ === 'formatShare') expect(format(1e-105)).toBe(`0.${'0'.repeat(102)}10%`);
  });
});

describe('the rounding of displayed figures goes through math/decimal-round.ts', () => {
  // A guard on the class: toFixed and toPrecision round the binary double, so a display formatter in
  // these folders may not call them, but for these uses, which round no figure a reader compares.
  const ALLOWED: ReadonlyArray<[string, RegExp]> = [
    ['report/format.ts', /\(0\)\.toFixed\(decimals\)/], // the digits of zero
    ['report/variance-share-format.ts', /\(0\)\.toFixed\(decimals\)/],
    ['report/ascii-buffer.ts', /scaled\.toPrecision\(15\)/], // the decimal view itself
    ['report/assumptions.ts', /\(p \* 100\)\.toPrecision\(6\)/], // a typed quantile point's name, no rounding
    ['analysis/plan-summary.ts', /\(x \* 100\)\.toPrecision\(12\)/], // a typed rate, float noise dropped
    ['report/read-report-trials.ts', /\.toPrecision\(10\)/], // an error message's two means
    ['cli/shard-commands.ts', /process\.uptime\(\)\.toFixed\(1\)/], // timings
    ['cli/program.ts', /process\.uptime\(\)\.toFixed\(1\)/],
    ['cli/progress-bar.ts', /\/ rate\)\.toFixed\(0\)/],
  ];
  const src = resolve(__dirname, '../../src');
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  it('no other toFixed or toPrecision in report, cli, studio or analysis', () => {
    const found: string[] = [];
    for (const room of ['report', 'cli', 'studio', 'analysis'])
      for (const file of files(join(src, room))) {
        const name = relative(src, file).replace(/\\/g, '/');
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/^\s*(\/\/|\*)/.test(line) || !/\.to(Fixed|Precision)\(/.test(line)) return;
            if (!ALLOWED.some(([f, pattern]) => f === name && pattern.test(line))) found.push(`${name}:${i + 1}`);
          });
      }
    expect(found).toEqual([]);
  });
});
