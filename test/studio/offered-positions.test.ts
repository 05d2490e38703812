import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { centralRange } from '../../src/studio/central-range.js';
import type { DriverControl } from '../../src/studio/controls.js';
import { StudioSession } from '../../src/studio/session.js';
import { startStudioServer } from '../../src/studio/server.js';
import type { StudioState } from '../../src/studio/state.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { ROOT } from '../helpers/fixtures.js';
import { requester } from './studio-fixture.js';

/**
 * Every position the page offers is answered: a leader moving two controls in a meeting gets an
 * answer, not a 400. The page offers each driver's central values and spreads (page/main.ts): the
 * spread slider up to `widest[central]`, the central slider over `centralRange(widest, central,
 * spread)`. Without `widest` (before it), both sliders offered their whole range.
 */
const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

type Position = { readonly name: string; readonly state: StudioState };

/** A driver's central value at position i with spread position j, as the page sends it. */
function at(c: DriverControl, i: number, j: number): Position {
  const spread = (c.spreads ?? [1])[j]!;
  const central = c.values[i]!;
  return {
    name: `${c.label} at ${c.labels[i]} (${i} of ${c.values.length - 1}), spread × ${spread}`,
    state: { drivers: { [c.id]: { central, ...(spread !== 1 ? { spread } : {}) } }, market: null, confidence: 0.8 },
  };
}

/** The offered extremes of a control: its ends, alone; with a spread, the widest spread at each end and at the plan, and the central range's ends at every spread the plan offers. */
function extremes(c: DriverControl): Position[] {
  const last = c.values.length - 1;
  if (!c.spreads) return [at(c, 0, 0), at(c, last, 0)];
  const widest = c.widest ?? c.values.map(() => c.spreads!.length - 1);
  const out: Position[] = [];
  for (const i of [0, c.planIndex, last]) out.push(at(c, i, 0), at(c, i, widest[i]!));
  for (let j = 0; j <= widest[c.planIndex]!; j++) {
    const [lo, hi] = centralRange(widest, c.planIndex, j);
    out.push(at(c, lo, j), at(c, hi, j));
  }
  return out;
}

describe.each(SCENARIOS)('every position the studio offers on %s is taken', (file) => {
  it("each control at its extremes, and each driver's central value at its spread's extremes", async () => {
    const scenario = await openStudioScenario(join(ROOT, 'scenarios', file));
    // Each state once: extremes() lists some twice (a control's ends at the first spread are the
    // central range's ends there; where the widest spread is the first, its pair is the first's):
    // 244 of the 1,374 positions of scenarios/, and a state compiles the same however it was reached.
    const seen = new Set<string>();
    const positions = scenario.controls.drivers.flatMap(extremes).filter((p) => {
      const key = JSON.stringify(p.state);
      return !seen.has(key) && !!seen.add(key);
    });
    const market = scenario.controls.market?.percentiles ?? [];
    for (const p of [market[0], market[market.length - 1]])
      if (p !== undefined) positions.push({ name: `market at ${p}`, state: { drivers: {}, market: p, confidence: 0.8 } });
    expect(positions.length).toBeGreaterThan(scenario.controls.drivers.length * 2);
    const refused: string[] = [];
    for (const p of positions) {
      try {
        await scenario.scenarioOf(p.state);
      } catch (err) {
        refused.push(`${p.name}: ${(err as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });
});

describe("the studio's answer API answers the widest spread offered at each end of every driver", () => {
  const engine = createEngine({ workers: 1 });
  afterAll(() => engine.close());

  it.each(['example.yaml', 'downside.yaml', 'hybrid-company.yaml'])('%s', async (file) => {
    const scenario = await openStudioScenario(join(ROOT, 'scenarios', file));
    const session = new StudioSession(scenario, engine, { trials: 50, seed: 3 });
    const assets = mkdtempSync(join(tmpdir(), 'arrcast-studio-assets-'));
    for (const f of ['index.html', 'studio.js', 'studio.css']) writeFileSync(join(assets, f), f);
    const server = await startStudioServer(session, { port: 0, assetsDir: assets });
    try {
      const { post } = requester(server);
      const refused: string[] = [];
      for (const c of scenario.controls.drivers.filter((d) => d.spreads)) {
        const widest = c.widest ?? c.values.map(() => c.spreads!.length - 1);
        const last = c.values.length - 1;
        for (const p of [at(c, 0, widest[0]!), at(c, last, widest[last]!)]) {
          const reply = await post('/api/answer', { state: p.state, pass: 'full' });
          if (reply.status !== 200) refused.push(`${p.name}: ${reply.status} ${reply.json().error}`);
        }
      }
      expect(refused).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
