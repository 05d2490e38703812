import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { writeSipmath } from '../../src/report/sipmath.js';

/**
 * sipmath.json's SIP of each tier's revenue holds the trials' values to the cent, as trials.csv writes
 * them: in whole units a small tier's revenue of 103.33 read 103, so its values averaged up to half a
 * unit away from the SIP's own metadata mean (a tier of 1e-3 ACVs read 0 in every trial beside a mean of 0.02).
 */
const SMALL = `
name: Small amounts
seed: 9
tiers:
  - name: Book
    existing: { openingArr: 61000, customers: 40, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.9, sd: 0.03 } }
  - name: Tiny
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 4 }, conversion: 0.5, acv: { dist: lognormal, median: 300, p90: 700 } }
`;

let sim: Simulation;
let dir: string;
let sips: Array<{ name: string; arguments: { value: number[] }; metadata: { mean: number; count: number } }>;
beforeAll(async () => {
  sim = await simulate(parseScenario(SMALL, 'small.yaml'), { trials: 500, workers: 0 });
  dir = mkdtempSync(join(tmpdir(), 'arrcast-sip-digits-'));
  await writeSipmath(join(dir, 'sipmath.json'), summarize(sim), sim.store);
  sips = JSON.parse(readFileSync(join(dir, 'sipmath.json'), 'utf8')).sips;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sipmath.json's tier SIPs", () => {
  it("hold each trial's tier revenue to the cent, and average to their metadata's mean within a cent", () => {
    for (const key of ['tier.Book.revenue', 'tier.Tiny.revenue']) {
      const sip = sips.find((s) => s.name === key)!;
      const simulated = sim.store.column(key)!;
      expect(sip.arguments.value).toHaveLength(simulated.length);
      // The case this needs: amounts with cents (a twelfth of an ARR), below 1e5 where float32 holds them.
      expect(Array.from(simulated).some((v) => v < 1e5 && Math.abs(v - Math.round(v)) > 0.01)).toBe(true);
      let sum = 0;
      for (let i = 0; i < simulated.length; i++) {
        // Half a cent of rounding, and float32's 7 significant digits.
        expect(Math.abs(sip.arguments.value[i]! - simulated[i]!), `${key} trial ${i + 1}`).toBeLessThanOrEqual(0.005 + Math.abs(simulated[i]!) * 1e-7);
        sum += sip.arguments.value[i]!;
      }
      expect(Math.abs(sum / simulated.length - sip.metadata.mean), key).toBeLessThanOrEqual(0.005);
    }
  });
});
