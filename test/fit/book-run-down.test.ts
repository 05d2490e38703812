import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { PooledRenewalFit } from '../../src/fit/pooled-renewal.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A tier whose book runs down to 0 by the history's end (ARR due and renewed in its last 12 months,
 * none live at the end) has nothing left to renew. It was fitted as a book of 0 ARR and one
 * customer (the count's floor), whom a run counted as a logo lost in 85% of trials (1,000 trials:
 * customers lost 0.85 a year of a tier with no customers).
 */
const head = 'month,tier,leads,deals,new_arr,renewed_arr,due_arr,ending_arr';
/** Z's book runs down 50,000 a month to `left` at the end; with `launched`, a tier N adding 30,000 a month from month 19, nothing due. */
const rows = (zLeads: number, left = 0, launched = false) =>
  Array.from({ length: 24 }, (_, i) => {
    const k = i + 1;
    return [
      `${k},A,1000,50,500000,90000,100000,${1_200_000 + k * 10_000}`,
      `${k},Z,${zLeads},${zLeads > 0 ? 5 : 0},${zLeads > 0 ? 50_000 : 0},${k < 24 ? 40_000 : 0},${k < 24 ? 100_000 : 50_000},${k < 24 ? Math.max(0, 1_200_000 - k * 50_000) : left}`,
      ...(launched ? [`${k},N,100,5,50000,0,0,${Math.max(0, k - 18) * 30_000}`] : []),
    ];
  }).flat();
const fit = (zLeads: number, left = 0, launched = false) => fitHistory({ history: parseMonthlyFile(`${head}\n${rows(zLeads, left, launched).join('\n')}\n`, 'h.csv', { kind: 'history' }) });

describe('fit: a book run down to 0 by the end of the history', () => {
  it('is not carried into the year (no existing book, a comment saying why); the tier keeps its new business', () => {
    const f = fit(100);
    const z = f.tiers.find((t) => t.name === 'Z')!;
    expect(z.existing).toBeUndefined();
    expect(z.newBusiness).toBeDefined();
    expect(z.notes).toContain('no existing book fitted: its ending_arr is 0 at the end, so nothing is left to renew (the 1,150,000 of ARR due in its last 12 months was of a book now gone)');
    const tier = parseScenario(fittedScenarioText(f), 'f.yaml').scenario.tiers.find((t) => t.name === 'Z')!;
    expect(tier.existing).toBeUndefined();
  });

  it('with no new business either, is left out with a comment where it would be, the other tiers fitted (was: the whole file refused)', () => {
    const f = fit(0);
    expect(f.tiers.map((t) => t.name)).toEqual(['A']);
    const reason =
      'no new business fitted: no leads, deals or new_arr in its last 12 months; no existing book fitted: its ending_arr is 0 at the end, so nothing is left to renew (the 1,150,000 of ARR due in its last 12 months was of a book now gone)';
    expect(f.skipped).toEqual([{ name: 'Z', reason }]);
    expect(f.warnings).toEqual([`tier "Z" left out of the scenario: ${reason}`]);
    const text = fittedScenarioText(f);
    expect(text).toContain(`  # Tier "Z" left out: ${reason}.`);
    expect(parseScenario(text, 'f.yaml').scenario.tiers.map((t) => t.name)).toEqual(['A']);
  });

  it('a tiny leftover (ending_arr 1 of a book of 1,150,000 at its peak: below 0.1% of it) is run down, not one customer of ARR 1', () => {
    const f = fit(100, 1);
    const z = f.tiers.find((t) => t.name === 'Z')!;
    expect(z.existing).toBeUndefined();
    expect(z.notes).toContain('no existing book fitted: its ending_arr at the end, 1, is below 0.1% of its largest in the history (a book run down: rounding, not a customer), so nothing is left to renew (the 1,150,000 of ARR due in its last 12 months was of a book now gone)');
    // 0.1% of the peak 1,150,000 is 1,150: a book of 2,000 left is still a book.
    expect(fit(100, 2_000).tiers.find((t) => t.name === 'Z')!.existing?.openingArr).toBe(2_000);
    expect(fit(0, 1).skipped?.map((s) => s.name)).toEqual(['Z']);
  });

  it('is left out of the pools a launched tier takes its renewal, contraction and expansion and term from', () => {
    // N: launched in month 19, nothing due. Pooled with A alone: A's 90%, between-tier sd sqrt(0.1^2 / 1).
    const n = fit(100, 0, true).tiers.find((t) => t.name === 'N')!.existing!;
    expect(n.renewalFrom).toBe('pooled');
    const pool = n.renewal as PooledRenewalFit;
    expect(pool.tiers).toEqual(['A']);
    expect(pool.rate.value).toBeCloseTo(0.9, 12);
    expect(pool.between).toBeCloseTo(0.1, 12);
    expect(n.term?.tiers).toEqual(['A']);
  });

  it('--customers rows of a tier whose book ran down get a warning and a comment, not silence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'act22-rundown-'));
    writeFileSync(join(dir, 'h.csv'), `${head}\n${rows(0).join('\n')}\n`);
    writeFileSync(join(dir, 'c.csv'), 'id,tier,arr,renewed\nc1,A,1000,1\nc2,A,2000,0\nz1,Z,5000,0\nz2,Z,5000,1\n');
    const r = await runCli('fit', join(dir, 'h.csv'), '--customers', join(dir, 'c.csv'), '--out', join(dir, 'f.yaml'));
    expect(r.code).toBe(0);
    const unused = `${join(dir, 'c.csv')} has 2 customers of tier "Z", not used: its book has run down, nothing is left to renew`;
    expect(r.err).toContain('arrcast: warning: tier "Z" left out of the scenario: ');
    expect(r.err).toContain(`arrcast: warning: ${unused}\n`);
    expect(readFileSync(join(dir, 'f.yaml'), 'utf8')).toContain(unused);
  });
});
