import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { parseScenario, simulate, simulateShard, summarize } from '../../src/index.js';
import { reportPage } from '../../src/report/write-report.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * reportPage (the studio's "download report": report.html made in memory) checks what writeReport
 * checks before it draws anything: a scenario edited in place after its run drew a page with the
 * edited names beside the trials of the scenario as it ran, and a summary of another run, or a
 * shard's part, was drawn without a word. Charts are stubbed: the refusals come before any is drawn.
 */
const TEXT = readFileSync(`${ROOT}scenarios/smb-lead-driven.yaml`, 'utf8');
const RUN = { trials: 20, seed: 3, workers: 0 } as const;
let drawn = 0;
const renderChart = async () => {
  drawn++;
  return { svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', warnings: [] };
};

group('reportPage refuses what writeReport refuses, before any chart is drawn', () => {
  it('a scenario edited in place after its run, a summary of another run, a part, an unknown option', async () => {
    const mine = parseScenario(TEXT, 'smb-lead-driven.yaml');
    const sim = await simulate(mine, RUN);
    const summary = summarize(sim);
    const other = summarize(await simulate(parseScenario(TEXT, 'other.yaml'), { ...RUN, seed: 4 }));
    const part = (await simulateShard(parseScenario(TEXT, 'part.yaml'), { ...RUN, shard: { index: 0, count: 2 } })) as unknown as Simulation;

    // The unedited run draws (the stub counts its charts).
    expect(await reportPage(sim, summary, { renderChart })).toContain('<html');
    const before = drawn;
    expect(before).toBeGreaterThan(0);

    await expect(reportPage(sim, other, { renderChart })).rejects.toThrow(/the summary given is of another run/);
    await expect(reportPage(part, summary, { renderChart })).rejects.toThrow(/reportPage reads a whole run/);
    await expect(reportPage(sim, summary, { renderChart, outputs: ['html'] } as never)).rejects.toThrow(/outputs: is not an option of reportPage/);
    mine.scenario.name = 'Edited after its run';
    await expect(reportPage(sim, summary, { renderChart })).rejects.toThrow(/changed after it was loaded/);
    expect(drawn).toBe(before);
  });
});
