import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * score compares an outcome with the trials at the decimals the file holds, read from the file: a
 * dinar (KWD) report written before December 2026 holds its amounts to the cent, a newer one to the
 * fils. Taken from the currency instead, an outcome of trial 1's cents + 0.004 was rounded to the
 * fils (x.xx4) and no longer tied with trial 1 (PIT 97.3% against 97.2% on example.yaml in KWD).
 */
const SCENARIO = `name: Small dinar amounts
currency: KWD
tiers:
  - name: Tiny
    existing: { openingArr: 1, customers: 10, renewalRate: 0.8 }
  - name: Small
    existing: { openingArr: 0.9, customers: 12, renewalRate: 0.5 }
`;
const TRIALS = 20;
const HEADLINE = ['revenue', 'bookings', 'endingArr'];

interface Scored { outcomes: { scoredValue: number; pitLow: number; pitHigh: number }[] }

describe("score reads a KWD report's decimals from its file", () => {
  const dir = mkdtemp(join(tmpdir(), 'arrcast-kwd-decimals-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  /** A KWD report (summary, trials.csv, sipmath.json) in a new folder. */
  async function report(name: string): Promise<string> {
    const root = await dir;
    await writeFile(join(root, 'small.yaml'), SCENARIO);
    const out = join(root, name);
    const run = await runCli('run', join(root, 'small.yaml'), '--trials', String(TRIALS), '--seed', '4', '--workers', '0', '--quiet', '--no-progress', '--outputs', 'summary,trials,sipmath', '--out', out);
    expect(run.code, run.err).toBe(0);
    return out;
  }

  /** score.json of an outcome for the company's revenue. */
  async function score(reportDir: string, value: string): Promise<Scored['outcomes'][number]> {
    const root = await dir;
    const actuals = join(root, `${reportDir.split('/').at(-1)}-actuals.csv`);
    await writeFile(actuals, `tier,metric,value\ntotal,revenue,${value}\n`);
    const out = join(root, `${reportDir.split('/').at(-1)}-score`);
    const run = await runCli('score', reportDir, '--actuals', actuals, '--out', out);
    expect(run.code, run.err).toBe(0);
    return (JSON.parse(await readFile(join(out, 'score.json'), 'utf8')) as Scored).outcomes[0]!;
  }

  /** trials.csv rewritten as the older writer wrote it: headline amounts to the cent. Returns trial 1's revenue. */
  async function toCents(reportDir: string): Promise<number> {
    const file = join(reportDir, 'trials.csv');
    const [head, ...rows] = (await readFile(file, 'utf8')).trim().split('\n');
    const keys = head!.split(',');
    const at = HEADLINE.map((k) => keys.indexOf(k));
    const cents = rows.map((r) => {
      const cells = r.split(',');
      for (const i of at) cells[i] = String(Number(Number(cells[i]).toFixed(2)));
      return cells.join(',');
    });
    await writeFile(file, `${head}\n${cents.join('\n')}\n`);
    return Number(cents[0]!.split(',')[keys.indexOf('revenue')]);
  }

  it('an old trials.csv (cents): an outcome 0.004 above trial 1 ties with it', async () => {
    const dir = await report('old-csv');
    const trial1 = await toCents(dir);
    const o = await score(dir, (trial1 + 0.004).toFixed(4));
    expect(o.scoredValue).toBe(trial1);
    expect(o.pitHigh - o.pitLow).toBeGreaterThanOrEqual(1 / TRIALS);
  });

  it('an old sipmath.json (cents, no arrcastDecimals): the same tie', async () => {
    const dir = await report('old-sip');
    await unlink(join(dir, 'trials.csv'));
    const file = join(dir, 'sipmath.json');
    const lib = JSON.parse(await readFile(file, 'utf8')) as { sips: { name: string; arguments: { value: number[] }; metadata: Record<string, unknown> }[] };
    // The newer writer states the fils on every SIP; the older stated nothing and wrote cents.
    expect(lib.sips.map((s) => s.metadata.arrcastDecimals)).toEqual(lib.sips.map(() => 3));
    for (const s of lib.sips) {
      delete s.metadata.arrcastDecimals;
      if (HEADLINE.includes(s.name)) s.arguments.value = s.arguments.value.map((v) => Number(v.toFixed(2)));
    }
    await writeFile(file, JSON.stringify(lib));
    const trial1 = lib.sips.find((s) => s.name === 'revenue')!.arguments.value[0]!;
    const o = await score(dir, (trial1 + 0.004).toFixed(4));
    expect(o.scoredValue).toBe(trial1);
    expect(o.pitHigh - o.pitLow).toBeGreaterThanOrEqual(1 / TRIALS);
  });

  it('a new file (fils): an outcome is compared at the fils, both from trials.csv and from sipmath.json', async () => {
    const dir = await report('new');
    const [head, ...rows] = (await readFile(join(dir, 'trials.csv'), 'utf8')).trim().split('\n');
    const revenue = rows.map((r) => r.split(',')[head!.split(',').indexOf('revenue')]!);
    // A trial whose revenue takes the third decimal: 0.004 above its cents is not it.
    const t = revenue.findIndex((v) => /\.\d\d[1-9]$/.test(v));
    expect(t, revenue.join(' ')).toBeGreaterThanOrEqual(0);
    const fils = Number(revenue[t]);
    expect((await score(dir, fils.toFixed(4))).scoredValue).toBe(fils);
    const beside = Number(fils.toFixed(2)) + 0.004;
    expect((await score(dir, beside.toFixed(4))).scoredValue).toBe(Number(beside.toFixed(4)));
    await unlink(join(dir, 'trials.csv'));
    expect((await score(dir, beside.toFixed(4))).scoredValue).toBe(Number(beside.toFixed(4)));
  });

  it('a sipmath.json stating decimals no currency writes is refused, naming the field', async () => {
    const dir = await report('bad');
    await unlink(join(dir, 'trials.csv'));
    const file = join(dir, 'sipmath.json');
    const lib = JSON.parse(await readFile(file, 'utf8')) as { sips: { metadata: Record<string, unknown> }[] };
    lib.sips[0]!.metadata.arrcastDecimals = 'three';
    await writeFile(file, JSON.stringify(lib));
    const root = await dir;
    await writeFile(join(root, 'a.csv'), 'tier,metric,value\ntotal,revenue,1\n');
    const run = await runCli('score', dir, '--actuals', join(root, 'a.csv'), '--out', join(root, 'bad-score'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('metadata.arrcastDecimals must be a whole number from 2 to 4, got "three"');
  });
});
