#!/usr/bin/env node
// node scripts/docs-screenshots.mjs REPORT_DIR COMPARISON_DIR
//
// The README's screenshots: the first screens of report.html and comparison.html as headless
// Chromium shows them at 1000 px, saved as docs/report.png and docs/comparison.png. Made from
//   arrcast run scenarios/example.yaml -n 20000 -t revenue=120M --with-stress scenarios/downside.yaml --out R
//   arrcast compare scenarios/example.yaml scenarios/downside.yaml -n 20000 -t revenue=120M --out C
// Needs an installed Chrome or Chromium (src/report/find-browser.ts); nothing is downloaded or fetched.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findBrowser } from '../dist/report/find-browser.js';

const [report, comparison] = process.argv.slice(2);
if (!report || !comparison) {
  console.error('usage: node scripts/docs-screenshots.mjs REPORT_DIR COMPARISON_DIR');
  process.exit(2);
}
const found = findBrowser();
if (!found.ok) {
  console.error(found.message);
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  for (const [file, png, height] of [
    [join(report, 'report.html'), 'docs/report.png', 2200],
    [join(comparison, 'comparison.html'), 'docs/comparison.png', 1900],
  ]) {
    const page = await browser.newPage({ viewport: { width: 1000, height } });
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
    await page.screenshot({ path: png });
    console.error(`wrote ${png}`);
  }
} finally {
  await browser.close();
}
