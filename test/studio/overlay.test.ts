import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { marketFactor } from '../../src/studio/controls.js';
import { StateError } from '../../src/studio/overlay.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { EMPTY_STATE } from '../../src/studio/state.js';
import { ROOT } from '../helpers/fixtures.js';

/** A copy of scenarios/ (with its data files), so saved overlays land beside their scenario. */
const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-overlay-'));
cpSync(join(ROOT, 'scenarios'), dir, { recursive: true });
const SCENARIOS = ['example.yaml', 'downside.yaml', 'smb-lead-driven.yaml', 'enterprise-rep-driven.yaml', 'hybrid-company.yaml'];

describe('a page state is an extends overlay that arrcast run reads as the same scenario', () => {
  it.each(SCENARIOS)('%s: the empty state is the file as written; every control moved a step, alone, is a valid overlay with the same hash once saved', async (name) => {
    const studio = await openStudioScenario(join(dir, name));
    const original = await loadScenario(join(dir, name));
    expect(studio.loaded.hash).toBe(original.hash);
    const empty = await studio.scenarioOf(EMPTY_STATE);
    expect(empty.overlay).toEqual({});
    expect(studio.controls.drivers.length).toBeGreaterThan(0);
    for (const c of studio.controls.drivers) {
      // A step below the plan, or above it where the plan is the first step (no hire can start before the year).
      const state = { ...EMPTY_STATE, drivers: { [c.id]: { central: (c.values[c.planIndex - 1] ?? c.values[c.planIndex + 1])!, ...(c.spreads ? { spread: 1.5 } : {}) } } };
      const moved = await studio.scenarioOf(state);
      expect(moved.loaded.hash, c.id).not.toBe(original.hash);
      const file = join(dir, `overlay-${name}-${c.id.replace(/[^\w]/g, '_')}.yaml`);
      writeFileSync(file, moved.text);
      expect((await loadScenario(file)).hash, c.id).toBe(moved.loaded.hash);
      // Moved back: the file as written, exactly.
      expect((await studio.scenarioOf({ ...EMPTY_STATE, drivers: { [c.id]: { central: c.plan, spread: 1 } } })).loaded.hash).toBe(original.hash);
    }
  });

  it('the market year is market.factor at that percentile of the market factor (Φ⁻¹); the targets are written whole when they change', async () => {
    const studio = await openStudioScenario(join(dir, 'example.yaml'), { targets: [{ metric: 'revenue', value: 120e6 }] });
    const { overlay, loaded } = await studio.scenarioOf({ ...EMPTY_STATE, market: 0.1, targets: [110e6] });
    expect(overlay).toEqual({ market: { factor: marketFactor(0.1) }, targets: { metrics: [{ metric: 'revenue', value: 110e6 }] } });
    expect(marketFactor(0.1)).toBeCloseTo(-1.2815515655446004, 12);
    expect(loaded.scenario.market.factor).toBe(marketFactor(0.1));
    expect(studio.controls.market?.labels[0]).toBe('a year like the worst 10%');
    expect(studio.controls.market?.labels.at(-1)).toBe('a year like the best 10%');
  });

  it('refuses what the page does not show, by field; values the schema refuses are its issues, at the overlay path', async () => {
    const studio = await openStudioScenario(join(dir, 'example.yaml'));
    const ids = studio.controls.drivers.map((c) => `"${c.id}"`);
    const listed = `its drivers are ${ids.slice(0, 20).join(', ')}, and ${ids.length - 20} more (GET /api/controls lists them)`;
    // 0/, 1/ and 2/conversion are each one edit from 9/conversion: no guess (was "did you mean "0/conversion"?"), the ids.
    expect(['0/conversion', '1/conversion', '2/conversion'].every((id) => ids.includes(`"${id}"`))).toBe(true);
    await expect(studio.scenarioOf({ ...EMPTY_STATE, drivers: { '9/conversion': { central: 0.1 } } })).rejects.toThrow(new StateError(['drivers', '9/conversion'], `no such driver on this page; ${listed}`));
    // One nearest id: named.
    await expect(studio.scenarioOf({ ...EMPTY_STATE, drivers: { '0/conversio': { central: 0.1 } } })).rejects.toThrow(new StateError(['drivers', '0/conversio'], 'no such driver on this page (did you mean "0/conversion"?)'));
    // A driver named by the label the page shows, or by no near id: its id, or the ids (were told only "no such driver on this page").
    await expect(studio.scenarioOf({ ...EMPTY_STATE, drivers: { 'smb Conversion': { central: 0.1 } } })).rejects.toThrow(
      new StateError(['drivers', 'smb Conversion'], 'no such driver on this page; "smb Conversion" is the label of driver "0/conversion": name a driver by its id'),
    );
    expect(ids.length).toBeGreaterThan(20);
    await expect(studio.scenarioOf({ ...EMPTY_STATE, drivers: { leads: { central: 0.1 } } })).rejects.toThrow(
      new StateError(['drivers', 'leads'], `no such driver on this page; ${listed}`),
    );
    await expect(studio.scenarioOf({ ...EMPTY_STATE, targets: [1] })).rejects.toThrow('targets: needs 0 values, one per target on the page');
    const bad = await studio.scenarioOf({ ...EMPTY_STATE, drivers: { '0/renewalRate': { central: 1.2 } } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ScenarioError);
    expect((bad as ScenarioError).issues.map((i) => i.path.join('.'))).toContain('tiers.0.existing.renewalRate.mean');
  });
});
