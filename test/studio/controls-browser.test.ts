import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser } from '../helpers/browser.js';
import { startStudio, stopStudio } from '../helpers/studio-process.js';

/**
 * The studio's controls as a planner meets them, in Chromium. Each slider of the page is labelled
 * by its own label and described by its own value in the file. Their element ids were the driver's id with every character but letters and digits
 * replaced by '_', so lead sources `a.b` and `a_b` gave two sliders one id: the second had no label
 * (no name for a screen reader or getByRole), and was described as "file: 10.0%", the first one's
 * value, not its own 20.0%. A target box emptied (or holding what is not a number) keeps its
target: it was read as 0, and the page said P(target) 100.0%. Needs `npm run build` first (npm
test does it).
 */
declare const document: {
  querySelectorAll(s: string): ArrayLike<PageElement>;
  getElementById(id: string): PageElement | null;
  readonly body: { readonly dataset: Record<string, string | undefined>; readonly classList: { contains(name: string): boolean } };
};
declare function requestAnimationFrame(callback: () => void): number;
declare const Event: new (type: string) => unknown;
interface PageElement {
  readonly id: string;
  readonly textContent: string | null;
  readonly labels?: ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
  closest(s: string): PageElement | null;
  querySelector(s: string): PageElement | null;
}

let studio: ChildProcess;
let url: string;
let browser: Browser | undefined;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-ids-'));
  const source = (grade: string, leads: number, conversion: number) => ({
    grade,
    leadsPerMonth: { dist: 'poisson', mean: leads },
    conversion: { dist: 'beta', mean: conversion, sd: 0.03 },
  });
  writeFileSync(
    join(dir, 'ids.json'),
    JSON.stringify({
      name: 'Ids',
      seed: 5,
      market: { loadings: { leads: 0.1, conversion: 0.05 } },
      tiers: [
        {
          name: 'T',
          existing: { openingArr: 1_200_000, customers: 100, renewalRate: 0.9 },
          newBusiness: { leadSources: [source('a.b', 40, 0.1), source('a_b', 80, 0.2), source('a b', 60, 0.3)], acv: { dist: 'lognormal', mean: 12000, sd: 3000 } },
        },
      ],
    }),
  );
  ({ studio, url } = await startStudio([join(dir, 'ids.json'), '--port', '0', '--trials', '2000', '--workers', '1', '--target', 'revenue=3.4M', '--target', 'T:endingArr=1.3M']));
});

