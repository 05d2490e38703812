import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summarize } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { breakdownDecimals } from '../../src/report/trials-csv.js';
import { storedTrialValue } from '../../src/report/stored-trial-value.js';

/**
 * trials.csv and sipmath.json keep each currency's minor unit, the cent at least: a dinar (KWD, 3
 * decimals: the fils) company's amounts were written to the cent, so a P50 of 0.075 read back from
 * trials.csv (score) as 0.08. Two tiers of small books, so every value lies below 1 KWD: Tiny's 10
 * customers of 0.1 a year, Small's 12 of 0.9 a year, each renewing in its own month.
 */
const scenario = (currency: string) => `
name: Small ${currency} amounts
currency: ${currency}
tiers:
  - name: Tiny
    existing: { openingArr: 1, customers: 10, renewalRate: 0.8 }
  - name: Small
    existing: { openingArr: 0.9, customers: 12, renewalRate: 0.5 }
`;

/** Half of a unit of `decimals` decimals, with room for the float32 columns' and the parse's last bits. */
const halfUnit = (decimals: number) => 0.5 * 10 ** -decimals + 1e-9;

async function written(currency: string) {
  const sim = await simulate(parseScenario(scenario(currency), 'small.yaml'), { trials: 200, seed: 11, workers: 0 });
  const summary = summarize(sim);
  const dir = join(mkdtempSync(join(tmpdir(), 'arrcast-minor-')), 'report');
  await writeReport(dir, sim, summary, { outputs: ['summary', 'trials', 'sipmath'] });
  const [head, ...lines] = readFileSync(join(dir, 'trials.csv'), 'utf8').trim().split('\n');
  const keys = head!.split(',');
  const csv = (k: string) => lines.map((l) => Number(l.split(',')[keys.indexOf(k)]));
  const sips = JSON.parse(readFileSync(join(dir, 'sipmath.json'), 'utf8')).sips as { name: string; arguments: { value: number[] } }[];
  const sip = (k: string) => sips.find((s) => s.name === k)!.arguments.value;
  return { sim, csv, sip };
}

describe("trials.csv and sipmath.json keep the currency's minor unit", () => {
  it('a dinar company: every amount read back within half a fils of the simulated one (it was half a cent)', async () => {
    const { sim, csv, sip } = await written('KWD');
    const money = ['revenue', 'bookings', 'endingArr', 'tier.Tiny.revenue', 'tier.Small.revenue', 'mrr.6'];
    for (const key of money) {
      const simulated = sim.store.column(key)!;
      const read = csv(key);
      // Several trials' amounts are not a whole number of cents, so the cent would miss by more than half a fils.
      expect(read.some((v, i) => Math.abs(v - simulated[i]!) > halfUnit(3)) || Array.from(simulated).some((v) => Math.abs(v * 100 - Math.round(v * 100)) > 0.05), key).toBe(true);
      read.forEach((v, i) => expect(Math.abs(v - simulated[i]!), `${key} trial ${i + 1}: ${v} for ${simulated[i]}`).toBeLessThanOrEqual(halfUnit(3)));
    }
    for (const key of ['revenue', 'bookings', 'endingArr', 'tier.Tiny.revenue', 'tier.Small.revenue']) {
      const simulated = sim.store.column(key)!;
      sip(key).forEach((v, i) => expect(Math.abs(v - simulated[i]!), `sipmath ${key} trial ${i + 1}`).toBeLessThanOrEqual(halfUnit(3)));
    }
  });

  it('a dollar or yen company: the cent, as before (the same digits)', async () => {
    for (const currency of ['USD', 'JPY']) {
      const { sim, csv } = await written(currency);
      const simulated = sim.store.column('revenue')!;
      csv('revenue').forEach((v, i) => expect(Math.abs(v - simulated[i]!)).toBeLessThanOrEqual(halfUnit(2)));
      // Written at the cent, no more: a value of three decimals would show in some trial.
      expect(csv('revenue').every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6)).toBe(true);
    }
    expect([8_475_321, 989_623.06, 91_666.66, 103.33, 0].map((v) => breakdownDecimals(v, 2))).toEqual([0, 1, 2, 2, 2]);
    expect([8_475_321, 989_623.06, 91_666.66, 1234.5678, 0.0754].map((v) => breakdownDecimals(v, 3))).toEqual([0, 1, 2, 3, 3]);
  });

  it('an outcome is compared with the trials at the digits the file holds: the fils in dinars', () => {
    expect(storedTrialValue(0.0754, 'cents', 3)).toBe(0.075);
    expect(storedTrialValue(0.0754, 'cents', 2)).toBe(0.08);
    expect(storedTrialValue(0.07549, 'float32', 3)).toBe(0.075);
  });
});
