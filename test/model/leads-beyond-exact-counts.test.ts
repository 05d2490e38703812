import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * A month's leads past 2^53, where a count is no longer a whole number in floating point: the schema
 * takes a mean up to 1e15, and a seasonality of 12 in one month (or an over-dispersed negative
 * binomial) carries the draw past 9.007e15. The run stops with the scenario's field and line, exit 2,
 * nothing written. Before, the binomial sampler's own RangeError ("binomial: n must be a whole number
 * from 0 to 9007199254740991") came out as a failed chunk, exit 1.
 */
const scenario = (leads: string) => `name: Huge leads
seed: 1
tiers:
  - name: SMB
    newBusiness:
      leadsPerMonth: ${leads}
      seasonality: [12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      conversion: 1e-12
      acv: 1000
`;

describe('leads beyond an exact count', () => {
  it.each([
    ['Poisson', '{ dist: poisson, mean: 1e15 }'],
    ['negative binomial', '{ dist: negativeBinomial, mean: 1e15, dispersion: 0.001 }'],
  ])('%s: refused at leadsPerMonth, exit 2, no output', async (_, leads) => {
    const dir = writeFiles({ 's.yaml': scenario(leads) });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli('run', 's.yaml', '--trials', '200', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, 'out'));
      expect(r.err.trim()).toMatch(
        /^arrcast: s\.yaml:6:22 tiers\[0\]\.newBusiness\.leadsPerMonth: cannot be simulated: SMB: \d\.\d\de\+\d+ leads in one month; above 2\^53 \(9\.01e\+15\) a count is not a whole number in floating point: check leadsPerMonth/,
      );
      expect(r.code).toBe(2);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      process.chdir(prev);
    }
  });
});
