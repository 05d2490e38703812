// Two tabs of one studio, each moving its own slider at the same moment, a few rounds: prints, per
// round and tab, whether the page settled on its answer ("full") or ended with an error, and the
// milliseconds. Before the nineteenth session's fix (LatestOnly by page), this script's every round
// ended "cancelled by a newer change" with no answer in both tabs (3 of 3 rounds: bench/RESULTS.md;
// the probe that found it saw one tab of each round so end). Headless Chromium (Debian's, via find-browser).
// Usage, after `npm run build`:
//   node bench/studio-two-tabs.mjs [SCENARIO] [--trials N] [--rounds K]   (default scenarios/example.yaml, 3,000, 3)
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { findBrowser } from '../dist/report/find-browser.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const trials = opt('--trials', '3000');
const rounds = Number(opt('--rounds', 3));
const file = args[0] ?? 'scenarios/example.yaml';
const studio = spawn(process.execPath, ['dist/cli/main.js', 'studio', file, '--trials', trials, '--workers', '1', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  studio.stdout.on('data', (d) => {
    out += d;
    const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(out);
    if (m) resolve(m[0]);
  });
  studio.on('exit', (code) => reject(new Error(`the studio exited (${code})`)));
});
const browser = await chromium.launch({ executablePath: findBrowser().path, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const a = await browser.newPage();
  const b = await browser.newPage();
  await Promise.all([a.goto(url), b.goto(url)]);
  const settled = (p) =>
    p.waitForFunction(() => document.body.dataset.pass === 'error' || (document.body.dataset.pass === 'full' && !document.body.classList.contains('stale')), null, { timeout: 180_000 });
  await Promise.all([settled(a), settled(b)]);
  // Sliders of two different tiers' drivers, one a tab (the first and the last driver slider).
  const ids = await a.evaluate(() => [...document.querySelectorAll('input[type=range][id^="d-"]')].map((i) => i.id));
  const [idA, idB] = [ids[0], ids.at(-1)];
  for (let round = 0; round < rounds; round++) {
    const t0 = Date.now();
    await Promise.all([a.focus(`#${idA}`).then(() => a.keyboard.press('ArrowLeft')), b.focus(`#${idB}`).then(() => b.keyboard.press('ArrowLeft'))]);
    await Promise.all([settled(a), settled(b)]);
    for (const [name, p] of [['A', a], ['B', b]])
      console.log(`round ${round + 1} tab ${name}: ${await p.evaluate(() => `${document.body.dataset.pass}${document.getElementById('error').textContent ? ` (${document.getElementById('error').textContent})` : ''}`)}, ${Date.now() - t0} ms`);
  }
} finally {
  await browser.close();
  studio.kill('SIGTERM');
}
