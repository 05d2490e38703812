import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A sipmath.json written before December 2026 holds each tier's revenue in whole units (sipmath.ts
 * now writes breakdownDecimals' digits, 1 or 2 below 1,000,000). An outcome is compared with the
 * trials as the file stores them: in such a file, rounded to whole units, so that the figure a
 * trial was written from ties with it. Compared as the newer writer stores it (to the tenth here),
 * 553,245.3 stayed apart from a trial written 553,245: a point PIT, not a tie.
 */
describe('an older sipmath.json (tier revenue in whole units)', () => {
  const dir = mkdtemp(join(tmpdir(), 'arrcast-sip-whole-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it("compares a tier's revenue outcome with its trials in whole units", async () => {
    const root = await dir;
    // Two small tiers (revenue under 1,000,000, which the newer writer writes with decimals): tier SIPs are written with two tiers or more.
    await writeFile(
      join(root, 'small.yaml'),
      `name: Small tiers
seed: 5
tiers:
  - name: A
    existing: { openingArr: 612345, customers: 7, renewalRate: { dist: beta, mean: 0.85, sd: 0.03 } }
  - name: B
    existing: { openingArr: 301234, customers: 3, renewalRate: 0.9 }
`,
    );
    const report = join(root, 'report');
    const run = await runCli('run', join(root, 'small.yaml'), '--trials', '4', '--workers', '0', '--quiet', '--no-progress', '--outputs', 'summary,sipmath', '--out', report);
    expect(run.code, run.err).toBe(0);
    // Rewrite the tier SIPs as the older writer did: each value whole.
    const file = join(report, 'sipmath.json');
    const lib = JSON.parse(await readFile(file, 'utf8')) as { sips: { name: string; arguments: { value: number[] }; metadata: Record<string, unknown> }[] };
    const tierSips = lib.sips.filter((s) => s.name.startsWith('tier.'));
    expect(tierSips.map((s) => s.name)).toEqual(['tier.A.revenue', 'tier.B.revenue']);
    // The newer writer's tenths: not whole (else the file would not tell the two apart, nor need to).
    expect(tierSips.some((s) => s.arguments.value.some((v) => !Number.isInteger(v)))).toBe(true);
    // The older writer stated no storage: each SIP's metadata without arrcastStorage.
    expect(tierSips.map((s) => s.metadata.arrcastStorage)).toEqual(['float32', 'float32']);
    for (const s of lib.sips) delete s.metadata.arrcastStorage;
    for (const s of tierSips) s.arguments.value = s.arguments.value.map((v) => Math.round(v));
    await writeFile(file, JSON.stringify(lib));
    // Outcomes a third of a unit above trial 1's whole value: stored whole, each ties with that trial.
    const whole = tierSips.map((s) => s.arguments.value[0]!);
    const outcomes = join(root, 'outcomes.csv');
    await writeFile(outcomes, `tier,metric,value\nA,revenue,${whole[0]! + 0.3}\nB,revenue,${whole[1]! + 0.3}\n`);
    const out = join(root, 'score');
    const score = await runCli('score', report, '--actuals', outcomes, '--out', out);
    expect(score.code, score.err).toBe(0);
    const scored = JSON.parse(await readFile(join(out, 'score.json'), 'utf8')) as { outcomes: { tier: string; scoredValue: number; pitLow: number; pitHigh: number }[] };
    for (const [i, o] of scored.outcomes.entries()) {
      expect(o.scoredValue, o.tier).toBe(whole[i]);
      // Trial 1 (at least) equals it: a PIT range, not a point.
      expect(o.pitHigh - o.pitLow, o.tier).toBeGreaterThanOrEqual(1 / 4);
    }
  });

  // A newer file whose tier revenue is whole in every trial (whole MRR, every customer renewing) was
  // read as an older file's whole units: an outcome 0.3 above it was scored as that whole figure,
  // a tie with every trial (PIT 0 to 1), where the file stores tenths and the outcome is above them all.
  it('reads a newer file by the storage it states, though every tier value is whole', async () => {
    const root = await dir;
    await writeFile(
      join(root, 'whole.yaml'),
      `name: Whole tiers
seed: 5
tiers:
  - name: A
    existing: { openingArr: 600000, customers: 5, renewalRate: 1, priceUplift: 0 }
  - name: B
    existing: { openingArr: 240000, customers: 2, renewalRate: 1, priceUplift: 0 }
`,
    );
    const report = join(root, 'whole-report');
    const run = await runCli('run', join(root, 'whole.yaml'), '--trials', '4', '--workers', '0', '--quiet', '--no-progress', '--outputs', 'summary,sipmath', '--out', report);
    expect(run.code, run.err).toBe(0);
    const lib = JSON.parse(await readFile(join(report, 'sipmath.json'), 'utf8')) as { sips: { name: string; arguments: { value: number[] }; metadata: Record<string, unknown> }[] };
    const a = lib.sips.find((s) => s.name === 'tier.A.revenue')!;
    // 12 months of 50,000 a month in every trial: whole, as an older file's would be.
    expect(a.arguments.value).toEqual([600000, 600000, 600000, 600000]);
    expect(lib.sips.map((s) => s.metadata.arrcastStorage)).toEqual(['cents', 'cents', 'cents', 'float32', 'float32']);
    const outcomes = join(root, 'whole-outcomes.csv');
    await writeFile(outcomes, 'tier,metric,value\nA,revenue,600000.3\n');
    const out = join(root, 'whole-score');
    const score = await runCli('score', report, '--actuals', outcomes, '--out', out);
    expect(score.code, score.err).toBe(0);
    const [o] = (JSON.parse(await readFile(join(out, 'score.json'), 'utf8')) as { outcomes: { scoredValue: number; pitLow: number; pitHigh: number }[] }).outcomes;
    // Stored as the file stores tier revenue (a tenth here), above every trial: PIT 1, not a tie.
    expect(o!.scoredValue).toBe(600000.3);
    expect([o!.pitLow, o!.pitHigh]).toEqual([1, 1]);
  });

  it('refuses a storage it does not know, naming the SIP and the field', async () => {
    const root = await dir;
    const report = join(root, 'whole-report');
    const file = join(report, 'sipmath.json');
    const lib = JSON.parse(await readFile(file, 'utf8')) as { sips: { name: string; metadata: Record<string, unknown> }[] };
    lib.sips[3]!.metadata.arrcastStorage = 'float16';
    await writeFile(file, JSON.stringify(lib));
    const outcomes = join(root, 'whole-outcomes.csv');
    const score = await runCli('score', report, '--actuals', outcomes, '--out', join(root, 'bad-score'));
    expect(score.code).toBe(2);
    expect(score.err).toContain('SIP tier.A.revenue\'s metadata.arrcastStorage must be "cents" or "float32", got "float16"');
  });
});
