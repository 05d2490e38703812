#!/usr/bin/env node
// The studio's latency as a planner sees it: from a slider moved with the keyboard to the updated
// charts on the page, in headless Chromium (Debian's, via find-browser), for the first answer (the
// first 2,000 trials) and the full one. Usage, after `npm run build`:
//   node bench/studio.mjs [SCENARIO] [--trials N] [--moves K] [--slider LABEL]   (default 'SMB conversion'; 'Market year' moves every tier)
// Prints one line per move and the medians; the page's own timer (body[data-first-ms],
// body[data-full-ms]) runs from the input event to the charts drawn (vega's runAsync resolved).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { findBrowser } from '../dist/report/find-browser.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const scenario = args[0] && !args[0].startsWith('--') ? args[0] : 'scenarios/example.yaml';
const trials = Number(opt('--trials', 10_000));
const moves = Number(opt('--moves', 8));
const sliderName = opt('--slider', 'SMB conversion');

const studio = spawn(process.execPath, ['dist/cli/main.js', 'studio', scenario, '--port', '0', '--trials', String(trials), '--target', 'revenue=120M'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  studio.stdout.on('data', (c) => {
    out += c;
    const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
    if (m) resolve(m[0]);
  });
  studio.on('exit', (code) => reject(new Error(`arrcast studio exited with ${code}`)));
});
const found = findBrowser();
if (!found.ok) throw new Error(found.message);
const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  let seq = 0;
  const settle = async () => {
    await page.waitForFunction((n) => document.body.dataset.pass === 'full' && Number(document.body.dataset.seq) > n, seq, { timeout: 300_000 });
    seq = Number(await page.getAttribute('body', 'data-seq'));
    return {
      first: Number(await page.getAttribute('body', 'data-first-ms')),
      full: Number(await page.getAttribute('body', 'data-full-ms')),
      server: `${await page.getAttribute('body', 'data-first-server')} / ${await page.getAttribute('body', 'data-full-server')}`,
    };
  };
  await page.goto(url);
  await settle();
  if (sliderName === 'Market year') {
    // The market year is drawn afresh until it is fixed: fix it first (one answer), then move it.
    await page.getByLabel(/Fix the market year/).check();
    await settle();
  }
  const slider = page.getByRole('slider', { name: sliderName, exact: true });
  await slider.focus();
  const run = async (key, label) => {
    const times = [];
    for (let i = 0; i < moves; i++) {
      await page.keyboard.press(key);
      const t = await settle();
      times.push(t);
      console.log(`${label} ${i + 1}: first answer ${Number.isFinite(t.first) ? `${t.first} ms` : '-'}, full ${t.full} ms (server simulate+summary ms, first / full: ${t.server})`);
    }
    return times;
  };
  await run('ArrowLeft', 'warm-up');
  const fresh = await run('ArrowLeft', 'new state');
  const back = await run('ArrowRight', 'state seen before');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\n${scenario}, ${trials.toLocaleString('en-US')} trials, ${moves} moves each; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`new state: first answer median ${median(fresh.map((t) => t.first))} ms, full median ${median(fresh.map((t) => t.full))} ms (min ${Math.min(...fresh.map((t) => t.full))}, max ${Math.max(...fresh.map((t) => t.full))})`);
  console.log(`state seen before (answers kept): full median ${median(back.map((t) => t.full))} ms`);
} finally {
  await browser.close();
  studio.kill('SIGTERM');
}
