import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import type { PooledBookShareFit } from '../../src/fit/pooled-book-share.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { runCli } from '../helpers/in-process-cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A tier launched within the last 12 months with a book (nothing of it yet due or renewed) takes the
 * other tiers' contraction and expansion, pooled as its dollar renewal is: Σ part / Σ renewed_arr of
 * their last 12 months summed, its sd widened by how far the tiers' shares differ. Before, it wrote
 * none ("not fitted"), so the tier's renewing ARR never contracted or expanded.
 *
 * A small history worked by hand: 12 months, tiers A and B mature, "New" launched in month 7.
 *   A: renewed 100,000 a month; contraction 2,000 (odd months) / 3,000 (even); expansion 10,000.
 *   B: renewed  50,000 a month; contraction 500; expansion 2,000 (odd) / 4,000 (even).
 */
const head = 'month,tier,contraction_arr,expansion_arr,renewed_arr,due_arr,ending_arr';
const rowsOf = (withNew: boolean) =>
  Array.from({ length: 12 }, (_, i) => {
    const k = i + 1;
    const odd = k % 2 === 1;
    const rows = [`${k},A,${odd ? 2000 : 3000},10000,100000,110000,${1_200_000 + k * 1000}`, `${k},B,500,${odd ? 2000 : 4000},50000,60000,${600_000 + k * 500}`];
    if (withNew) rows.push(`${k},New,0,0,0,0,${Math.max(0, k - 6) * 20_000}`);
    return rows;
  }).flat();
const file = (withNew: boolean) => `${head}\n${rowsOf(withNew).join('\n')}\n`;
const fit = (withNew: boolean) => fitHistory({ history: parseMonthlyFile(file(withNew), 'h.csv', { kind: 'history' }) });
const tierBlocks = (text: string) => new Map(text.split('\n  - name: ').slice(1).map((b) => [JSON.parse(b.slice(0, b.indexOf('\n'))) as string, b.replace(/\n$/, '')]));

/** The pooling by hand: pooled monthly part p_i and renewed w_i, the share s = Σp / Σw, the sandwich se, the 25% drift judgement, the 50% between-tier judgement. */
function byHand(partA: (k: number) => number, partB: (k: number) => number, tierShares: [number, number]) {
  const w = 150_000;
  let sp = 0;
  for (let k = 1; k <= 12; k++) sp += partA(k) + partB(k);
  const s = sp / (12 * w);
  let ss = 0;
  for (let k = 1; k <= 12; k++) ss += (partA(k) + partB(k) - s * w) ** 2;
  const se = Math.sqrt((ss * 12) / 11) / (12 * w);
  const drift = 0.25 * s; // one pseudo-observation, no full year-on-year change in 12 months
  const poolSd = Math.sqrt(se ** 2 + drift ** 2);
  const mean = (tierShares[0] + tierShares[1]) / 2;
  const between = Math.sqrt(((tierShares[0] - mean) ** 2 + (tierShares[1] - mean) ** 2 + (0.5 * s) ** 2) / 2);
  return { s, poolSd, between, sd: Math.sqrt(poolSd ** 2 + between ** 2) };
}

describe('fit: a launched tier takes the other tiers pooled contraction and expansion', () => {
  const fitted = fit(true);
  const text = fittedScenarioText(fitted);
  const fresh = fitted.tiers.find((t) => t.name === 'New')!.existing!;

  it('pools contraction as worked by hand: 36,000 of 1,800,000 = 2%, sd widened by the tiers differing (2.5% and 1%)', () => {
    const h = byHand((k) => (k % 2 === 1 ? 2000 : 3000), () => 500, [30_000 / 1_200_000, 6_000 / 600_000]);
    expect(h.s).toBe(0.02);
    const c = fresh.contraction as PooledBookShareFit;
    expect(c.tiers).toEqual(['A', 'B']);
    expect(c.share.value).toBeCloseTo(h.s, 12);
    expect(c.poolSd).toBeCloseTo(h.poolSd, 12);
    expect(c.between).toBeCloseTo(h.between, 12);
    expect(c.year.sd).toBeCloseTo(h.sd, 12);
  });

  it('pools expansion the same way: 156,000 of 1,800,000', () => {
    const h = byHand(() => 10_000, (k) => (k % 2 === 1 ? 2000 : 4000), [120_000 / 1_200_000, 36_000 / 600_000]);
    const e = fresh.expansion as PooledBookShareFit;
    expect(e.share.value).toBeCloseTo(156_000 / 1_800_000, 12);
    expect(e.year.sd).toBeCloseTo(h.sd, 12);
  });

  it('writes them as probability x size, with a comment naming the tiers pooled, in a scenario that validates', () => {
    const { scenario } = parseScenario(text, 'fitted.yaml');
    const tier = scenario.tiers.find((t) => t.name === 'New')!;
    const contraction = tier.existing!.contraction!;
    // Size 0.25 (the judgement), so probability = share / 0.25 = 8%, sd = sd / 0.25.
    expect(contraction.size).toBe(0.25);
    const p = contraction.probability as { mean: number; sd: number };
    expect(p.mean).toBeCloseTo(0.08, 4);
    expect(p.sd).toBeCloseTo((fresh.contraction as PooledBookShareFit).year.sd / 0.25, 3);
    const block = tierBlocks(text).get('New')!;
    expect(block).toContain(`# Contraction NOT FITTED for this tier: none of its ARR has renewed yet. Written is the other tiers' pooled:`);
    expect(block).toContain('"A" 2.50%, "B" 1.00%:');
    expect(block).toContain('# Expansion NOT FITTED for this tier');
    expect(block).not.toContain('not fitted (none of its ARR has renewed yet');
  });

  it("leaves the other tiers' fitted text unchanged, byte for byte", () => {
    const alone = tierBlocks(fittedScenarioText(fit(false)));
    const both = tierBlocks(text);
    for (const name of ['A', 'B']) expect(both.get(name), name).toBe(alone.get(name));
  });

  it('with no contraction_arr or expansion_arr in the history, writes none and says why', () => {
    const cut = file(true)
      .split('\n')
      .map((l) => l.split(',').filter((_, i) => i !== 2 && i !== 3).join(','))
      .join('\n');
    const f = fitHistory({ history: parseMonthlyFile(cut, 'h.csv', { kind: 'history' }) });
    const e = f.tiers.find((t) => t.name === 'New')!.existing!;
    expect(e.contraction).toBeUndefined();
    expect(e.expansion).toBeUndefined();
    expect(tierBlocks(fittedScenarioText(f)).get('New')).toContain("# Contraction and expansion at renewal: not fitted (none of its ARR has renewed yet, and no other tier's contraction_arr or expansion_arr to pool); none written.");
  });

  it("the CLI's warning names the tier and the shares pooled", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-pooled-share-'));
    writeFileSync(join(dir, 'h.csv'), file(true));
    const r = await runCli('fit', join(dir, 'h.csv'), '--out', join(dir, 'f.yaml'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: tier "New" has ARR live but none due or renewed in its last 12 months: .*, and so are its contraction \(2\.0% of ARR renewed\) and expansion \(8\.7% of ARR renewed\); state its own/);
  });
});