/** A new page of the studio, in the file's one browser. */
async function studioPage(): Promise<Page> {
  browser ??= await launchTestBrowser();
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

afterAll(async () => {
  await browser?.close();
  await stopStudio(studio);
});

describe('arrcast studio: sliders of drivers whose names differ only in punctuation', () => {
  it('each has its own id, its own label and its own value in the file', async () => {
    const page = await studioPage();
    await page.waitForSelector('input[type=range]');
    const { duplicates, sliders } = await page.evaluate(() => {
      const ids = Array.from(document.querySelectorAll('[id]'), (e) => e.id);
      return {
        duplicates: ids.filter((id, i) => ids.indexOf(id) !== i),
        sliders: Array.from(document.querySelectorAll('input[type=range]'), (input) => ({
          labels: Array.from(input.labels ?? [], (l) => l.textContent),
          described: document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? null,
          own: input.closest('.control')?.querySelector('.plan')?.textContent ?? null,
        })),
      };
    });
    await page.close();
    expect(duplicates).toEqual([]);
    for (const s of sliders) {
      expect(s.labels).toHaveLength(1);
      expect(s.described).toBe(s.own);
    }
    const conversions = sliders.filter((s) => / conversion$/.test(s.labels[0]!));
    expect(conversions.map((s) => [s.labels[0], s.described])).toEqual([
      ['T a.b conversion', ' (file: 10.0%)'],
      ['T a_b conversion', ' (file: 20.0%)'],
      ['T a b conversion', ' (file: 30.0%)'],
    ]);
  });
});

describe('arrcast studio: a target box', () => {
  it('emptied, or holding what is not a number, keeps its target', async () => {
    const page = await studioPage();
    await page.waitForFunction(() => document.body.dataset.pass === 'full');
    const shown = async () => ({ p: await page.getAttribute('#target-p-0', 'data-value'), box: await page.inputValue('#target-0') });
    const before = await shown();
    expect(before.box).toBe('3400000');
    // Each value not taken says why beside the box, with what to type (the box was put back without
    // a word, and a target past 1e15 went to the server, which refused it as "targets.metrics[0].value").
    // The box reads amounts as a scenario file does: '3,400,000' and '3.4M' are taken (a number input read them as nothing).
    const write = 'write the amount as a scenario file does, e.g. 120000000, 120,000,000, 120M or 1.2e8 (a point for decimals)';
    const refused: Array<[string, string]> = [
      ['', `the box is empty: ${write}`],
      ['1e', `"1e" is not a number: ${write}`],
      ['3,4', '"3,4" is not a number: did you mean 3.4? (the decimal point is ".", not ",")'],
      ['$3M', '"$3M" has a currency sign: write 3M (amounts are in the scenario\'s currency)'],
      ['5%', '"5%" is a percentage, but this is an amount in the scenario\'s currency, not a share: write the amount itself (e.g. 110M)'],
      ['-5', 'a target is 0 or more'],
      ['2e15', 'a target is at most $1,000T, the most a scenario takes'],
    ];
    const note = () => page.evaluate(() => document.getElementById(document.getElementById('target-0')!.getAttribute('aria-describedby')!)?.textContent ?? null);
    for (const [typed, why] of refused) {
      await page.fill('#target-0', '');
      if (typed) await page.locator('#target-0').pressSequentially(typed);
      await page.locator('#target-0').blur();
      // A change is asked about on the next animation frame: after two, the page has asked or never will.
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
      // The box shows the target again, and the figure is the target's: no request was made for a target of 0.
      expect(await shown(), JSON.stringify(typed)).toEqual(before);
      expect(await page.getAttribute('body', 'data-pass')).toBe('full');
      // The target in the page's money (the figure was bare: "The target stays 3400000.").
      expect(await note(), JSON.stringify(typed)).toBe(`Not taken: ${why}. The target stays $3.4M.`);
    }
    // Amounts as a file writes them are taken, and the note goes: 1,000 is met in every trial, 1e15 (the most) in none.
    for (const [typed, p] of [['1,000', '1'], ['1e15', '0']] as const) {
      const seq = Number(await page.getAttribute('body', 'data-seq'));
      await page.fill('#target-0', typed);
      await page.locator('#target-0').blur();
      await page.waitForFunction((n) => document.body.dataset.pass === 'full' && Number(document.body.dataset.seq) > n, seq);
      expect(await page.getAttribute('#target-p-0', 'data-value'), typed).toBe(p);
      expect(await note()).toBe('');
    }
    await page.close();
  });
});

describe('arrcast studio: the target boxes', () => {
  it("name each target's metric as the report does ('ending ARR', not the key 'endingArr'), with its tier", async () => {
    const page = await studioPage();
    await page.waitForSelector('#target-1');
    const labels = await page.evaluate(() => [0, 1].map((i) => document.getElementById(`target-${i}`)?.labels?.[0]?.textContent ?? null));
    await page.close();
    expect(labels).toEqual(['Target: revenue (USD)', 'Target: T ending ARR (USD)']);
  });
});

describe('arrcast studio: the latest state cancelled on the server', () => {
  it('is asked for again, not waited for for ever (an earlier state\u2019s request can reach the server after it)', async () => {
    const page = await studioPage();
    await page.waitForFunction(() => document.body.dataset.pass === 'full');
    const seq = Number(await page.getAttribute('body', 'data-seq'));
    // The server's answer to a state whose work a late request of an earlier state cancelled: 409.
    let cancelled = 0;
    await page.route('**/api/answer', async (route) => {
      if (cancelled === 0) {
        cancelled++;
        await route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: 'cancelled by a newer change', cancelled: true }) });
      } else await route.continue();
    });
    await page.fill('#target-0', '3500000');
    await page.locator('#target-0').blur();
    await page.waitForFunction((n) => document.body.dataset.pass === 'full' && Number(document.body.dataset.seq) > n, seq, { timeout: 30_000 });
    expect(cancelled).toBe(1);
    expect(await page.inputValue('#target-0')).toBe('3500000');
    await page.close();
  });
});

describe('arrcast studio: a studio that does not answer at all', () => {
  // The page said the browser's "Failed to fetch" when the studio had stopped (or been restarted on
  // another address): the planner was not told what had happened, nor what to do.
  it('is said in words, for an answer and for the report', async () => {
    const page = await studioPage();
    await page.waitForFunction(() => document.body.dataset.pass === 'full' && !document.body.classList.contains('stale'), undefined, { timeout: 60_000 });
    await page.route('**/api/*', (route) => route.abort('connectionrefused'));
    const gone = 'The studio is not answering: it may have stopped. Start arrcast studio again and open the address it prints.';
    await page.focus('#d-0');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.body.dataset.pass === 'error', undefined, { timeout: 30_000 });
    expect(await page.textContent('#error')).toBe(gone);
    // The report's own failure, said under its button (refusals-in-sight-browser.test.ts).
    await page.click('#download-report');
    await page.waitForFunction((text) => document.getElementById('save-error')!.textContent === text && document.getElementById('download-report')!.getAttribute('disabled') === null, gone, { timeout: 30_000 });
    // The report's running line is replaced, not left beside the error as if the report were still being made.
    expect(await page.textContent('#saved')).toBe('No report was made.');
    // Nothing more is coming for the older figures: no part of them says it is busy.
    expect(await page.evaluate(() => document.querySelectorAll('[aria-busy="true"]').length)).toBe(0);
    await page.close();
  });
});

