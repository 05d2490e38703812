import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT } from '../helpers/fixtures.js';

describe('more than 50 targets in all (the scenario\'s and every --target)', () => {
  // Before: exit 2 "targets: metrics: may hold at most 50 items" after the whole simulation, for run, merge and --with-stress.
  it('run with --with-stress and 51 --target: each target decided, in the run and its stress case', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-many-targets-')), 'report');
    const example = join(ROOT, 'scenarios/example.yaml');
    const targets = Array.from({ length: 51 }, (_, i) => ['--target', `revenue=${i + 1}M`]).flat();
    const r = await runCli('run', example, '--with-stress', join(ROOT, 'scenarios/hybrid-company.yaml'), '--trials', '200', '--workers', '0', '--out', out, '--quiet', '--no-progress', ...targets);
    expect(r.err).not.toMatch(/at most 50/);
    expect(r.code).toBe(0);
    // example.yaml states no targets of its own: the 51 are all of them.
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { decisions: { targets: Array<{ value: number }> } };
    expect(summary.decisions.targets.map((t) => t.value)).toEqual(Array.from({ length: 51 }, (_, i) => (i + 1) * 1_000_000));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Stress: Hybrid SaaS Co');
  });
});
