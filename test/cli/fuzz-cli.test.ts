import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { baseDirectory, bytesOf, mutatedScenario, nonFinite } from '../helpers/scenario-mutations.js';
import { ROOT } from '../helpers/fixtures.js';

const SEED = 60_606;
const EACH = 3;

/**
 * End to end: mutated scenarios (the generator of test/scenario/fuzz.test.ts) through the spawned
 * CLI. A handful only, each run costing a process: the first EACH that load and the first EACH that
 * do not, so both paths are taken. Every run exits 0 (with a report whose numbers are all finite) or
 * 2 (with the message the library gives, no report, no stack trace).
 */
describe('mutated scenarios through the CLI (property, seed 60606)', () => {
  it(`${EACH} that load and ${EACH} that do not: exit 0 with finite results, or exit 2 with the message and nothing written`, async () => {
    const dir = baseDirectory();
    const loads: string[] = [];
    const refused: Array<{ file: string; message: string }> = [];
    let n = 0;
    for (const c of fc.sample(mutatedScenario, { seed: SEED, numRuns: 300 })) {
      if (loads.length >= EACH && refused.length >= EACH) break;
      const file = join(dir, `case-${n++}.${c.format}`);
      writeFileSync(file, bytesOf(c));
      try {
        await loadScenario(file);
        if (loads.length < EACH) loads.push(file);
      } catch (err) {
        if (!(err instanceof ScenarioError)) throw err;
        if (refused.length < EACH) refused.push({ file, message: err.message });
      }
    }
    expect([loads.length, refused.length]).toEqual([EACH, EACH]);

    const run = (file: string, workers: string) => {
      const out = `${file}.report`;
      const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'run', file, '--trials', '1500', '--workers', workers, '--out', out, '--quiet'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect([0, 2]).toContain(r.status);
      return { code: r.status, stderr: r.stderr, out };
    };

    for (const { file, message } of refused) {
      const r = run(file, '0');
      expect(r.stderr).toBe(`${message.split('\n').map((l) => `arrcast: ${l}`).join('\n')}\n`);
      expect(r.code).toBe(2);
      expect(existsSync(r.out)).toBe(false);
    }
    // In-process and on a pool of two workers (1,500 trials: two chunks).
    loads.forEach((file, i) => {
      const r = run(file, i % 2 === 0 ? '0' : '2');
      if (r.code === 0) expect(nonFinite(JSON.parse(readFileSync(join(r.out, 'summary.json'), 'utf8')))).toEqual([]);
      else expect(existsSync(r.out)).toBe(false);
    });
    expect(readdirSync(dir).filter((f) => f.startsWith('.arrcast-tmp-'))).toEqual([]);
  });
});
