import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { metricKey } from '../../src/analysis/columns.js';
import { decide } from '../../src/analysis/decisions.js';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { runCli } from '../helpers/in-process-cli.js';
import { parseTarget } from '../../src/cli/parse-options.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A target on one tier is tested in other scenarios than its own: in every scenario `compare` is
 * given (A's targets and --target), and in every --with-stress case. A scenario without that tier
 * gave "internal error" (exit 1) after every simulation had run, and a one-tier scenario answered
 * with its whole company's figures under the tier's name ("P(SMB revenue >= 30M) 100.0%" for a
 * company of 50M with no SMB). Now refused before any simulation, naming the scenario and the tier.
 */
let dir: string;
const example = join(ROOT, 'scenarios/example.yaml');
const tierWith = (name: string) => ({ name, existing: { openingArr: 50_000_000, customers: 100, renewalRate: 0.9 } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-target-tiers-'));
  writeFileSync(join(dir, 'one.json'), JSON.stringify({ name: 'One tier', seed: 5, tiers: [tierWith('Only')] }));
  writeFileSync(join(dir, 'two.json'), JSON.stringify({ name: 'Two tiers', seed: 5, tiers: [tierWith('North'), tierWith('South')] }));
});

describe('a tier target tested in a scenario without that tier', () => {
  const cases: Array<[string, (out: string) => string[]]> = [
    ['compare, B has one tier', (out) => ['compare', example, join(dir, 'one.json'), '-t', 'SMB:revenue=30M', '--trials', '200', '--out', out]],
    ['compare, B has other tiers', (out) => ['compare', example, join(dir, 'two.json'), '-t', 'SMB:revenue=30M', '--trials', '200', '--out', out]],
    ['compare, A lacks it', (out) => ['compare', join(dir, 'two.json'), example, '-t', 'SMB:revenue=30M', '--trials', '200', '--out', out]],
    ['run --with-stress, the stress case has one tier', (out) => ['run', example, '-t', 'SMB:revenue=30M', '--with-stress', join(dir, 'one.json'), '--trials', '200', '--out', out]],
    ['run --with-stress, the stress case has other tiers', (out) => ['run', example, '-t', 'SMB:revenue=30M', '--with-stress', join(dir, 'two.json'), '--trials', '200', '--out', out]],
  ];
  it.each(cases)('%s: exit 2 naming the scenario and the tier, nothing written', async (_, args) => {
    const out = join(mkdtempSync(join(dir, 'out-')), 'report');
    const r = await runCli(...args(out), '--no-progress');
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/(one|two)\.json\)?: the target SMB:revenue is tested in it, but no tier is named "SMB"/);
    expect(r.err).not.toMatch(/internal error/);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('a scenario that has the tier (in any case) is compared as before', async () => {
    const out = join(mkdtempSync(join(dir, 'out-')), 'report');
    const r = await runCli('compare', example, join(ROOT, 'scenarios/downside.yaml'), '-t', 'smb:revenue=30M', '--trials', '200', '--out', out, '--no-progress');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/P\(smb revenue >= 30M\)/);
  });
});

describe('metricKey', () => {
  it("takes a one-tier scenario's own tier name only", async () => {
    const sim = await simulate(parseScenario(JSON.stringify({ name: 'One tier', seed: 5, tiers: [tierWith('Only')] }), 'one.json'), { trials: 50, workers: 0 });
    expect(metricKey(sim, 'revenue', 'only')).toBe('revenue');
    expect(() => metricKey(sim, 'revenue', 'SMB')).toThrow(/no tier is named "SMB"/);
  });
});