describe('arrcast studio: a slider just moved', () => {
  // The page marked its figures as the older position's only at the next frame (update()): until
  // then it read as settled (data-pass "full", not stale) beside a slider already moved, and a
  // script waiting for the settled page read the older position's answer.
  it("marks everything shown as the older position's at once, in the task that moved it", async () => {
    const page = await studioPage();
    await page.waitForFunction(() => document.body.dataset.pass === 'full' && !document.body.classList.contains('stale'));
    const marked = await page.evaluate(() => {
      const input = document.getElementById('d-0') as unknown as { value: string; dispatchEvent(e: unknown): boolean };
      input.value = String(Number(input.value) - 1);
      input.dispatchEvent(new Event('input'));
      return [document.body.dataset.pass, document.body.classList.contains('stale')];
    });
    expect(marked).toEqual(['pending', true]);
    // Everything an answer wrote is marked as the older position's, not the figures and charts alone
    // (the line against the plan and the shares read as current), and a screen reader is told the
    // results are being made again.
    const shown = () =>
      page.evaluate(() => {
        const w = globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string }; document: { querySelector(s: string): unknown } };
        const opacity = (s: string) => Number(w.getComputedStyle(w.document.querySelector(s)).opacity);
        const busy = ['figures', 'against-plan', 'attribution', 'chart-distribution', 'chart-fan', 'chart-tornado'].map((id) => document.getElementById(id)!.getAttribute('aria-busy'));
        // The status line is a live region: no element around it says busy (a screen reader may hold its announcements back).
        const status = document.getElementById('status')!;
        return { figures: opacity('#figures'), againstPlan: opacity('#against-plan'), shares: opacity('#attribution'), chart: opacity('#chart-fan'), busy, busyAroundStatus: status.closest('[aria-busy]') === null ? null : status.closest('[aria-busy]')!.id };
      });
    const pending = await shown();
    expect(pending.busy).toEqual(Array(6).fill('true'));
    expect(pending.busyAroundStatus).toBe(null);
    for (const part of [pending.figures, pending.againstPlan, pending.shares, pending.chart]) expect(part).toBeLessThan(1);
    await page.waitForFunction(() => document.body.dataset.pass === 'full' && !document.body.classList.contains('stale'), undefined, { timeout: 60_000 });
    expect(await shown()).toEqual({ figures: 1, againstPlan: 1, shares: 1, chart: 1, busy: Array(6).fill('false'), busyAroundStatus: null });
    await page.close();
  });
});

describe("arrcast studio: an older state's answer read after a slider moved", () => {
  // The change was numbered at the next frame's update(), so an older state's full answer read
  // between the move and that frame was shown as settled (data-pass "full", not stale) beside the
  // slider already moved. The probe moves the slider the moment a full answer's body is read.
  it('is not shown: the page reads as settled only once an answer read after the move is shown', async () => {
    const page = await studioPage();
    await page.waitForFunction(() => document.body.dataset.pass === 'full' && !document.body.classList.contains('stale'));
    await page.evaluate(() => {
      const w = globalThis as unknown as {
        Response: { prototype: { json(): Promise<unknown> } };
        MutationObserver: new (f: () => void) => { observe(target: unknown, options: unknown): void };
        probe: { moved: boolean; fullReadAfter: number; settled: number[] };
      };
      const probe: { moved: boolean; fullReadAfter: number; settled: number[] } = (w.probe = { moved: false, fullReadAfter: 0, settled: [] });
      const json = w.Response.prototype.json;
      w.Response.prototype.json = async function (this: unknown) {
        const body = (await json.call(this)) as { pass?: string };
        if (body.pass !== 'full') return body;
        if (probe.moved) probe.fullReadAfter++;
        else {
          probe.moved = true;
          const input = document.getElementById('d-0') as unknown as { value: string; dispatchEvent(e: unknown): boolean };
          input.value = String(Number(input.value) - 1);
          input.dispatchEvent(new Event('input'));
        }
        return body;
      };
      // Each time the page reads as settled after the move: how many full answers had been read since.
      new w.MutationObserver(() => {
        if (probe.moved && document.body.dataset.pass === 'full' && !document.body.classList.contains('stale')) probe.settled.push(probe.fullReadAfter);
      }).observe(document.body, { attributes: true });
      // Ask again for the state shown: its answer is read with the hook in place.
      const input = document.getElementById('d-0') as unknown as { value: string; dispatchEvent(e: unknown): boolean };
      input.value = String(Number(input.value) + 1);
      input.dispatchEvent(new Event('input'));
    });
    await page.waitForFunction(() => (globalThis as unknown as { probe: { settled: number[] } }).probe.settled.length > 0, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => document.body.dataset.pass === 'full' && !document.body.classList.contains('stale'), undefined, { timeout: 60_000 });
    // Before: [0, 1], the older state's answer shown as settled first.
    expect(await page.evaluate(() => (globalThis as unknown as { probe: { settled: number[] } }).probe.settled)).toEqual([1]);
    await page.close();
  });
});

