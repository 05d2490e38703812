import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReportScenario } from './fixture.js';

// buildCharts, counted; the test below makes it throw, as a fault in building a chart would.
vi.mock('../../src/report/charts/chart-set.js', async (original) => {
  const actual = await original<typeof import('../../src/report/charts/chart-set.js')>();
  return { ...actual, buildCharts: vi.fn(actual.buildCharts) };
});

describe('writeReport aborted while it checks its folder', () => {
  it('stops with RunAbortedError before the charts are built: no build, and its error does not take the abort\'s place', async () => {
    const { sim, summary } = await runReportScenario(undefined, 200);
    // The suite runs files without isolation: a write-report.js another file loaded first would keep
    // the real chart-set.js, and this test could not fail. So the modules are loaded afresh here, the
    // mock in place (RunAbortedError from the same fresh graph, so instanceof holds).
    vi.resetModules();
    const { writeReport } = await import('../../src/report/write-report.js');
    const { RunAbortedError } = await import('../../src/engine/errors.js');
    const chartSet = await import('../../src/report/charts/chart-set.js');
    const build = vi.mocked(chartSet.buildCharts);
    expect(vi.isMockFunction(build)).toBe(true);
    build.mockClear();
    build.mockImplementation(() => {
      throw new Error('buildCharts fault');
    });
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-abort-charts-'));
    try {
      const abort = new AbortController();
      // The write is past its first check and awaiting prepareReportDir when the signal fires.
      const writing = writeReport(join(dir, 'out'), sim, summary, { signal: abort.signal, releaseTrials: true });
      abort.abort();
      await expect(writing).rejects.toThrow(RunAbortedError);
      expect(build).not.toHaveBeenCalled();
      expect(existsSync(join(dir, 'out'))).toBe(false);
      // Nothing released either: the caller's store is as it was.
      expect(sim.store.column('revenue')).toBeDefined();
    } finally {
      build.mockReset();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