describe('--target on a tier whose name holds a colon', () => {
  it('reads the tier up to the last colon before the metric', () => {
    // A scenario may name a tier "EMEA:SMB"; `--target EMEA:SMB:revenue=1.5M` was refused as "not a target".
    expect(parseTarget('EMEA:SMB:revenue=1.5M')).toEqual([{ metric: 'revenue', value: 1_500_000, tier: 'EMEA:SMB' }]);
    expect(parseTarget('SMB:endingArr=30M')).toEqual([{ metric: 'endingArr', value: 30_000_000, tier: 'SMB' }]);
    expect(parseTarget('bookings=2e6')).toEqual([{ metric: 'bookings', value: 2_000_000 }]);
    expect(() => parseTarget('SMB:arr=30M')).toThrow(/is not a target/);
  });

  it('names a metric it does not know (ending_arr as outcomes files spell it, Revenue), the one it most likely means, and lists the three', () => {
    expect(() => parseTarget('ending_arr=150M')).toThrow(
      '"ending_arr=150M" is not a target: "ending_arr" is not a metric (did you mean endingArr?); write metric=value (revenue, bookings or endingArr)',
    );
    expect(() => parseTarget('EMEA:SMB:Revenue=3M')).toThrow('is not a target: "Revenue" is not a metric (did you mean revenue?); write metric=value');
    expect(() => parseTarget('rev=3M')).toThrow('is not a target: "rev" is not a metric (did you mean revenue?); write metric=value');
    expect(() => parseTarget('arr=3M')).toThrow('is not a target: "arr" is not a metric (did you mean endingArr?); write metric=value');
    expect(() => parseTarget('profit=3M')).toThrow('is not a target: "profit" is not a metric; write metric=value');
    expect(() => parseTarget('re=3M')).toThrow('is not a target: "re" is not a metric; write metric=value');
  });

  it('reads "revenue>=120M", as the outputs label a target, as the target it is, written with =', () => {
    expect(() => parseTarget('revenue>=120M')).toThrow('"revenue>=120M" is not a target: write revenue=120M (a target is reached at or above its value)');
    expect(() => parseTarget('SMB:bookings > 3M')).toThrow('"SMB:bookings > 3M" is not a target: write SMB:bookings=3M (a target is reached at or above its value)');
    expect(() => parseTarget('revenue>120M')).toThrow('"revenue>120M" is not a target: write revenue=120M');
  });
});

describe('targets that would go by one label', () => {
  const labelled = () => {
    const file = join(dir, 'labelled.json');
    writeFileSync(file, JSON.stringify({ name: 'Labelled', seed: 5, tiers: [tierWith('North')], targets: { metrics: [{ metric: 'bookings', value: 5e6, label: 'revenue >= 2M' }] } }));
    return file;
  };

  it.each([
    ['run', (file: string, out: string) => ['run', file, '-t', 'revenue=2M', '--trials', '200', '--out', out], 'targets.metrics[0]: the label "revenue >= 2M" is also --target revenue=2000000\'s, a different target'],
    ['compare', (file: string, out: string) => ['compare', file, file, '-t', 'revenue=2M', '--trials', '200', '--out', out], 'A (', 'the target bookings=5000000: the label "revenue >= 2M" is also the target revenue=2000000\'s'],
  ] as const)('%s: a --target whose default label is a scenario target\'s own label: exit 2, nothing written', async (_, args, ...messages) => {
    const out = join(mkdtempSync(join(dir, 'out-')), 'report');
    const r = await runCli(...args(labelled(), out), '--no-progress');
    expect(r.code, r.err).toBe(2);
    for (const m of messages) expect(r.err).toContain(m);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('two --target values that round alike get labels that tell them apart', async () => {
    const out = join(mkdtempSync(join(dir, 'out-')), 'report');
    const r = await runCli('run', join(dir, 'one.json'), '-t', 'revenue=45M', '-t', 'revenue=45.004M', '--trials', '200', '--out', out, '--no-progress', '--outputs', 'summary');
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { decisions: { targets: Array<{ label: string; value: number }> } };
    expect(summary.decisions.targets.map((t) => [t.label, t.value])).toEqual([
      ['revenue >= 45M', 45e6],
      ['revenue >= 45.004M', 45.004e6],
    ]);
  });

  it('decide() refuses, for a library caller, two different targets under one label', async () => {
    const sim = await simulate(parseScenario(JSON.stringify({ name: 'One tier', seed: 5, tiers: [tierWith('Only')] }), 'one.json'), { trials: 50, workers: 0 });
    const targets = { metrics: [{ metric: 'revenue' as const, value: 1e6, label: 'Plan' }, { metric: 'revenue' as const, value: 2e6, label: 'plan' }] };
    expect(() => decide(sim, { targets })).toThrow(RangeError);
    expect(() => decide(sim, { targets })).toThrow('targets.metrics[1]: the label "plan" is also targets.metrics[0]\'s, a different target');
  });
});
