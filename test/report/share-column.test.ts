import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { percentColumn } from '../../src/report/format.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * The terminal's "What moves recognized revenue" table printed one share as 0.1% and the next as
 * 0.099% (two significant digits below 0.1%), and a negative share (-0.2%) without a word.
 */
let summary: Summary;

beforeAll(async () => {
  summary = summarize(await simulate(await loadScenario(join(ROOT, 'scenarios/example.yaml')), { trials: 2000, workers: 0 }));
}, 120_000);

/** The lines of the company's sensitivity table, from its head to the blank line after it. */
function sensitivityLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('What moves recognized revenue'));
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

/** The summary with the company's first drivers' shares (and intervals) replaced; the others' set to 2% [1%, 3%]. */
function withShares(shares: ReadonlyArray<readonly [number, number, number]>): Summary {
  const s = structuredClone(summary);
  const own = s.sensitivity.drivers.filter((d) => d.ownUncertainty);
  expect(own.length).toBeGreaterThan(shares.length);
  own.forEach((d, i) => {
    const [v, lo, hi] = shares[i] ?? [0.02, 0.01, 0.03];
    Object.assign(d, { varianceShare: v, varianceShareInterval: [lo, hi] });
  });
  return s;
}

const row = (lines: string[], label: string) => lines.find((l) => l.startsWith(`  ${label} `))!;

describe("the terminal's variance shares: one number of decimals a column, and a word on negative shares", () => {
  it('percentColumn: the same decimals for every value of a column', () => {
    const f = percentColumn([0.001, 0.00099, -0.002, 0.5]);
    expect([0.001, 0.00099, -0.002, 0.5, -0.0001].map(f)).toEqual(['0.1%', '0.1%', '-0.2%', '50.0%', '0.0%']);
    // A value just below 1 takes the decimals that keep it from 100%, for the whole column.
    const g = percentColumn([0.9996, 0.00099]);
    expect([0.9996, 0.00099].map(g)).toEqual(['99.96%', '0.10%']);
  });

  it('0.1% and 0.099% print alike, with no "0.099%" in the column', () => {
    const s = withShares([
      [0.001, 0.0006, 0.0017],
      [0.00099, 0.0003, 0.0016],
    ]);
    const own = s.sensitivity.drivers.filter((d) => d.ownUncertainty);
    const lines = sensitivityLines(summaryTable(s));
    expect(row(lines, own[0]!.label)).toMatch(/ 0\.1% +\[0\.1%, 0\.2%\] /);
    expect(row(lines, own[1]!.label)).toMatch(/ 0\.1% +\[0\.0%, 0\.2%\] /);
    expect(lines.join('\n')).not.toMatch(/0\.0\d\d%/);
  });

  it('a negative share gets a one-line note under the table; none without one', () => {
    const negative = sensitivityLines(summaryTable(withShares([[-0.002, -0.006, 0.002]])));
    expect(negative.some((l) => / -0\.2% /.test(l))).toBe(true);
    expect(negative.at(-1)).toMatch(/^A negative share: no effect beyond chance/);
    const positive = sensitivityLines(summaryTable(withShares([[0.002, 0.001, 0.003]])));
    expect(positive.join('\n')).not.toContain('A negative share');
    // A share just below 0 that prints as 0.0% needs no note.
    expect(sensitivityLines(summaryTable(withShares([[-0.0001, -0.004, 0.004]]))).join('\n')).not.toContain('A negative share');
  });
});
