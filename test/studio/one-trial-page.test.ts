import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchTestBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/fixtures.js';
import { startStudio, stopStudio } from '../helpers/studio-process.js';

/**
 * The studio's page at one trial (arrcast studio --trials 1) says '1 trial', not '1 trials', in
 * its header and its status line. Needs `npm run build` first (npm test does it).
 */
declare const document: { readonly body: { readonly innerText: string; readonly dataset: Record<string, string | undefined> } };

let studio: ChildProcess;
let url: string;
let browser: Browser | undefined;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-one-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
  ({ studio, url } = await startStudio([join(dir, 'example.yaml'), '--port', '0', '--trials', '1', '--workers', '1']));
});

afterAll(async () => {
  await browser?.close();
  await stopStudio(studio);
});

describe('arrcast studio --trials 1', () => {
  it("says '1 trial' on its page", async () => {
    browser ??= await launchTestBrowser();
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.pass === 'full', undefined, { timeout: 60_000 });
    const text = await page.evaluate(() => document.body.innerText);
    await page.close();
    expect(text).toContain('example.yaml · 1 trial (first answer from 1) · seed 7');
    expect(text).toMatch(/\b1 trial, seed 7 \(/);
    expect(text).not.toMatch(/(?<![\d,])1 trials/);
  });
});
