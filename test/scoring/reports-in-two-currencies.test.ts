import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * `arrcast score` averages CRPS and pinball losses, which are in money, over every outcome: reports
 * in two currencies would give a mean of dollars and euros. Refused, exit 2, naming the currencies
 * and their reports, before anything is written (compare refuses them too).
 */
let dir: string;
const plan = (currency: string) => `name: Plan\ncurrency: ${currency}\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n`;

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-currencies-')));
  for (const [name, currency] of [['usd', 'USD'], ['eur', 'EUR'], ['usd2', 'USD']] as const) {
    writeFileSync(join(dir, `${name}.yaml`), plan(currency));
    const r = await runCli('run', join(dir, `${name}.yaml`), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, name), '--outputs', 'summary,trials');
    if (r.code !== 0) throw new Error(r.err);
  }
  writeFileSync(join(dir, 'outcomes.csv'), 'report,tier,metric,value\nusd,total,revenue,11000000\neur,total,revenue,11000000\nusd2,total,revenue,11000000\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrcast score with reports in different currencies', () => {
  it('refuses them, naming each currency and its reports, and writes nothing', async () => {
    const usd = join(dir, 'usd');
    const eur = join(dir, 'eur');
    const usd2 = join(dir, 'usd2');
    const r = await runCli('score', usd, eur, usd2, '--actuals', join(dir, 'outcomes.csv'), '--out', join(dir, 'score'));
    expect(r.err).toBe(
      `arrcast: the reports are in different currencies (USD: ${usd}, ${usd2}; EUR: ${eur}): their CRPS and pinball losses, in money, cannot be averaged; score each currency apart\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'score'))).toBe(false);
  });

  it('scores reports of one currency together', async () => {
    writeFileSync(join(dir, 'usd-outcomes.csv'), 'report,tier,metric,value\nusd,total,revenue,11000000\nusd2,total,revenue,11000000\n');
    const r = await runCli('score', join(dir, 'usd'), join(dir, 'usd2'), '--actuals', join(dir, 'usd-outcomes.csv'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 outcomes scored');
  });
});
