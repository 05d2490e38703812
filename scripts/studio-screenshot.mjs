#!/usr/bin/env node
// node scripts/studio-screenshot.mjs [PNG]   (after npm run build)
//
// The README's screenshot of the what-if studio, docs/studio.png by default: the built
//   arrcast studio scenarios/example.yaml --trials 10000 --target revenue=120M
// in headless Chromium (an installed one: src/report/find-browser.ts; nothing is downloaded), with SMB
// conversion moved down four steps with the keyboard and the market fixed at a year like the worst 30%.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { findBrowser } from '../dist/report/find-browser.js';

const png = process.argv[2] ?? 'docs/studio.png';
const found = findBrowser();
if (!found.ok) {
  console.error(found.message);
  process.exit(1);
}
const studio = spawn(process.execPath, ['dist/cli/main.js', 'studio', 'scenarios/example.yaml', '--port', '0', '--trials', '10000', '--target', 'revenue=120M'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  studio.stdout.on('data', (c) => {
    out += c;
    const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
    if (m) resolve(m[0]);
  });
  studio.on('exit', (code) => reject(new Error(`arrcast studio exited with ${code}`)));
});
const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1050 } });
  let seq = 0;
  const settle = async () => {
    await page.waitForFunction((n) => document.body.dataset.pass === 'full' && Number(document.body.dataset.seq) > n, seq, { timeout: 300_000 });
    seq = Number(await page.getAttribute('body', 'data-seq'));
  };
  await page.goto(url);
  await settle();
  await page.getByRole('slider', { name: 'SMB conversion', exact: true }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await page.check('#market-fixed');
  await page.focus('#market');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await settle();
  await page.evaluate(() => document.activeElement.blur());
  await page.screenshot({ path: png });
  console.log(`wrote ${png}`);
} finally {
  await browser.close();
  studio.kill('SIGTERM');
}
