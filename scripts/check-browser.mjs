#!/usr/bin/env node
// Run by `npm test` before the tests (after the build): says at the start, not only in three
// failing tests at the end, when no Chrome or Chromium is installed for the report tests, and the
// one command that installs one. It never fails the run by itself and never downloads anything.
import { findBrowser } from '../dist/report/find-browser.js';

const found = findBrowser();
if (!found.ok) console.error(`\narrcast: the report tests (test/report/report-browser.test.ts) will fail: ${found.message}\n`);
