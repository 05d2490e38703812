import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { readCustomerBooks } from '../../src/scenario/customer-book.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { fixtureText, ROOT, scenarioErrorLines, writeFiles } from '../helpers/fixtures.js';

/**
 * 200,000 bad list items (issue 10, class 6): every path that collects, flattens or reports
 * problems is iterative and spreads no unbounded array into a call, so the user gets a clean
 * ScenarioError listing the first 100 problems and counting the rest, never "Maximum call stack
 * size exceeded".
 */
const N = 200_000;
const minimal = fixtureText('minimal.yaml');
const ACV = 'acv: { dist: lognormal, mean: 12000, sd: 4000 }';

function edit(from: string, to: string): string {
  expect(minimal).toContain(from);
  return minimal.replace(from, to);
}

const strings = (n: number) => new Array<string>(n).fill('"x"').join(', ');

function problemsOf(yaml: string): ScenarioError {
  try {
    parseScenario(yaml, 'many.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err;
    throw err;
  }
  throw new Error('the scenario was accepted');
}

describe('200,000 problems in one file', () => {
  /**
   * The CLI's run of the flow-list file (the last test below checks it), started before the other
   * tests: it is a child process of its own, so it validates its file while this process parses the
   * other cases instead of after them. Nothing is shared but the file it reads. That file (a union,
   * a number or a distribution, reporting the branch's 200,000 issues) is checked there only: its
   * first and last lines and their count say what parseScenario's ScenarioError says (the first of
   * 100 listed, 199,900 more counted), so parsing it in this process as well was the same work twice.
   */
  let cli: Promise<{ status: number | null; stderr: string; killed: boolean }>;
  beforeAll(() => {
    const dir = writeFiles({ 'many.yaml': edit(ACV, `acv: { dist: empirical, values: [${strings(N)}] }`) });
    cli = new Promise((resolve) => {
      const child = execFile(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'validate', join(dir, 'many.yaml')], { encoding: 'utf8', timeout: 120_000 }, (_err, _stdout, stderr) =>
        resolve({ status: child.exitCode, stderr, killed: child.killed }),
      );
    });
  });

  const cases: { what: string; yaml: () => string; first: string; count: number }[] = [
    {
      what: 'bad values in a block list inside a union',
      yaml: () => edit(ACV, `acv:\n        dist: empirical\n        values:\n${'          - x\n'.repeat(N)}`),
      first: 'many.yaml:17:13 tiers[0].newBusiness.acv.values[0]: "x" is not a number: write e.g. 110000, 110,000, 110k, 1.5M or 2B',
      count: N,
    },
    {
      what: 'values of every wrong kind (null, a list, a mapping, a string) in a block list',
      // Half as many items: a list or a mapping counts its own values towards the file's limit
      // (MAX_EXPANDED_VALUES), which 200,000 of these would pass.
      yaml: () =>
        edit(ACV, `acv:\n        dist: empirical\n        values:\n${'          - null\n          - [1]\n          - { a: 1 }\n          - x\n'.repeat(N / 8)}`),
      first: 'many.yaml:17:13 tiers[0].newBusiness.acv.values[0]: expected number, got null',
      count: N / 2,
    },
  ];

  it.each(cases)('$what: a ScenarioError with the first 100 listed', ({ yaml, first, count }) => {
    const err = problemsOf(yaml());
    expect(err.issues).toHaveLength(count);
    const lines = err.message.split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe(first);
    expect(lines[100]).toBe(`many.yaml: and ${(count - 100).toLocaleString('en-US')} more problems (the first 100 are shown)`);
  });

  it('a customer book of 200,000 bad rows: the first 20 listed, the rest counted', () => {
    const rows = Array.from({ length: N }, (_, i) => `\nc${i},smb,-1,3,12`).join('');
    const lines = scenarioErrorLines(() =>
      readCustomerBooks(`id,tier,arr,next_renewal,term_months${rows}\n`, 'b.csv', ['smb'], ['smb'], { year: 2027, startMonth: 2 }),
    );
    // At most 20 problems are listed from a file a scenario names (display-text.ts), the rest counted.
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('b.csv:2:8 arr: must be at least 0, got -1');
    expect(lines[20]).toBe(`b.csv … and ${N - 20} more problems`);
  });

  it('the CLI exits 2 with the first 100 problems and the rest counted, no internal error', async () => {
    const r = await cli;
    // Killed at its 120 s timeout, its stderr is cut off (execFile destroys the pipes first): say so
    // rather than fail on an empty stderr below.
    expect(r.killed, 'validate was killed at its 120 s timeout').toBe(false);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(/many\.yaml:14:40 tiers\[0\]\.newBusiness\.acv\.values\[0\]: "x" is not a number: write e\.g\. 110000, 110,000, 110k, 1\.5M or 2B$/);
    expect(lines[100]).toMatch(/many\.yaml: and 199,900 more problems \(the first 100 are shown\)$/);
  });
});
