import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';
import { findBrowser } from '../../src/report/find-browser.js';
import { formatShare } from '../../src/report/money.js';
import { formatMoney } from '../../src/report/format.js';

const out = join(mkdtempSync(join(tmpdir(), 'arrcast-compare-report-')), 'cmp');
// The comparison every test reads, written by the CLI in this process (test/helpers/cli.ts): the
// tests check its terminal output and files, not a process's (a process of its own cost about 1.3 s more
// CPU in a fork that has the CLI loaded: bench/RESULTS.md, seventeenth session).
const run = await arrcastInProcess(['compare', join(ROOT, 'scenarios/example.yaml'), join(ROOT, 'scenarios/downside.yaml'), '-n', '1500', '-s', '3', '-w', '0', '--no-progress', '-t', 'revenue=900M', '-t', 'revenue=115M', '-c', '90%', '--out', out]);
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('arrcast compare --target --confidence, and comparison.html', () => {
  it('tests every scenario against the same targets at the same confidence, side by side', () => {
    expect(run.code, run.stderr).toBe(0);
    // Each chance with its 95% interval, as the run's targets table gives it.
    expect(run.stdout).toMatch(/P\(revenue >= 115M\)\s+\d+\.\d% \[\d+\.\d%, \d+\.\d%\]\s+\d+\.\d% \[\d+\.\d%, \d+\.\d%\]/);
    expect(run.stdout).toContain('Recognized revenue: budget at 90% confidence');
    // The mean of the worst 10% of each scenario, as comparison.html and comparison.xlsx give it (the terminal left it out).
    const worst = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')).decisions.scenarios.map((s: { downside: { revenue: { worst10Mean: number } } }) => s.downside.revenue.worst10Mean);
    expect(run.stdout).toMatch(new RegExp(`Recognized revenue: mean of the worst 10%\\s+${worst.map((v: number) => formatMoney(v).replace('.', '\\.')).join('\\s+')}\n`));
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(c.decisions.confidence).toBe(0.9);
    expect(c.decisions.scenarios.map((s: { label: string }) => s.label)).toEqual(['A', 'B']);
    // The downside scenario reaches the target less often than the plan.
    const [a, b] = c.decisions.scenarios.map((s: { targets: Array<{ probability: { value: number } }> }) => s.targets.at(-1)!.probability.value);
    expect(b).toBeLessThan(a);
  });

  it('never writes a target no trial reaches as a certain 0%: every output gives the chance with its 95% interval', () => {
    // revenue >= 900M: no trial of either scenario reaches it. The Wilson interval's upper end at 0
    // of n is z^2 / (n + z^2), computed here from its closed form.
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    for (const s of c.decisions.scenarios) expect(s.targets[0].probability.value).toBe(0);
    const z2 = 1.959963984540054 ** 2;
    const upper = `${(100 * z2 / (1500 + z2)).toFixed(2)}%`;
    expect(upper).toBe('0.26%');
    const cell = `0.0% [0.0%, 0.3%]`;
    expect(run.stdout).toMatch(new RegExp(`P\\(revenue >= 900M\\)\\s+${cell.replace(/[[\].]/g, '\\$&')}\\s+${cell.replace(/[[\].]/g, '\\$&')}`));
    const html = readFileSync(join(out, 'comparison.html'), 'utf8');
    expect(html).toContain(`<td class="num">${cell}</td>`);
    expect(html).toContain('The chance of revenue &gt;= 900M is under 0.3% (none of 1,500 simulated years) for A, under 0.3% (none of 1,500 simulated years) for B.');
    // Both scenarios' joint chance too, in the terminal as in the page.
    expect(run.stdout).toMatch(/P\(all targets in the same year\)\s+0\.0% \[0\.0%, 0\.3%\]/);
    // comparison.xlsx: read in the workbook's own test below (one read of the file).
  });

  it('writes a self-contained comparison.html with the targets, the differences and P(B < A)', () => {
    const html = readFileSync(join(out, 'comparison.html'), 'utf8');
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(html).not.toMatch(/<script|<link\b|href="https?:/i);
    expect(html).toContain("Content-Security-Policy");
    for (const s of c.decisions.scenarios) expect(html).toContain(`<td class="num">${formatShare(s.targets.at(-1).probability.value)} [`);
    expect(html).toContain(`<td class="num">${formatShare(c.metrics.revenue.differences[0].probabilityBelow.value)}</td>`);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(2);
    expect(html).toContain('<h2>Glossary</h2>');
  });

  it('writes comparison.xlsx beside it, the chances of the target as percentages', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'comparison.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scenarios', 'Side by side', 'Differences', 'Differences by tier', 'Chances of targets', 'Budgets and downside']);
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    const t = wb.getWorksheet('Chances of targets')!;
    const rows = (t.getSheetValues().filter(Boolean) as unknown[][]).filter((r) => r[1] === 'P(revenue >= 115M)');
    expect(rows.map((r) => r[3])).toEqual(c.decisions.scenarios.map((s: { targets: Array<{ probability: { value: number } }> }) => s.targets.at(-1)!.probability.value));
    // A target no trial reaches (revenue >= 900M): its chance with the 95% interval's ends, the upper
    // Wilson's z^2 / (n + z^2) at 0 of n, so the 0 is read as an estimate, not a certainty.
    const never = (t.getSheetValues().filter(Boolean) as unknown[][]).filter((r) => r[1] === 'P(revenue >= 900M)');
    expect(never.map((r) => r.slice(3, 6))).toEqual(c.decisions.scenarios.map((s: { targets: Array<{ probability: { interval: number[] } }> }) => [0, ...s.targets[0]!.probability.interval]));
    const z2 = 1.959963984540054 ** 2;
    for (const r of never) expect(r[5] as number).toBeCloseTo(z2 / (1500 + z2), 12);
    // Bookings beside ending ARR, with the reason they can match, as the terminal and comparison.html give it.
    const side = (wb.getWorksheet('Side by side')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.filter(Boolean).join(' '));
    expect(side.some((r) => r.includes('Bookings count every contract signed in the year, renewals included, so they can match ending ARR.'))).toBe(true);
    // Where LibreOffice is installed, it opens the workbook headless.
    if (spawnSync('which', ['soffice']).status === 0) {
      const dir = mkdtempSync(join(tmpdir(), 'arrcast-soffice-'));
      const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(out, 'comparison.xlsx')], { timeout: 120_000, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(dir)).toContain('comparison.pdf');
    }
  });

  it('gives the differences by tier in comparison.html and comparison.xlsx, as comparison.json and the terminal do', async () => {
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    const html = readFileSync(join(out, 'comparison.html'), 'utf8');
    expect(c.sharedTiers).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'comparison.xlsx'));
    const sheet = (wb.getWorksheet('Differences by tier')!.getSheetValues().filter(Boolean) as unknown[][]).filter((r) => r[3] === 'B vs A');
    const labels = { revenue: 'Recognized revenue', bookings: 'Bookings', endingArr: 'Ending ARR' } as const;
    expect(sheet).toHaveLength(3 * 3);
    for (const [metric, label] of Object.entries(labels))
      for (const tier of c.sharedTiers as string[]) {
        const d = c.byTier[tier][metric].differences[0];
        const row = sheet.find((r) => r[1] === label && r[2] === tier)!;
        expect(row.slice(4, 11), `${label}, ${tier}`).toEqual([d.mean, d.percentiles.p10, d.percentiles.p50, d.percentiles.p90, d.probabilityBelow.value, ...d.probabilityBelow.interval]);
        // The page's row of the same tier and metric, its P(B < A) as the terminal's share.
        const tr = html.match(new RegExp(`<tr><th[^>]*>${label}, ${tier}: B − A</th>(.*?)</tr>`))?.[1];
        expect(tr, `${label}, ${tier} in comparison.html`).toBeDefined();
        expect(tr).toContain(`${formatShare(d.probabilityBelow.value)}</td>`);
      }
    expect(run.stdout).toContain('SMB: B - A');
  });

  it('opens in headless Chromium: every chart renders, no console error, nothing requested but itself', async () => {
    const found = findBrowser();
    if (!found.ok) expect.fail(found.message);
    browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(out, 'comparison.html')).href;
    await page.goto(url, { waitUntil: 'load' });
    const charts = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => ({ w: s.getBoundingClientRect().width, h: s.getBoundingClientRect().height, marks: s.querySelectorAll('path, line, text').length })));
    expect(charts).toHaveLength(2);
    for (const ch of charts) {
      expect(ch.w).toBeGreaterThan(500);
      expect(ch.w).toBeLessThanOrEqual(900);
      expect(ch.h).toBeGreaterThan(200);
      expect(ch.marks).toBeGreaterThan(30);
    }
    // No chart wider than the page: nothing is cut at the right edge.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  });
});
