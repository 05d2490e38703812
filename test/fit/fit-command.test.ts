import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT } from '../helpers/fixtures.js';
import { parseScenario } from '../../src/scenario/parse.js';

const HISTORY = join(ROOT, 'scenarios/example-history.csv');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-fit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A history of `months` months for one tier, rows from `row(i)` (1-based). */
function history(months: number, row: (i: number) => string, header = 'month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr'): string {
  return `${header}\n${Array.from({ length: months }, (_, k) => row(k + 1)).join('\n')}\n`;
}

describe('arrcast fit', () => {
  it("--help says --out is required (commander's help marks no option so; a newcomer learned it from the refusal)", async () => {
    const r = await runCli('fit', '--help');
    expect(r.code).toBe(0);
    expect(r.out.replace(/\s+/g, ' ')).toContain('-o, --out <file> required: the scenario YAML to write');
  });

  it('fits the example history into a scenario that validates, with a comment on every fitted value', async () => {
    const out = join(dir, 'fitted.yaml');
    const r = await runCli('fit', HISTORY, '--out', out);
    expect(r.err).toContain('wrote');
    expect(r.code).toBe(0);
    // Numbers in groups of three: the line read 'ACV median 11273, opening ARR 33734260'.
    expect(r.out.split('\n')[0]).toBe('SMB: leads 2,738/month (Poisson), conversion 2.87%, ACV median 11,273, opening ARR 33,734,260, dollar renewal 85.6%');
    const text = readFileSync(out, 'utf8');
    const { scenario } = parseScenario(text, out);
    expect(scenario.tiers.map((t) => t.name)).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    // Dated history (2025-02 .. 2027-01): the fitted year starts the month after.
    expect(scenario.fiscalYearStartMonth).toBe(2);
    expect(scenario.fiscalYear).toBe(2027);
    // Two layers: a year-level distribution where the level goes.
    const smb = scenario.tiers[0]!.newBusiness!;
    expect(smb.leadsPerMonth).toMatchObject({ mean: { dist: 'lognormal' } });
    expect(smb.acv).toMatchObject({ dist: 'lognormal', median: { dist: 'lognormal' } });
    expect(smb.seasonality).toHaveLength(12);
    // Every fitted line is preceded by a comment with n and a 95% interval.
    const lines = text.split('\n');
    for (const key of ['leadsPerMonth', 'conversion', 'acv', 'dollarRenewalRate']) {
      const at = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
      const comment = lines.slice(Math.max(0, at - 8), at).join('\n');
      expect(comment, key).toMatch(/n = \d+/);
      expect(comment, key).toMatch(/95% interval/);
    }
    expect(text).toMatch(/Over-dispersion test: Pearson X2 = [\d.]+ on \d+ df/);
    expect(text).toContain("Kleinman's method of moments");
  });

  it('writes a scenario that arrcast run runs, and fits 36 months with seasonality and a negative binomial', async () => {
    const out = join(dir, 'fitted.yaml');
    expect((await runCli('fit', HISTORY, '--out', out)).code).toBe(0);
    const run = await runCli('run', out, '--trials', '200', '--workers', '0', '--quiet', '--no-progress', '--outputs', 'summary', '--out', join(dir, 'report'));
    expect(run.err).toContain('wrote');
    expect(run.code).toBe(0);
    // 36 months of one tier: every fourth month doubles (seasonal, 3 months of each 12), and a
    // deterministic scatter of up to ±200 around 1,000 (X² about 13 a month: far beyond Poisson).
    const file = join(dir, 'h36.csv');
    const leads = (i: number) => (i % 4 === 0 ? 2 : 1) * (1000 + ((i * i * 7919 + 13 * i) % 401) - 200);
    writeFileSync(file, history(36, (i) => `${i},SMB,${leads(i)},${Math.round(leads(i) * 0.03)},300000,1000000,80000,70000`));
    const out36 = join(dir, 'f36.yaml');
    expect((await runCli('fit', file, '--out', out36)).code).toBe(0);
    const tier = parseScenario(readFileSync(out36, 'utf8'), out36).scenario.tiers[0]!.newBusiness!;
    // Every fourth month doubles: with a 12-month cycle that is seasonality. History months 4, 8, 12 of 36 are
    // fiscal months 4, 8 and 12 (the last 12 months are fiscal 1..12): their weights are the three largest.
    const top = tier.seasonality!.map((w, f) => [w, f + 1] as const).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, f]) => f);
    expect(top.sort((a, b) => a - b)).toEqual([4, 8, 12]);
    expect(tier.leadsPerMonth).toMatchObject({ dist: 'negativeBinomial', mean: { dist: 'lognormal' } });
  });

  it('refuses to overwrite a file without --force, and replaces it whole with --force', async () => {
    const out = join(dir, 'fitted.yaml');
    writeFileSync(out, 'mine\n');
    const refused = await runCli('fit', HISTORY, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('exists; use --force');
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    const forced = await runCli('fit', HISTORY, '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Fitted by arrcast fit/);
    // No temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['fitted.yaml']);
  });

  it('refuses a directory as --out (exit 2), and makes a missing parent directory', async () => {
    const r = await runCli('fit', HISTORY, '--out', dir, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a directory');
    const deep = join(dir, 'plans', 'fitted.yaml');
    expect((await runCli('fit', HISTORY, '--out', deep)).code).toBe(0);
    expect(existsSync(deep)).toBe(true);
  });

  it('reports bad history cells with file:line:column, exits 2 and writes nothing', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => `${i},SMB,${i === 5 ? '1,000' : 1000},30,300000,1000000,80000,70000`));
    const out = join(dir, 'fitted.yaml');
    const r = await runCli('fit', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:6:`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses one tier spelled two ways', async () => {
    const file = join(dir, 'h.csv');
    const rows = Array.from({ length: 12 }, (_, k) => [`${k + 1},SMB,1000,30,300000,1000000,80000,70000`, `${k + 1},smb,1000,30,300000,1000000,80000,70000`]).flat();
    writeFileSync(file, `month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr\n${rows.join('\n')}\n`);
    const r = await runCli('fit', file, '--out', join(dir, 'f.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:3:3 tier: tier "smb" is tier "SMB" spelled differently`);
  });

  it('refuses, with exit 2 at the history\'s line, tiers a scenario cannot have: more than 50, or one named total or all', async () => {
    const file = join(dir, 'h.csv');
    const tiers = (names: string[]) => names.flatMap((t) => Array.from({ length: 12 }, (_, k) => `${k + 1},${t},1000,30,300000,1000000,80000,70000`));
    const header = 'month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr';
    const out = join(dir, 'f.yaml');
    writeFileSync(file, `${header}\n${tiers(Array.from({ length: 51 }, (_, i) => `T${i + 1}`)).join('\n')}\n`);
    const many = await runCli('fit', file, '--out', out);
    expect(many.code).toBe(2);
    // Tier 51's first row: after 50 tiers of 12 months and the header.
    expect(many.err).toContain(`${file}:602:1 tier: has 51 tiers; a scenario has at most 50: fit at most 50 tiers from one file`);
    expect(many.err).not.toContain('internal error');
    writeFileSync(file, `${header}\n${tiers(['SMB', 'Total']).join('\n')}\n`);
    const total = await runCli('fit', file, '--out', out);
    expect(total.code).toBe(2);
    expect(total.err).toContain(`${file}:14:1 tier: "Total" names the whole company in arrcast's outputs`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses more deals than leads over the last 12 months (a conversion above 1) with exit 2, not an internal error', async () => {
    const file = join(dir, 'h.csv');
    // 20 deals from 10 leads every month: 240 from 120.
    writeFileSync(file, history(12, (i) => `${i},SMB,10,20,300000,1000000,80000,70000`));
    const out = join(dir, 'f.yaml');
    const r = await runCli('fit', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:2:1 deals: tier "SMB" won 240 deals from 120 leads in its last 12 months: conversion (deals / leads) would be above 1 and cannot be fitted`);
    expect(r.err).not.toContain('internal error');
    expect(existsSync(out)).toBe(false);
    // Deals above leads in some months only (a sales cycle moves deals into later months) still fit.
    writeFileSync(file, history(12, (i) => `${i},SMB,${i % 2 === 0 ? 10 : 100},${i % 2 === 0 ? 20 : 10},300000,1000000,80000,70000`));
    const ok = await runCli('fit', file, '--out', out);
    expect(ok.code).toBe(0);
  });

  it('writes an ACV spread at the schema\'s largest sigma so that its rounded median and P90 still validate', async () => {
    // 250,000 deals of almost nothing a month, then one deal of 700 billion: the monthly averages
    // scatter so much that the fitted sigma is capped at 5, where rounding P90 up to 5 digits
    // once implied 5.00004 and the fitted scenario failed its own check (exit 1).
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => (i < 12 ? `${i},SMB,1000000,250000,1` : `${i},SMB,1000000,1,700000000000`), 'month,tier,leads,deals,new_arr'));
    const out = join(dir, 'f.yaml');
    const r = await runCli('fit', file, '--out', out);
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(0);
    const acv = parseScenario(readFileSync(out, 'utf8'), out).scenario.tiers[0]!.newBusiness!.acv as { median: { median: number }; p90: number };
    const sigma = Math.log(acv.p90 / acv.median.median) / 1.2815515655446004;
    expect(sigma).toBeLessThanOrEqual(5);
    expect(sigma).toBeGreaterThan(4.999);
  });

  it('refuses, at the history\'s line, deals whose fitted ACV has a mean above what a scenario allows', async () => {
    // Half the deals 1e12, half 4.5e7: median 6.7e9, sigma 5, mean exp(mu + sigma^2/2) 1.8e15.
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => `${i},SMB,100,2`, 'month,tier,leads,deals'));
    const deals = join(dir, 'd.csv');
    writeFileSync(deals, `close_month,tier,amount\n${Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000000000000\n${k + 1},SMB,45000000`).join('\n')}\n`);
    const out = join(dir, 'f.yaml');
    const r = await runCli('fit', file, '--deals', deals, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:2:1 deals: tier "SMB": the lognormal ACV fitted to ${deals}'s amounts (median 6708200000, sigma 5) has a mean exp(mu + sigma^2/2) of 1.80e+15, above the 1e+15 a scenario allows`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a history of fewer than 12 months', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(8, (i) => `${i},SMB,1000,30,300000,1000000,80000,70000`));
    const r = await runCli('fit', file, '--out', join(dir, 'f.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/covers 8 months; a history file needs 12/);
  });

  it('refuses a tier without deals in its last 12 months, at its line', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(13, (i) => `${i},SMB,1000,${i === 1 ? 5 : 0},${i === 1 ? 50000 : 0},1000000,80000,70000`));
    const r = await runCli('fit', file, '--out', join(dir, 'f.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:3:1 deals: tier "SMB" has no deals in its last 12 months`);
  });

  it('refuses an existing book with no ARR due in its last 12 months, at its line', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => `${i},SMB,1000,30,300000,1000000,0,0`));
    const r = await runCli('fit', file, '--out', join(dir, 'f.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:2:1 due_arr: tier "SMB" has no ARR due for renewal in its last 12 months`);
  });

  it('fits ACV to a deals file, and reports a bad deal at its line and column', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => `${i},SMB,1000,3,30000,1000000,80000,70000`));
    const deals = join(dir, 'deals.csv');
    const rows = Array.from({ length: 12 }, (_, i) => [`${i + 1},SMB,8000`, `${i + 1},smb,10000`, `${i + 1},SMB,12500`]).flat();
    writeFileSync(deals, `close_month,tier,amount\n${rows.join('\n')}\n`);
    const out = join(dir, 'f.yaml');
    const ok = await runCli('fit', file, '--deals', deals, '--out', out);
    expect(ok.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('n = 36 deals');
    // Median = exp(mean log) = (8000 · 10000 · 12500)^(1/3) = 10000.
    expect(text).toMatch(/median: \{ dist: lognormal, median: 10000,/);

    writeFileSync(deals, 'close_month,tier,amount\n3,SMB,9000\n13,SMB,9000\n4,Ent,9000\n');
    const bad = await runCli('fit', file, '--deals', deals, '--out', join(dir, 'g.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${deals}:3:1 close_month: must be a month of the history, 1 to 12; got "13"`);
    expect(bad.err).toContain(`${deals}:4:3 tier: no tier is named "Ent"`);
  });

  it('fits renewal to customer outcomes when given', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => `${i},SMB,1000,30,300000,1000000,80000,70000`));
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, `id,tier,arr,renewed\n${Array.from({ length: 20 }, (_, i) => `c${i},SMB,${i < 10 ? 1000 : 3000},${i % 5 === 0 ? 0 : 'yes'}`).join('\n')}\n`);
    const out = join(dir, 'f.yaml');
    const r = await runCli('fit', file, '--customers', customers, '--out', out);
    expect(r.err).toContain('wrote');
    const text = readFileSync(out, 'utf8');
    // 16 of 20 customers renewed (logo 80%); dollars: (8·1000 + 8·3000) / 40000 = 80%.
    expect(text).toContain('n = 20 customers due');
    expect(text).toMatch(/Logo renewal of the same customers: 80\.0%/);
    expect(text).toMatch(/dollarRenewalRate: \{ dist: beta, mean: 0\.8,/);
    // customers = opening ARR / mean ARR due = 1,000,000 / 2,000.
    expect(text).toMatch(/customers: 500 /);
  });

  it('never reads renewal outcomes with no ARR due as a 0% renewal rate: the history\'s rate, with a note', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => `${i},SMB,1000,30,300000,1000000,80000,70000`));
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,tier,arr,renewed\nc1,SMB,0,1\nc2,SMB,0,yes\nc3,SMB,0,1\n');
    const out = join(dir, 'f.yaml');
    const r = await runCli('fit', file, '--customers', customers, '--out', out);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    // 70,000 renewed of 80,000 due each month: 87.5%, not the 0% of Σ 0 / Σ 0.
    expect(text).toMatch(/dollarRenewalRate: \{ dist: beta, mean: 0\.875,/);
    expect(text).toContain(`# ${customers} has no ARR due for this tier (every arr is 0): dollar renewal fitted from the history's due_arr and renewed_arr`);
  });

  it('refuses a tier with no ARR due in its history whose renewal outcomes cannot give a rate, saying why', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => `${i},SMB,1000,30,300000,1000000,0,0`));
    const customers = join(dir, 'c.csv');
    const fit = async (rows: string) => {
      writeFileSync(customers, `id,tier,arr,renewed\n${rows}`);
      return runCli('fit', file, '--customers', customers, '--out', join(dir, 'f.yaml'));
    };
    const prefix = `${file}:2:1 due_arr: tier "SMB" has no ARR due for renewal in its last 12 months, nor has any other tier to take a rate from: the renewal rate cannot be fitted (give --customers outcomes of its customers due)`;
    const one = await fit('c1,SMB,5000,1\n');
    expect(one.code).toBe(2);
    expect(one.err).toContain(`${prefix}; ${customers} has one customer of this tier, and a rate needs two or more`);
    const zero = await fit('c1,SMB,0,1\nc2,SMB,0,0\n');
    expect(zero.code).toBe(2);
    expect(zero.err).toContain(`${prefix}; ${customers} has no ARR due for this tier (every arr is 0)`);
    expect(existsSync(join(dir, 'f.yaml'))).toBe(false);
  });

  it('reports a bad renewal-outcomes file at its line and column', async () => {
    const file = join(dir, 'h.csv');
    writeFileSync(file, history(12, (i) => `${i},SMB,1000,30,300000,1000000,80000,70000`));
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,tier,arr,renewed\nc1,SMB,1000,maybe\nc1,SMB,-5,1\n');
    const r = await runCli('fit', file, '--customers', customers, '--out', join(dir, 'f.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${customers}:2:13 renewed: must be 1 (renewed) or 0 (churned), or yes / no; got "maybe"`);
    expect(r.err).toContain(`${customers}:3:1 id: "c1" is used twice (also line 2)`);
    expect(r.err).toContain(`${customers}:3:8 arr: must be at least 0, got -5`);
    expect(existsSync(join(dir, 'f.yaml'))).toBe(false);
  });
});
