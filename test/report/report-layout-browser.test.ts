import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { findBrowser } from '../../src/report/find-browser.js';
import { ROOT } from '../helpers/fixtures.js';

let browser: Browser | undefined;
let url: string;

beforeAll(async () => {
  // Three tiers, reps, a stress case: every chart the page can hold, and the downside section.
  const plan = await simulate(await loadScenario(join(ROOT, 'scenarios/hybrid-company.yaml')), { trials: 1500, workers: 0 });
  const summary = summarize(plan, { targets: { metrics: [{ metric: 'revenue', value: 100e6 }] } });
  const out = join(mkdtempSync(join(tmpdir(), 'arrcast-layout-')), 'report');
  await writeReport(out, plan, summary, { stress: [{ source: 'same.yaml', summary }] });
  url = pathToFileURL(join(out, 'report.html')).href;
});

afterAll(async () => {
  await browser?.close();
});

/** Per chart: its width, the page's, and the pairs of axis or mark labels whose boxes overlap. */
const LAYOUT = `(() => {
  const main = document.querySelector('main').getBoundingClientRect().width;
  return [...document.querySelectorAll('figure.chart svg')].map((svg) => {
    const box = svg.getBoundingClientRect();
    const overlaps = [];
    let checked = 0;
    for (const group of svg.querySelectorAll('g.role-axis-label')) {
      const texts = [...group.querySelectorAll('text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() })).filter((t) => t.r.width > 0);
      checked += texts.length;
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i].r, b = texts[j].r;
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 1 && y > 1) overlaps.push(texts[i].text + ' / ' + texts[j].text);
        }
    }
    const cut = [...svg.querySelectorAll('text')].map((t) => t.textContent).filter((t) => t.includes('…'));
    return { label: svg.getAttribute('aria-label'), width: box.width, main, overlaps, cut, checked };
  });
})()`;

describe('report.html layout in headless Chromium, at the widths the page uses', () => {
  for (const width of [1000, 1280]) {
    it(`at ${width} px: every chart fits the column, no axis label overlaps another, none is cut`, async () => {
      const found = findBrowser();
      if (!found.ok) expect.fail(found.message);
      browser ??= await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(url, { waitUntil: 'load' });
      const charts = (await page.evaluate(LAYOUT)) as Array<{ label: string; width: number; main: number; overlaps: string[]; cut: string[]; checked: number }>;
      expect(charts.length).toBeGreaterThanOrEqual(7);
      for (const c of charts) {
        expect(c.width, c.label).toBeLessThanOrEqual(c.main + 0.5);
        expect(c.checked, `${c.label}: axis labels found`).toBeGreaterThan(3);
        expect(c.overlaps, c.label).toEqual([]);
        expect(c.cut, c.label).toEqual([]);
      }
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await page.close();
    });
  }
});
