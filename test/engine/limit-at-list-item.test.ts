import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * A model limit met in a list's item (a lead source, a pipeline group) is reported at that item's
 * field and line, in-process and from a worker. The model named the item's index as text ("1"), so
 * the message read leadSources["1"] and pointed at the list's line (`leadSources:`), not the item's.
 */
const SOURCES = `name: Limits
seed: 1
tiers:
  - name: SMB
    newBusiness:
      leadSources:
        - grade: A
          leadsPerMonth: 100
          conversion: 0.1
        - grade: B
          leadsPerMonth: 1e12
          conversion: 0.1
      acv: 1000
`;
const GROUPS = `name: Limits
seed: 1
tiers:
  - name: SMB
    newBusiness:
      leadsPerMonth: 10
      conversion: 0.1
      acv: 1000
      openingPipeline:
        groups:
          - { count: 10, winProbability: 0.5, closeMonth: 2 }
          - { count: 5000000, winProbability: 0.9, closeMonth: 3 }
`;

describe('a model limit in a list item', () => {
  const cases: Array<[string, string, string]> = [
    [
      'a lead source',
      SOURCES,
      "s.yaml:11:26 tiers[0].newBusiness.leadSources[1].leadsPerMonth: cannot be simulated: SMB: 1.00e+11 deals in one month; each deal's ACV is drawn, so more than 1,000,000 a month would not finish: check leadsPerMonth and conversion",
    ],
    [
      'a pipeline group',
      GROUPS,
      "s.yaml:12:22 tiers[0].newBusiness.openingPipeline.groups[1].count: cannot be simulated: SMB: 4.50e+6 pipeline deals in one month; each deal's ACV is drawn, so more than 1,000,000 a month would not finish: check the group's count",
    ],
  ];
  for (const [name, text, message] of cases)
    for (const workers of ['0', '2'])
      it(`${name}, ${workers === '0' ? 'in-process' : 'in a worker'}: at the item's field and line, exit 2`, async () => {
        const dir = writeFiles({ 's.yaml': text });
        const prev = process.cwd();
        process.chdir(dir);
        try {
          const r = await runCli('run', 's.yaml', '--trials', '20', '--workers', workers, '--quiet', '--no-progress', '--out', join(dir, 'out'));
          expect(r.err.trim()).toBe(`arrcast: ${message}`);
          expect(r.code).toBe(2);
        } finally {
          process.chdir(prev);
        }
      });
});
