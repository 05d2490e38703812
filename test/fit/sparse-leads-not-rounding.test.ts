import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { fitLeadVolume } from '../../src/fit/lead-volume.js';
import { poissonLevel } from '../../src/fit/zero-variance.js';

/**
 * "X² no more than rounding each count to a whole lead explains" (Σ ¼ / μ) has no sense of scale:
 * the allowance grows as the counts shrink, while Poisson counts give X² about 1 a month whatever
 * their mean. A sparse tier (36 months, about 0.5 leads a month) had X² = 37.3 on 22 df, rejected
 * Poisson at 0.05 (k = 0.88), and was then read as within rounding: "X2 = 37 is no more than rounding
 * ... phi near 0" (φ was 1.70), its level's interval the Poisson one (φ = 1). The rule now applies
 * only where the allowance is below χ²_df's 0.1% point, and never with a negative binomial.
 */
// A reviewer's file: one Enterprise tier, 2023-01..2025-12.
const LEADS = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 7, 0, 2, 1, 0, 0, 3, 0, 0, 0, 2, 0, 0];
const csv = `month,tier,leads,deals,new_arr\n${LEADS.map((x, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},Ent,${x},${x ? 1 : 0},${x ? 50000 : 0}`).join('\n')}\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-sparse-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a sparse, over-dispersed lead count is not read as within rounding', () => {
  it('keeps the negative binomial and its phi: the level is not given the Poisson interval', () => {
    const fit = fitLeadVolume(Float64Array.from(LEADS));
    expect(fit.dispersion.pValue).toBeLessThan(0.05);
    expect(fit.k).toBeDefined();
    expect(fit.poissonInterval).toBeUndefined();
    // The Poisson (phi = 1) interval of the last 12 months' total is what it was given before.
    const total = LEADS.slice(24).reduce((a, x) => a + x, 0);
    const poisson = poissonLevel(total, 12);
    expect(fit.level.lo).not.toBeCloseTo(poisson.lo, 6);
    expect(fit.year.standardError).toBeGreaterThan(poisson.se / fit.level.value);
  });

  it("arrcast fit's comment does not call X2 = 37 rounding", async () => {
    const file = join(dir, 'sparse.csv');
    const out = join(dir, 'fitted.yaml');
    writeFileSync(file, csv);
    const r = await runCli('fit', file, '--out', out);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('negative binomial, k = ');
    expect(text).not.toContain('no more than rounding');
  });
});
