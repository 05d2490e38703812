import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';
import { SAME_LAW } from '../../src/scenario/one-forecast.js';

/**
 * The CLI driven in this process (helpers/cli.ts: its output and the exit code main.ts would give;
 * relative paths are from the repository, vitest's directory). `downside()` writes a scenario in a
 * temporary folder that extends the fixture in test/fixtures, outside that folder: compare is given
 * --allow-path for it (README, "Which files a scenario may read").
 */
function arrcast(args: string[]) {
  const allow = args[0] === 'compare' ? ['--allow-path', join(ROOT, 'test/fixtures')] : [];
  return arrcastInProcess([...args, ...allow]);
}

const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-compare-'));
const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
const minimalText = readFileSync(minimal, 'utf8');

/** minimal.yaml, extended with a few lines, written into `dir`. */
function downside(dir: string, body: string, name = 'downside.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, `extends: ${minimal}\nname: Minimal downside\n${body}`);
  return file;
}

describe('arrcast compare', () => {
  it('prints the scenarios side by side with the per-trial difference and P(B < A), and writes comparison.json', async () => {
    const dir = tmp();
    const b = downside(dir, 'stress: { renewal: -0.05, leads: -0.2 }\n');
    const out = join(dir, 'cmp');
    const r = await arrcast(['compare', minimal, b, '--trials', '1500', '--seed', '4', '--workers', '0', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote ${out}/: comparison.json, comparison.html, comparison.xlsx and the charts\n`);
    expect(r.stdout).toContain('Comparison on common random numbers: 1,500 trials per scenario, seed 4, EUR. Px = x% chance of coming in below.');
    expect(r.stdout).toContain(`  A  Minimal           ${minimal}`);
    expect(r.stdout).toContain(`  B  Minimal downside  ${b}`);
    expect(r.stdout).toMatch(/Recognized revenue \(EUR\)\s+mean\s+± s\.e\.\s+P10\s+P50\s+P90\s+P\(X < A\)/);
    expect(r.stdout).toMatch(/B - A, per trial\s+-\d/);
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(Object.keys(c)).toEqual(['tool', 'percentileConvention', 'trials', 'seed', 'scenarios', 'sharedTiers', 'sameTiers', 'pairing', 'metrics', 'byTier', 'decisions']);
    expect([c.trials, c.seed, c.percentileConvention]).toEqual([1500, '4', 'Px = x% chance of coming in below']);
    expect(c.scenarios.map((s: { label: string; bases: string[] }) => [s.label, s.bases])).toEqual([
      ['A', []],
      ['B', [minimal]],
    ]);
    for (const m of ['revenue', 'bookings', 'endingArr']) {
      expect(Object.keys(c.metrics[m].scenarios[0])).toEqual(['mean', 'sd', 'standardError', 'percentiles', 'percentileIntervals']);
      expect(Object.keys(c.metrics[m].scenarios[0].percentiles)).toEqual(['p5', 'p10', 'p50', 'p90']);
      const d = c.metrics[m].differences[0];
      expect(Object.keys(d)).toEqual(['scenario', 'mean', 'sd', 'standardError', 'percentiles', 'probabilityBelow', 'identicalTrials']);
      expect(d.mean).toBeLessThan(0);
      expect(d.probabilityBelow.value).toBeGreaterThan(0.5);
    }
    // The comparison chart beside it, with the same figures.
    expect(readdirSync(out).sort()).toEqual(['.arrcast-report', 'comparison.html', 'comparison.json', 'comparison.svg', 'comparison.vl.json', 'comparison.xlsx', 'distribution.svg', 'distribution.vl.json']);
    const chart = JSON.parse(readFileSync(join(out, 'comparison.vl.json'), 'utf8'));
    expect(chart.datasets.differences[0].p50).toBe(c.metrics.revenue.differences[0].percentiles.p50);
    expect(chart.datasets.differences[0].probabilityBelow).toBe(c.metrics.revenue.differences[0].probabilityBelow.value);
    expect(readFileSync(join(out, 'comparison.svg'), 'utf8')).toMatch(/^<svg/);
    // Written atomically: no temporary directory left beside it; a second run replaces it.
    expect(readdirSync(dir).filter((f) => f.startsWith('.arrcast-tmp-'))).toEqual([]);
    expect((await arrcast(['compare', minimal, b, '--trials', '200', '--workers', '0', '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')).trials).toBe(200);
  });

  it("uses the first scenario's seed and trials for every scenario by default", async () => {
    const dir = tmp();
    const b = downside(dir, 'trials: 900\nseed: 99\nstress: { acv: -0.1 }\n');
    const out = join(dir, 'cmp');
    expect((await arrcast(['compare', minimal, b, '--workers', '0', '--out', out])).code).toBe(0);
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect([c.trials, c.seed]).toEqual([2000, '3']);
    // Smaller deals: less revenue on average.
    expect(c.metrics.revenue.differences[0].mean).toBeLessThan(0);
  });

  it('says when the tiers differ, and pairs only the shared ones', async () => {
    const dir = tmp();
    const b = downside(dir, 'tiers:\n  - name: Partners\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n');
    const r = await arrcast(['compare', minimal, b, '--trials', '300', '--workers', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("The scenarios' tiers differ (A: SMB; B: SMB, Partners). Trial-by-trial pairing holds only for the tiers they share (SMB)");
    expect(r.stdout).toMatch(/by shared tier\n\s+SMB: B - A\s+0\s+0\s+0\s+0\s+0\s+0\.0% \[0\.0%, 1\.3%\]/);
    // The market factor's stream is common to both (neither fixes the factor), tiers in common or not.
    expect(r.stdout).toContain('The market factor is drawn on the same numbers in every scenario, tiers in common or not.');
  });

  it('scenarios sharing no tier: no "by shared tier" heading over nothing, in the terminal, comparison.xlsx or comparison.html', async () => {
    // The minimal fixture but for '- name: smb': a tier of another name (streams are keyed by the exact name),
    // and a conversion of 0.06 (renamed alone, it is one forecast with A, which compare refuses).
    const dir = tmp();
    const b = join(dir, 'lower.yaml');
    writeFileSync(b, minimalText.replace('name: Minimal', 'name: Lower').replace('- name: SMB', '- name: smb').replace('conversion: 0.05', 'conversion: 0.06'));
    const out = join(dir, 'out');
    const r = await arrcast(['compare', minimal, b, '--trials', '300', '--workers', '0', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Trial-by-trial pairing holds only for the tiers they share (none)');
    expect(r.stdout).not.toContain('by shared tier');
    expect(readFileSync(join(out, 'comparison.html'), 'utf8')).not.toContain('by shared tier');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'comparison.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Differences by tier');
  });

  it("the legend's paths start at one display column when a name holds double-width characters", async () => {
    const dir = tmp();
    // 予測 and 📈 take two terminal columns each: 'Minimal 予測 📈' is 15 columns but 12 UTF-16 units.
    const b = downside(dir, '', 'cjk.yaml');
    writeFileSync(b, `extends: ${minimal}\nname: Minimal 予測 📈\nstress: { leads: -0.1 }\n`);
    const r = await arrcast(['compare', minimal, b, '--trials', '200', '--workers', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`  A  Minimal          ${minimal}`);
    expect(r.stdout).toContain(`  B  Minimal 予測 📈  ${b}`);
  });

  it('compares the example with its downside (a stressed scenario that extends it)', async () => {
    const r = await arrcast(['compare', 'scenarios/example.yaml', 'scenarios/downside.yaml', '--trials', '1000', '--workers', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('B  Example SaaS Co - FY downside  scenarios/downside.yaml');
  });

  it('--help explains every option', async () => {
    const r = await arrcast(['compare', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--trials', '--seed', '--workers', '--out', '--no-progress']) expect(r.stdout).toContain(opt);
    // It said nothing of the differences by tier, which the terminal, the json, the page and the workbook give.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('the per-trial difference X - A and P(X < A), in total and for each tier they share.');
  });

  it.each([
    [['compare', 'only-one.yaml'], 'arrcast: compare needs at least two scenario files: the baseline A, then the ones to compare with it\n'],
    [['compare', minimal, minimal, '--trials', 'many'], 'trials must be a whole number >= 1, got "many"'],
  ])('bad usage exits 2: %j', async (args, message) => {
    const r = await arrcast(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports the problems of every bad file at once, located, and exits 2', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, minimalText.replace('conversion: 0.05', 'conversion: 5'));
    const badChild = downside(dir, 'stress: { renewal: -3 }\n', 'child.yaml');
    const r = await arrcast(['compare', minimal, bad, badChild, '--trials', '100', '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `arrcast: ${bad}:13:19 tiers[0].newBusiness.conversion: a rate must be within [0, 1]; did you mean 0.05 (or 5%)?\narrcast: ${badChild}:3:20 stress.renewal: a shift of a rate must be between -1 and 1 (-0.05 = 5 points lower); did you mean -0.03 (or -3%)?\n`,
    );
    expect(r.stdout).toBe('');
  });

  it('refuses one forecast given twice (the same file, or a copy changing only its name, seed or targets), naming both, before writing anything', async () => {
    const dir = tmp();
    const out = join(dir, 'cmp');
    const same = await arrcast(['compare', minimal, minimal, '--trials', '100', '--workers', '0', '--out', out]);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(
      `arrcast: B (${minimal}) forecasts what A (${minimal}) does (${SAME_LAW}): compare runs every scenario on one seed and trial count against A's targets, so it would show one forecast twice; give scenarios that differ in a driver\n`,
    );
    expect(same.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);

    const b = downside(dir, 'stress: { leads: -0.2 }\n');
    const copy = join(dir, 'renamed-copy.yaml');
    // Its own name, seed and targets: none of them changes the forecast (forecast-hash.ts).
    writeFileSync(copy, `${minimalText.replace(/^name: .*$/m, 'name: Renamed copy').replace(/^seed: .*$/m, 'seed: 99')}\ntargets: { metrics: [{ metric: revenue, value: 1000000 }] }\n`);
    const three = await arrcast(['compare', minimal, b, copy, '--trials', '100', '--workers', '0']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain(`arrcast: C (${copy}) forecasts what A (${minimal}) does`);
    expect(three.stdout).toBe('');
  });

  it('refuses scenarios in different currencies, and an --out that is not a comparison, before running', async () => {
    const dir = tmp();
    const usd = downside(dir, 'currency: USD\n');
    const r = await arrcast(['compare', minimal, usd, '--trials', '100', '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('arrcast: the scenarios are in different currencies (EUR, USD); compare scenarios in one currency\n');

    const precious = join(dir, 'precious');
    mkdirSync(precious);
    writeFileSync(join(precious, 'keep.txt'), 'keep me');
    const o = await arrcast(['compare', minimal, minimal, '--trials', '100', '--workers', '0', '--out', precious]);
    expect(o.code).toBe(2);
    expect(o.stderr).toBe(
      `arrcast: --out ${precious} is not an arrcast comparison (it holds keep.txt) and a run replaces its output directory whole; pick a new or empty directory\n`,
    );
    expect(o.stdout).toBe('');
    expect(readFileSync(join(precious, 'keep.txt'), 'utf8')).toBe('keep me');
  });
});
