import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from '../../src/report/find-browser.js';
import { ROOT } from '../helpers/fixtures.js';
import { startStudio, stopStudio } from '../helpers/studio-process.js';

/**
 * The studio's charts fit its results column, at an 800 px window (a column of 348 px, where the
 * charts, 675 to 708 px wide, scrolled sideways inside it) and at 1,280 px: the built `arrcast studio`
 * in headless Chromium (an installed one: src/report/find-browser.ts). Needs `npm run build` first.
 */
/** The page's document, inside page functions (this file is type-checked without the DOM library). */
declare const document: {
  readonly body: { readonly dataset: Record<string, string | undefined> };
  querySelectorAll(selector: string): ArrayLike<{ id: string; clientWidth: number; scrollWidth: number; textContent: string | null; getBoundingClientRect(): { left: number; right: number; top: number; bottom: number } }>;
};

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let studio: ChildProcess;
let url: string;
let browser: Browser | undefined;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-fit-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
  ({ studio, url } = await startStudio([join(dir, 'example.yaml'), '--port', '0', '--trials', '2000', '--seed', '5', '--workers', '1', '--target', 'revenue=120M']));
});

afterAll(async () => {
  await browser?.close();
  await stopStudio(studio);
});

describe('the studio charts fit the results column', () => {
  it.each([800, 1280])('at a %i px window: no chart scrolls sideways, and the revenue lines\' labels do not overlap', async (width) => {
    const found = findBrowser();
    if (!found.ok) expect.fail(found.message);
    browser ??= await chromium.launch({ executablePath: found.path, args: ARGS });
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.pass === 'full', null, { timeout: 120_000 });
    for (const chart of ['chart-distribution', 'chart-fan', 'chart-tornado']) expect(await page.locator(`#${chart} svg path`).count(), chart).toBeGreaterThan(2);

    const boxes = await page.evaluate(() => Array.from(document.querySelectorAll('.chart, #results'), (e) => ({ id: e.id, client: e.clientWidth, scroll: e.scrollWidth })));
    expect(boxes.length).toBe(4);
    for (const b of boxes) expect(b.scroll, `${b.id} at ${width} px: ${b.scroll} px wide in ${b.client}`).toBeLessThanOrEqual(b.client);

    // P10, P50, P90, the mean, the target and the budget: each label's box clear of every other.
    const labels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#chart-distribution svg text'))
        .filter((t) => /^(P10|P50|P90|Mean|Target|Budget) /.test(t.textContent ?? ''))
        .map((t) => ({ text: t.textContent, ...JSON.parse(JSON.stringify(t.getBoundingClientRect())) as { left: number; right: number; top: number; bottom: number } })),
    );
    expect(labels.length).toBe(6);
    const overlapping = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.text} / ${b.text}`));
    expect(overlapping).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
