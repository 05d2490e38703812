import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { summarize, type SummaryOptions } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');
// As a plain JS caller gives them: the types do not stop a wrong shape there.
const targets = (t: unknown) => ({ targets: t }) as unknown as SummaryOptions;

describe("summarize's targets are checked as a scenario's targets: are", () => {
  it('a wrong shape or value is refused by name (RunOptionError), not tested as no target, P = 0% or a TypeError', async () => {
    const sim = await simulate(example, { trials: 200, seed: 1, workers: 0 });
    const refused = (t: unknown) => {
      try {
        summarize(sim, targets(t));
        return 'summarized';
      } catch (err) {
        return err instanceof RunOptionError ? err.message : `${(err as Error).name}: ${(err as Error).message}`;
      }
    };
    // Before: no target tested at all (the list read as an object without metrics).
    expect(refused([{ metric: 'revenue', value: 1e8 }])).toBe('targets: must be an object { metrics: [{ metric, value, tier?, label? }], monthly? } (got an array)');
    // Before: "Cannot read properties of undefined (reading '0')".
    expect(refused({ metrics: [{ metric: 'revnue', value: 1e8 }] })).toBe('targets: metrics[0].metric: must be one of "revenue", "bookings", "endingArr", got "revnue" (did you mean "revenue"?)');
    // Before: reached in no trial, P = 0%.
    expect(refused({ metrics: [{ metric: 'revenue', value: Number.NaN }] })).toMatch(/^targets: metrics\[0\]\.value: /);
    expect(refused({ metrics: [{ metric: 'revenue', value: -5 }] })).toMatch(/^targets: metrics\[0\]\.value: /);
    expect(refused({ metrics: [{ metric: 'revenue', valu: 1e8 }] })).toMatch(/^targets: metrics\[0\]/);
    expect(refused(null)).toBe('targets: must be an object { metrics: [{ metric, value, tier?, label? }], monthly? } (got null)');
  });

  it('valid targets decide as before; a value written as the scenario writes one ("100M") is read as it', async () => {
    const sim = await simulate(example, { trials: 200, seed: 1, workers: 0 });
    const p50 = summarize(sim).metrics.revenue.percentiles.p50;
    const [t] = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: p50 }] } }).decisions.targets;
    // At the median of 200 trials: reached by half of them, give or take the ties (none in revenue).
    expect(t!.probability.value).toBe(0.5);
    const written = summarize(sim, targets({ metrics: [{ metric: 'revenue', value: '100M' }] })).decisions.targets[0]!;
    expect(written.value).toBe(100_000_000);
    expect(written.probability).toEqual(summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 100_000_000 }] } }).decisions.targets[0]!.probability);
  });
});

describe("a caller's targets are not held to the scenario file's 50", () => {
  it('51 targets are each decided (they were refused: "metrics: may hold at most 50 items")', async () => {
    const sim = await simulate(example, { trials: 200, seed: 1, workers: 0 });
    const metrics = Array.from({ length: 51 }, (_, i) => ({ metric: 'revenue' as const, value: (i + 1) * 1_000_000 }));
    const decided = summarize(sim, { targets: { metrics } }).decisions.targets;
    expect(decided.map((t) => t.value)).toEqual(metrics.map((t) => t.value));
    // Every other check still applies to a long list: its 51st target is read as the first is.
    expect(() => summarize(sim, targets({ metrics: [...metrics, { metric: 'revnue', value: 1 }] }))).toThrow(/^targets: metrics\[51\]\.metric: must be one of/);
  });
});
