import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { columnsRead, writeReport } from '../../src/report/write-report.js';
import type { OutputName } from '../../src/report/outputs.js';
import { runReportScenario } from './fixture.js';

/** Every file under dir, by relative path, with its contents. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name), 'utf8')]),
  );

describe('writeReport with releaseTrials', () => {
  it('writes the same files as without, keeping only the columns those outputs read', async () => {
    const outputs: OutputName[] = ['html', 'charts', 'csv', 'xlsx', 'sipmath'];
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-release-'));
    try {
      const whole = await runReportScenario();
      await writeReport(join(dir, 'whole'), whole.sim, whole.summary, { outputs });
      const run = await runReportScenario();
      await writeReport(join(dir, 'released'), run.sim, run.summary, { outputs, releaseTrials: true });
      expect(snapshot(join(dir, 'released'))).toEqual(snapshot(join(dir, 'whole')));
      // The two-tier fixture: the charts' two columns, the three metrics' and each tier's revenue (sipmath).
      const kept = run.sim.store.layout.keys.filter((k) => run.sim.store.column(k) !== undefined);
      expect(kept.sort()).toEqual(['bookings', 'endingArr', 'revenue', 'tier.Enterprise.revenue', 'tier.SMB.revenue']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every column when trials.csv is written from the store, none for a summary alone', () => {
    expect(columnsRead(['A', 'B'], ['trials'], false)).toBeUndefined();
    expect(columnsRead(['A', 'B'], ['trials'], true)).toEqual([]);
    expect(columnsRead(['A', 'B'], ['summary'], false)).toEqual([]);
    expect(columnsRead(['A'], ['sipmath'], false)).toEqual(['revenue', 'bookings', 'endingArr']);
    // The charts' specs are built before the release: their columns are not kept through it.
    expect(columnsRead(['A', 'B'], undefined, false)).toEqual([]);
    expect(columnsRead(['A', 'B'], ['html', 'charts'], true)).toEqual([]);
  });

  it('releases the charts\' columns too (their specs built first), writing the same chart specs as without', async () => {
    const outputs: OutputName[] = ['charts'];
    const renderChart = async () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', warnings: [] });
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-release-charts-'));
    try {
      const whole = await runReportScenario(undefined, 300);
      await writeReport(join(dir, 'whole'), whole.sim, whole.summary, { outputs, renderChart });
      const run = await runReportScenario(undefined, 300);
      await writeReport(join(dir, 'released'), run.sim, run.summary, { outputs, renderChart, releaseTrials: true });
      expect(snapshot(join(dir, 'released'))).toEqual(snapshot(join(dir, 'whole')));
      expect(run.sim.store.layout.keys.filter((k) => run.sim.store.column(k) !== undefined)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
