import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planLoaded } from '../../src/engine/simulate.js';
import { generateScenario, loadGenerated, TESTED_SCENARIOS as TESTED } from '../helpers/generated-scenario.js';

const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the scenario generator (test/helpers/generated-scenario.ts)', () => {
  it('gives the same text and files for the same number, and another scenario for another', () => {
    expect(generateScenario(5)).toEqual(generateScenario(5));
    expect(generateScenario(5).text).not.toBe(generateScenario(6).text);
  });

  it('its first 30 scenarios are valid and can be simulated (load and plan)', async () => {
    const refused: string[] = [];
    for (let n = 0; n < 30; n++) {
      try {
        planLoaded((await loadGenerated(root, generateScenario(n))).loaded);
      } catch (err) {
        refused.push(`${n}: ${(err as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('the scenarios the determinism tests run hold every mechanism between them', () => {
    const text = TESTED.map((n) => generateScenario(n).text).join('\n');
    const files = TESTED.flatMap((n) => Object.keys(generateScenario(n).files));
    expect(files).toEqual(expect.arrayContaining(['book.csv', 'pipeline.csv']));
    for (const mechanism of ['"leadSources"', '"reps"', '"hireSlip"', '"earlierLeads"', '"groups"', '"terms"', '"serviceStartLagMonths"', '"newCustomerExpansion"', '"renewalAdjustments"', '"dollarRenewalRate"', '"contraction"', '"stress"', '"factor"', '"empirical"', '"discrete"', '"quantiles"', '"median": {', '"mean": {', '"carry"'])
      expect(text, mechanism).toContain(mechanism);
    // Odd but legal tier names: a stream-seed separator, a CSV's quote and comma, JavaScript's own keys.
    expect(text).toMatch(/"name": "(Ent-erprise\/Mid|tier\.with\.dots)"/);
    expect(text).toContain('"name": "a,b \\"quoted\\""');
    expect(text).toMatch(/"name": "(hasOwnProperty|__proto__|constructor|toString)"/);
  });
});
