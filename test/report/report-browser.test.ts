import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { writeReport } from '../../src/report/write-report.js';
import { HOSTILE_TIER, HOSTILE_WITH_TARGETS, runReportScenario } from './fixture.js';
import { findBrowser } from '../../src/report/find-browser.js';

/**
 * report.html as a reader sees it: opened from disk in headless Chrome or Chromium, an installed
 * one (src/report/find-browser.ts; .ci/run installs Debian's when missing; never a downloaded
 * browser). Without one this fails, not skips, with the command that installs one.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser | undefined;
let reportUrl: string;
let chartCount = 0;

beforeAll(async () => {
  const { sim, summary } = await runReportScenario(HOSTILE_WITH_TARGETS);
  const out = join(mkdtempSync(join(tmpdir(), 'arrcast-browser-')), 'report');
  await writeReport(out, sim, summary);
  chartCount = readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg')).length;
  reportUrl = pathToFileURL(join(out, 'report.html')).href;
});

/** A new page of the one browser: each test asks, so each fails (not skips) without Chromium. */
async function newPage(options?: Parameters<Browser['newPage']>[0]) {
  const found = findBrowser();
  if (!found.ok) expect.fail(found.message);
  browser ??= await chromium.launch({ executablePath: found.path, args: ARGS });
  return browser.newPage(options);
}

afterAll(async () => {
  await browser?.close();
});

describe('report.html in headless Chromium', () => {
  it('renders every chart at a sensible size, logs no error and requests nothing but itself', async () => {
    const page = await newPage({ viewport: { width: 1000, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      problems.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(reportUrl, { waitUntil: 'load' });

    const charts = await page.$$eval('figure.chart svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { width: box.width, height: box.height, marks: svg.querySelectorAll('path, line, text').length, label: svg.getAttribute('aria-label') };
      }),
    );
    // Every chart the report wrote is on the page (at least the six it has always had).
    expect(chartCount).toBeGreaterThanOrEqual(6);
    expect(charts).toHaveLength(chartCount);
    for (const c of charts) {
      expect(c.width, c.label ?? '').toBeGreaterThan(500);
      expect(c.width, c.label ?? '').toBeLessThanOrEqual(900);
      // A tornado of few drivers is short; no chart is a sliver.
      expect(c.height, c.label ?? '').toBeGreaterThan(150);
      expect(c.marks, c.label ?? '').toBeGreaterThan(30);
    }
    // Nothing overflows the page sideways.
    expect(await page.$eval('html', (html) => html.scrollWidth)).toBeLessThanOrEqual(1000);
    expect(problems).toEqual([]);
    expect(requests).toEqual([reportUrl]);
    await page.close();
  });

  it('shows a hostile tier name as text and runs no script', async () => {
    const page = await newPage();
    await page.goto(reportUrl);
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(0);
    expect(await page.$$eval('img, iframe, object, embed', (elements) => elements.length)).toBe(0);
    const headings = await page.$$eval('h3', (hs) => hs.map((h) => h.textContent));
    expect(headings).toContain(HOSTILE_TIER);
    expect(await page.textContent('h1')).toBe('Q&A <Co> "plan"');
    // The targets table shows a target's label that is HTML as text.
    const targets = await page.$$eval('tbody th[scope="row"]', (ths) => ths.map((th) => th.textContent));
    expect(targets).toContain('Board <plan> & "stretch"');
    await page.close();
  });

  it('prints to A4 and to Letter', async () => {
    const page = await newPage();
    await page.goto(reportUrl);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Six charts and the tables take a few pages, not dozens (nothing blew up in print). The
      // fixture's monthly plan table (twelve months) takes A4 to 13 pages, over the bound of 12 before it.
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages, format).toBeGreaterThanOrEqual(4);
      expect(pages, format).toBeLessThanOrEqual(14);
    }
    await page.close();
  });
});
