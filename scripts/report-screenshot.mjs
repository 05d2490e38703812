#!/usr/bin/env node
// npm run report:screenshot [-- SCENARIO [--trials N] [--png FILE]]
//
// Runs a scenario (default scenarios/example.yaml, 20,000 trials), writes its report to
// reports/screenshot/, and saves a full-page PNG of report.html as headless Chromium shows it
// (default reports/report-screenshot.png), to look at the layout without a browser at hand.
// Needs an installed Chrome or Chromium (see src/report/find-browser.ts); no browser is downloaded, nothing is fetched.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadScenario, simulate, summarize, writeReport } from '../dist/index.js';
import { findBrowser } from '../dist/report/find-browser.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { trials: { type: 'string', default: '20000' }, png: { type: 'string', default: 'reports/report-screenshot.png' }, out: { type: 'string', default: 'reports/screenshot' } },
});
const scenario = positionals[0] ?? 'scenarios/example.yaml';
const browserFound = findBrowser();
if (!browserFound.ok) {
  console.error(browserFound.message);
  process.exit(1);
}

const loaded = await loadScenario(scenario);
const sim = await simulate(loaded, { trials: Number(values.trials) });
await writeReport(values.out, sim, summarize(sim));

const browser = await chromium.launch({ executablePath: browserFound.path, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  await page.goto(pathToFileURL(resolve(join(values.out, 'report.html'))).href, { waitUntil: 'load' });
  await page.screenshot({ path: values.png, fullPage: true });
} finally {
  await browser.close();
}
console.error(`wrote ${values.out}/ and ${values.png}`);
