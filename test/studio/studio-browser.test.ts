import { shellWord } from '../../src/report/shell-word.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findBrowser } from '../../src/report/find-browser.js';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT } from '../helpers/fixtures.js';
import { startStudio, stopStudio } from '../helpers/studio-process.js';

/**
 * The studio as a planner uses it: the built `arrcast studio` in its own process, its page in
 * headless Chromium (an installed one: src/report/find-browser.ts, never a downloaded browser),
 * driven with the keyboard. Needs `npm run build` first (npm test does it).
 */
/** The page's document, inside page functions (this file is type-checked without the DOM library). */
declare const document: {
  readonly activeElement: unknown;
  readonly body: { readonly dataset: Record<string, string | undefined> };
  addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string; sample: string }) => void): void;
};
declare const window: { cspViolations?: string[] };

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TRIALS = 3_000;
const SEED = 5;

let studio: ChildProcess;
let url: string;
let dir: string;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-browser-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
  ({ studio, url } = await startStudio([join(dir, 'example.yaml'), '--port', '0', '--trials', String(TRIALS), '--seed', String(SEED), '--workers', '1', '--target', 'revenue=120M']));
});

afterAll(async () => {
  await browser?.close();
  await stopStudio(studio);
});

async function openPage(): Promise<{ page: Page; errors: string[]; foreign: string[]; csp: string | undefined }> {
  const found = findBrowser();
  if (!found.ok) expect.fail(found.message);
  browser ??= await chromium.launch({ executablePath: found.path, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  // Every Content-Security-Policy violation the page causes (an eval Vega tried, a style or a source refused), as the browser reports it.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const response = await page.goto(url);
  return { page, errors, foreign, csp: response?.headers()['content-security-policy'] };
}

/** The figures the page shows, as the exact numbers it carries beside their text. */
async function shown(page: Page) {
  const value = async (id: string) => Number(await page.getAttribute(`#${id}`, 'data-value'));
  return { p50: await value('p50'), target: await value('target-p-0'), p50Text: (await page.textContent('#p50'))!, targetText: (await page.textContent('#target-p-0'))! };
}

/** Wait for the full answer of the latest change (the page marks it on <body>). */
async function settled(page: Page, after: number): Promise<number> {
  await page.waitForFunction((n) => document.body.dataset.pass === 'full' && Number(document.body.dataset.seq) > n, after, { timeout: 120_000 });
  return Number(await page.getAttribute('body', 'data-seq'));
}

describe('arrcast studio in a browser', () => {
  it('a slider moved with the keyboard moves P50 and P(target); moved back, the numbers are the original ones exactly; a saved state is what arrcast run gives', async () => {
    const { page, errors, foreign, csp } = await openPage();
    let seq = await settled(page, 0);
    const original = await shown(page);
    // Served without 'unsafe-eval', and the charts still draw: Vega interprets its expressions.
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-eval/);
    for (const chart of ['chart-distribution', 'chart-fan', 'chart-tornado'])
      expect(await page.locator(`#${chart} svg path`).count(), chart).toBeGreaterThan(2);
    expect(await page.textContent('#name')).toBe('Example SaaS Co - FY plan');

    // Reachable with Tab, labelled, and moved with the arrow keys.
    const slider = page.getByRole('slider', { name: 'SMB conversion', exact: true });
    for (let i = 0; i < 80 && !(await slider.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect.poll(() => slider.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await slider.getAttribute('aria-valuetext')).toBe('3.00%');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    seq = await settled(page, seq);
    expect(await slider.getAttribute('aria-valuetext')).not.toBe('3.00%');
    const moved = await shown(page);
    expect(moved.p50).toBeLessThan(original.p50);
    expect(moved.target).toBeLessThan(original.target);
    expect(moved.p50Text).not.toBe(original.p50Text);
    expect(await page.textContent('#against-plan')).toMatch(/^P50 -/);

    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    seq = await settled(page, seq);
    expect(await shown(page)).toEqual(original);
    expect(await page.textContent('#against-plan')).toBe('P50 ±0 against the plan; P(revenue >= $120M) ±0 pts');

    // A what-if with the market fixed at a year like the worst 30%, saved, then run by arrcast run.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.check('#market-fixed');
    await page.focus('#market');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    seq = await settled(page, seq);
    expect(await page.getAttribute('#market', 'aria-valuetext')).toBe('a year like the worst 30%');
    const whatIf = await shown(page);
    await page.fill('#save-name', 'browser-what-if');
    await page.click('#save');
    await page.waitForSelector('#saved[data-file="browser-what-if.yaml"]');
    // The box then offers a name free now (it kept the one just saved, which a second save was refused).
    expect(await page.inputValue('#save-name')).toBe('example-what-if');
    const out = join(dir, 'run');
    const r = await runCli('run', join(dir, 'browser-what-if.yaml'), '--trials', String(TRIALS), '--seed', String(SEED), '--out', out, '--outputs', 'summary', '--quiet', '--workers', '0');
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(whatIf.p50).toBe(summary.metrics.revenue.percentiles.p50);
    expect(whatIf.target).toBe(summary.decisions.targets[0].probability.value);
    expect(readFileSync(join(dir, 'browser-what-if.yaml'), 'utf8').split('\n').slice(0, 3)).toEqual([
      '# What-if saved by arrcast studio from example.yaml.',
      `# The studio's numbers: arrcast run ${shellWord(join(dir, 'browser-what-if.yaml'))} --trials 3000 --seed 5 --confidence 0.8`,
      'extends: example.yaml',
    ]);

    // Every control back where the file has it, in one click: the original numbers again.
    await page.click('#reset');
    seq = await settled(page, seq);
    expect(await shown(page)).toEqual(original);
    expect(await slider.getAttribute('aria-valuetext')).toBe('3.00%');

    // A control that moves a field by its shape: the SMB sales cycle, a month longer with the keyboard, then back.
    const cycle = page.getByRole('slider', { name: 'SMB sales cycle: shift by', exact: true });
    expect(await cycle.getAttribute('aria-valuetext')).toBe('as planned (0 to 1 months, mean 0.4)');
    await cycle.focus();
    await page.keyboard.press('ArrowRight');
    seq = await settled(page, seq);
    expect(await cycle.getAttribute('aria-valuetext')).toBe('+1 month (1 to 2 months, mean 1.4)');
    expect((await shown(page)).p50).not.toBe(original.p50);
    await page.keyboard.press('ArrowLeft');
    seq = await settled(page, seq);
    expect(await shown(page)).toEqual(original);

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    // As text: a failure shows every message whole (an array is shortened to "[ …(2) ]").
    expect(errors.join('\n')).toBe('');
    expect(foreign.join('\n')).toBe('');
  }, 240_000);

  it('stops on SIGTERM: the server closes, the worker threads end, the process exits 0', async () => {
    const exited = new Promise<number | null>((r) => studio.on('exit', (code) => r(code)));
    studio.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(new URL('/', url))).rejects.toThrow();
  });
});
