import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser } from '../helpers/browser.js';
import { startStudio, stopStudio } from '../helpers/studio-process.js';

/**
 * Refusals said where the planner is looking, in a window 800 px wide as a laptop beside a call
 * gives it. A save's refusal (a bad name, a name taken) and a report's failure were written at the
 * top of the controls, scrolled out of sight of the Save as button just pressed, while the last
 * save's "Saved x.yaml" stood under it as if this one had worked too. An answer's failure was
 * written there as well, out of sight of a slider moved lower down, while the figures beside it
 * stayed. Needs `npm run build` first (npm test does it).
 */
declare const document: {
  getElementById(id: string): { textContent: string | null } | null;
  readonly body: { readonly dataset: Record<string, string | undefined>; readonly classList: { contains(name: string): boolean } };
};

let studio: ChildProcess;
let url: string;
let dir: string;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-sight-'));
  writeFileSync(
    join(dir, 'sight.json'),
    JSON.stringify({
      name: 'Sight',
      seed: 5,
      // Three tiers: controls taller than the window, so its foot is out of sight of its top.
      tiers: ['A', 'B', 'C'].map((name) => ({
        name,
        existing: { openingArr: 1_200_000, customers: 100, renewalRate: { dist: 'beta', mean: 0.9, sd: 0.03 } },
        newBusiness: { leadsPerMonth: { dist: 'poisson', mean: 40 }, conversion: { dist: 'beta', mean: 0.1, sd: 0.03 }, acv: { dist: 'lognormal', mean: 12000, sd: 3000 } },
      })),
    }),
  );
  ({ studio, url } = await startStudio([join(dir, 'sight.json'), '--port', '0', '--trials', '2000', '--workers', '1', '--target', 'revenue=10M']));
});

afterAll(async () => {
  await browser?.close();
  await stopStudio(studio);
});

/** A settled page of the studio, 800 px wide and 600 high. */
async function narrowPage(): Promise<Page> {
  browser ??= await launchTestBrowser();
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.pass === 'full' && !document.body.classList.contains('stale'), undefined, { timeout: 60_000 });
  return page;
}

/** Whether the element's box lies wholly within the window as it is scrolled now. */
async function inSight(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const view = page.viewportSize()!;
  return box !== null && box.height > 0 && box.y >= 0 && box.y + box.height <= view.height && box.x >= 0 && box.x + box.width <= view.width;
}

describe('arrcast studio: a refused save', () => {
  it('is said under the Save as button, and the last save is no longer said to stand', async () => {
    const page = await narrowPage();
    await page.locator('#save').scrollIntoViewIfNeeded();
    await page.fill('#save-name', 'kept');
    await page.click('#save');
    await page.waitForSelector('#saved[data-file="kept.yaml"]');
    for (const [name, why] of [
      ['../kept', 'a name is letters, digits, spaces, - and _ (up to 64), with no folder: the file goes next to the scenario'],
      ['kept', 'kept.yaml already exists; choose another name'],
      ['', 'give the file a name'],
    ]) {
      await page.fill('#save-name', name!);
      await page.click('#save');
      await page.waitForFunction((text) => document.getElementById('save-error')?.textContent === text, why, { timeout: 30_000 });
      expect(await inSight(page, '#save-error'), name).toBe(true);
      expect(await page.textContent('#saved'), name).toBe('Not saved.');
    }
    expect(existsSync(join(dir, 'kept.yaml'))).toBe(true);
    // A save that works takes the refusal away; Enter in the name box saves, as in a form (it did nothing).
    await page.fill('#save-name', 'second');
    await page.press('#save-name', 'Enter');
    await page.waitForSelector('#saved[data-file="second.yaml"]');
    expect(await page.textContent('#save-error')).toBe('');
    await page.close();
  });
});

describe('arrcast studio: a save under way', () => {
  it('a double click saves once and says so (the second click was refused as the name taken, and said last)', async () => {
    const page = await narrowPage();
    await page.locator('#save').scrollIntoViewIfNeeded();
    let asked = 0;
    let answered = 0;
    page.on('request', (r) => void (r.url().includes('/api/save') && asked++));
    page.on('requestfinished', (r) => void (r.url().includes('/api/save') && answered++));
    await page.fill('#save-name', 'twice');
    await page.dblclick('#save');
    await page.waitForSelector('#saved[data-file="twice.yaml"]');
    // Every request sent has been answered, and the page has had time to say the answer.
    await expect.poll(() => answered === asked).toBe(true);
    await page.waitForTimeout(1000);
    expect(await page.textContent('#saved')).toMatch(/^Saved twice\.yaml\. /);
    expect(await page.textContent('#save-error')).toBe('');
    expect(readdirSync(dir).filter((f) => f.startsWith('twice'))).toEqual(['twice.yaml']);
    await page.close();
  });

  it('while a save runs, the last refusal is gone and the page says it is saving', async () => {
    const page = await narrowPage();
    await page.locator('#save').scrollIntoViewIfNeeded();
    await page.fill('#save-name', '../away');
    await page.click('#save');
    await page.waitForFunction(() => (document.getElementById('save-error')?.textContent ?? '') !== '', undefined, { timeout: 30_000 });
    // Hold the next save's request until the page has been read.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/save', async (route) => {
      await held;
      await route.continue();
    });
    await page.fill('#save-name', 'later');
    await page.click('#save');
    expect(await page.textContent('#save-error')).toBe('');
    expect(await page.textContent('#saved')).toBe('Saving…');
    expect(await page.isDisabled('#save')).toBe(true);
    release();
    await page.waitForSelector('#saved[data-file="later.yaml"]');
    expect(await page.isDisabled('#save')).toBe(false);
    await page.close();
  });
});

describe('arrcast studio: a report or an answer that fails', () => {
  const gone = 'The studio is not answering: it may have stopped. Start arrcast studio again and open the address it prints.';

  it('a report: said under its button', async () => {
    const page = await narrowPage();
    await page.route('**/api/report', (route) => route.abort('connectionrefused'));
    await page.locator('#download-report').scrollIntoViewIfNeeded();
    await page.click('#download-report');
    await page.waitForFunction((text) => document.getElementById('save-error')?.textContent === text, gone, { timeout: 30_000 });
    expect(await inSight(page, '#save-error')).toBe(true);
    expect(await page.textContent('#saved')).toBe('No report was made.');
    await page.close();
  });

  it('an answer: said beside the figures still shown, in sight of a slider moved at the foot of the controls', async () => {
    const page = await narrowPage();
    await page.route('**/api/answer', (route) => route.abort('connectionrefused'));
    const last = page.locator('#controls input[type=range]').last();
    await last.scrollIntoViewIfNeeded();
    await last.focus();
    // The controls' top, where the error was written, is out of sight now.
    expect(await inSight(page, '#controls fieldset >> nth=0')).toBe(false);
    await last.press('ArrowRight');
    await page.waitForFunction(() => document.body.dataset.pass === 'error', undefined, { timeout: 30_000 });
    expect(await page.textContent('#error')).toBe(gone);
    expect(await inSight(page, `#${await last.getAttribute('id')}`)).toBe(true);
    expect(await inSight(page, '#error')).toBe(true);
    expect(await inSight(page, '#status')).toBe(true);
    await page.close();
  });
});
