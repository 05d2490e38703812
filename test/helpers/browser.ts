import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from '../../src/report/find-browser.js';

/** Chromium as the browser tests run it: headless, from the system (findBrowser), never a downloaded one. */
export async function launchTestBrowser(): Promise<Browser> {
  const found = findBrowser();
  if (!found.ok) throw new Error(found.message);
  return chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}
