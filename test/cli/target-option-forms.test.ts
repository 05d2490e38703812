import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTarget } from '../../src/cli/parse-options.js';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * How a newcomer writes --target before reading its help. `-t "revenue = 22M"` was refused with
 * '"revenue" is not a metric (did you mean revenue?)', a suggestion of what was written;
 * `revenue:22M` and `22M` with only "is not a target; write metric=value".
 */
describe('--target as a newcomer writes it', () => {
  it.each([
    ['revenue = 22M', [{ metric: 'revenue', value: 22e6 }]],
    ['revenue =22M', [{ metric: 'revenue', value: 22e6 }]],
    ['SMB: bookings = 5M', [{ metric: 'bookings', value: 5e6, tier: 'SMB' }]],
    ['SMB : endingArr= 7.5M', [{ metric: 'endingArr', value: 7.5e6, tier: 'SMB' }]],
    // A comma inside the amount is its thousands separator, not a second target.
    ['revenue=1,200,000', [{ metric: 'revenue', value: 1.2e6 }]],
  ])('%s is read as the target it writes', (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it.each([
    ['revenue:22M', '"revenue:22M" is not a target: write revenue=22M (metric=value)'],
    ['SMB:revenue: 30M', '"SMB:revenue: 30M" is not a target: write SMB:revenue=30M (metric=value)'],
    ['22M', '"22M" is not a target: name the metric it is a target of, e.g. revenue=22M (or bookings=, endingArr=, SMB:revenue=)'],
    ['120,000,000', '"120,000,000" is not a target: name the metric it is a target of, e.g. revenue=120,000,000 (or bookings=, endingArr=, SMB:revenue=)'],
    // Several targets in one: read as revenue at "22M,bookings=30M" and told '"22M,bookings=30M" is not a number'.
    ['revenue=22M,bookings=30M', '"revenue=22M,bookings=30M" holds 2 targets: give --target once for each (--target revenue=22M --target bookings=30M)'],
    ['revenue=22M bookings=30M', '"revenue=22M bookings=30M" holds 2 targets: give --target once for each (--target revenue=22M --target bookings=30M)'],
    ['revenue=22M; SMB:revenue=5M', '"revenue=22M; SMB:revenue=5M" holds 2 targets: give --target once for each (--target revenue=22M --target SMB:revenue=5M)'],
    // However its parts read: a misspelt metric, a share for an amount, joined by 'and' (each was '"22M,..." is not a number').
    ['revenue=22M,bokings=30M', '"revenue=22M,bokings=30M" holds 2 targets: give --target once for each (--target revenue=22M --target bokings=30M); "bokings=30M" is not a target: "bokings" is not a metric (did you mean bookings?)'],
    ['revenue=22M,bookings=30%', '"revenue=22M,bookings=30%" holds 2 targets: give --target once for each (--target revenue=22M --target bookings=30%); "30%" is a percentage, but this is an amount'],
    ['revenue=22M and bookings=30M', '"revenue=22M and bookings=30M" holds 2 targets: give --target once for each (--target revenue=22M --target bookings=30M)'],
    ['revenue=1,200,000,bookings=3M', '"revenue=1,200,000,bookings=3M" holds 2 targets: give --target once for each (--target revenue=1,200,000 --target bookings=3M)'],
  ])('%s is refused with the target it likely means', (text, message) => {
    expect(() => parseTarget(text)).toThrow(message);
  });

  it('the CLI runs -t "revenue = 22M" as revenue=22M', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-target-forms-')), 'out');
    const r = await arrcastInProcess(['run', join(ROOT, 'test/fixtures/minimal.yaml'), '--trials', '200', '--workers', '0', '-t', 'revenue = 22M', '--outputs', 'summary', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('did you mean revenue?');
    // The target the run tested is the one written: revenue at 22M (exit 0 alone would pass a target dropped or misread).
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.decisions.targets.map((t: { metric: string; value: number }) => [t.metric, t.value])).toEqual([['revenue', 22e6]]);
  });

  it.each([
    ['revnue=1M', 'revenue'],
    ['SMB:bokings=5M', 'bookings'],
    ['ending_arr=7M', 'endingArr'],
  ])('a misspelt metric (%s) is named with the metric it likely means', (text, meant) => {
    expect(() => parseTarget(text)).toThrow(`"${text}" is not a target: "${text.replace(/^.*:/, '').split('=')[0]}" is not a metric (did you mean ${meant}?)`);
  });

  it('the CLI refuses --target revnue=1M with exit 2, naming revenue', async () => {
    const r = await arrcastInProcess(['run', join(ROOT, 'test/fixtures/minimal.yaml'), '--trials', '200', '--workers', '0', '-t', 'revnue=1M', '--out', join(mkdtempSync(join(tmpdir(), 'arrcast-target-forms-')), 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"revnue" is not a metric (did you mean revenue?)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
