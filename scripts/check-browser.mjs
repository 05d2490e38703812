#!/usr/bin/env node
// Run by `npm test` before the tests (after the build): says at the start, not only in the
// failing browser tests at the end, when no Chrome or Chromium is installed for the report tests, and the
// one command that installs one. It never fails the run by itself and never downloads anything.
import { findBrowser } from '../dist/report/find-browser.js';

const found = findBrowser();
if (!found.ok) console.error(`\narrcast: the tests that open report.html, comparison.html or the studio in a browser (test/report/report-browser, report-layout-browser and long-names-browser, test/studio/studio-browser, controls-browser, one-trial-page, refusals-in-sight-browser and charts-fit-browser, test/cli/compare-report) will fail: ${found.message}\n`);
