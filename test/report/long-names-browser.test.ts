import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { Summary } from '../../src/analysis/summarize.js';
import { summarize } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { launchTestBrowser } from '../helpers/browser.js';
import { TWO_TIERS, runReportScenario } from './fixture.js';

/**
 * Names set the width of text the page cannot choose: the stress table's headers name the plan and
 * each stress case, and were never wrapped, so three stress cases named as a planner would
 * ("Example SaaS Co - FY downside - lead shortfall") made report.html 1,711 px wide at 1,280; a name
 * with no space in it (a tier, a target's label, the scenario) ran past the column in the title,
 * the summary and every table. Here the page must stay within its column at the widths it is read at.
 */
let browser: Browser | undefined;
const urls: Record<string, string> = {};

const LONG_WORD = (c: string, n: number) => c.repeat(n);
const renamed = (s: Summary, name: string): Summary => ({ ...s, scenario: { ...s.scenario, name } });

async function writeTo(name: string, summary: Summary, sim: Parameters<typeof writeReport>[1], stressNames: readonly string[]): Promise<void> {
  const out = join(mkdtempSync(join(tmpdir(), 'arrcast-names-layout-')), 'report');
  await writeReport(out, sim, summary, { outputs: ['html'], stress: stressNames.map((n, i) => ({ source: `stress-${i}.yaml`, summary: renamed(summary, n) })) });
  urls[name] = pathToFileURL(join(out, 'report.html')).href;
}

beforeAll(async () => {
  const plain = await runReportScenario(TWO_TIERS.replace('name: Report test Co', 'name: Example SaaS Co - FY plan for the board'), 1000);
  await writeTo('three stress cases named as a planner would', plain.summary, plain.sim, [
    'Example SaaS Co - FY downside - lead shortfall',
    'Example SaaS Co - FY downside - weaker renewals',
    'Example SaaS Co - FY severe downside - both at once',
  ]);
  const yaml = TWO_TIERS.replace('name: Report test Co', `name: ${LONG_WORD('N', 200)}`).replace('  - name: SMB', `  - name: ${LONG_WORD('T', 60)}`);
  const long = await runReportScenario(yaml, 1000);
  const summary = summarize(long.sim, { targets: { metrics: [{ metric: 'revenue', value: 10e6, label: LONG_WORD('L', 80) }] } });
  await writeTo('names without a space in them', summary, long.sim, [LONG_WORD('S', 120)]);
});

afterAll(async () => {
  await browser?.close();
});

/** What runs past the column: the page's own overflow, tables wider than main, and number cells that wrapped. */
const OVERFLOW = `(() => {
  const main = document.querySelector('main').getBoundingClientRect();
  const wide = [...document.querySelectorAll('main *:not(svg *)')]
    .filter((el) => el.getBoundingClientRect().right > main.right + 0.5 || el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.tagName + ': ' + (el.textContent || '').trim().slice(0, 40));
  const lines = (td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  const wrappedNumbers = [...document.querySelectorAll('td.num')].filter((td) => lines(td) > 1).map((td) => td.textContent);
  return { page: document.documentElement.scrollWidth, view: window.innerWidth, wide, wrappedNumbers };
})()`;

describe('report.html stays within its column whatever the names', () => {
  for (const width of [1000, 1280])
    for (const name of ['three stress cases named as a planner would', 'names without a space in them'])
      it(`${name}, at ${width} px`, async () => {
        browser ??= await launchTestBrowser();
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(urls[name]!, { waitUntil: 'load' });
        const r = (await page.evaluate(OVERFLOW)) as { page: number; view: number; wide: string[]; wrappedNumbers: string[] };
        await page.close();
        expect(r.wide).toEqual([]);
        expect(r.page).toBeLessThanOrEqual(r.view);
        expect(r.wrappedNumbers).toEqual([]);
      });
});