describe('arrcast studio --confidence 65.5%', () => {
  // 65.5%: the slider once started at 80%, and the label said 66%. 99.99%: to one decimal it read
  // "100% (the P0)", a budget reached in every trial, which the P0.01 is not.
  it.each([
    ['65.5%', '65.5% (the P34.5)', 'Budget at 65.5% confidence'],
    ['99.99%', '99.99% (the P0.01)', 'Budget at 99.99% confidence'],
  ])('starts the confidence slider at %s, not at 80%: the budget shown is the one asked for', async (asked, slider, label) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-confidence-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ name: 'C', seed: 5, tiers: [{ name: 'T', existing: { openingArr: 1_200_000, customers: 100, renewalRate: 0.9 } }] }));
    const own = await startStudio([join(dir, 'c.json'), '--port', '0', '--trials', '500', '--workers', '1', '--confidence', asked]);
    try {
      browser ??= await launchTestBrowser();
      const page = await browser.newPage();
      await page.goto(own.url);
      await page.waitForFunction(() => document.body.dataset.pass === 'full');
      expect(await page.textContent('#confidence-value')).toBe(slider);
      // The budget's own label says the same confidence.
      expect(await page.evaluate(() => document.getElementById('budget')?.closest('div')?.querySelector('dt')?.textContent)).toBe(label);
      await page.close();
    } finally {
      await stopStudio(own.studio);
    }
  });
});

describe("arrcast studio: a driver's central value and its spread", () => {
  // A PERT price uplift of 3% / 5% / 8% (the example's Enterprise one): at 2% its min is 0.02 - 0.02
  // × spread, below 0 past × 1. The page offered × 2 there, and answered it with a 400.
  it('offer only the pairs the field takes: at each end of one, the other goes no further than it can', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-pairs-'));
    const uplift = { dist: 'pert', min: 0.03, mode: 0.05, max: 0.08 };
    writeFileSync(join(dir, 'u.json'), JSON.stringify({ name: 'U', seed: 5, tiers: [{ name: 'T', existing: { openingArr: 1_200_000, customers: 100, renewalRate: 0.9, priceUplift: uplift } }] }));
    const own = await startStudio([join(dir, 'u.json'), '--port', '0', '--trials', '500', '--workers', '1']);
    try {
      browser ??= await launchTestBrowser();
      const page = await browser.newPage();
      await page.goto(own.url);
      await page.waitForFunction(() => document.body.dataset.pass === 'full');
      const central = page.getByLabel('T price uplift', { exact: true });
      const spread = page.getByLabel('T price uplift: spread', { exact: true });
      const answered = async (seq: number) => {
        await page.waitForFunction((n) => document.body.dataset.pass === 'error' || (document.body.dataset.pass === 'full' && Number(document.body.dataset.seq ?? 0) > n), seq);
        expect(await page.getAttribute('body', 'data-pass'), (await page.textContent('#error')) ?? '').toBe('full');
        return Number(await page.getAttribute('body', 'data-seq'));
      };
      let seq = Number(await page.getAttribute('body', 'data-seq'));
      // The lowest central value, then the widest spread the page offers there: × 1 (min 0.02 - 0.02).
      await central.press('Home');
      seq = await answered(seq);
      expect(await page.textContent(`#${await central.getAttribute('id')}-value`)).toBe('2.00%');
      // The spread slider ends at × 1 there: End leaves it where it was.
      expect(await spread.getAttribute('max')).toBe('3');
      await spread.press('End');
      expect(await page.textContent(`#${await spread.getAttribute('id')}-value`)).toBe('× 1');
      // Back to the file, then the widest spread first (× 2 at 5%), then the lowest central value it
      // allows: min = central - 0.04 >= 0, and the slider steps by 0.15% from 2%: 4.10%.
      await page.click('#reset');
      seq = await answered(seq);
      await spread.press('End');
      seq = await answered(seq);
      expect(await page.textContent(`#${await spread.getAttribute('id')}-value`)).toBe('× 2');
      await central.press('Home');
      seq = await answered(seq);
      expect(await page.textContent(`#${await central.getAttribute('id')}-value`)).toBe('4.10%');
      await page.close();
    } finally {
      await stopStudio(own.studio);
    }
  });
});
