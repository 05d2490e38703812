import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport } from '../../src/report/write-report.js';
import { RunAbortedError } from '../../src/engine/errors.js';
import * as chartSet from '../../src/report/charts/chart-set.js';
import { runReportScenario } from './fixture.js';

// buildCharts, counted; the test below makes it throw, as a fault in building a chart would.
vi.mock('../../src/report/charts/chart-set.js', async (original) => {
  const actual = await original<typeof import('../../src/report/charts/chart-set.js')>();
  return { ...actual, buildCharts: vi.fn(actual.buildCharts) };
});

describe('writeReport aborted while it checks its folder', () => {
  it('stops with RunAbortedError before the charts are built: no build, and its error does not take the abort\'s place', async () => {
    const { sim, summary } = await runReportScenario(undefined, 200);
    const build = vi.mocked(chartSet.buildCharts);
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
