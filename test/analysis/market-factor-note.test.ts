import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marketNote } from '../../src/analysis/compare.js';
import { loadScenario } from '../../src/scenario/load.js';
import { studioControls } from '../../src/studio/controls.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A fixed market factor computed rather than typed (the studio's "a P30 year" is Φ⁻¹(0.3)) printed
 * all 16 digits: compare's note said "Z = -0.5244005127080407". Notes round it to 3 decimals.
 */
describe('a fixed market factor in notes: 3 decimals at most', () => {
  it("compare's pairing note", () => {
    expect(marketNote([undefined, -0.5244005127080407])).toContain('B (Z = -0.524) fixes it where A draws it');
    expect(marketNote([-1.2815515655446004, undefined])).toContain('A (Z = -1.282) fixes it where B draws it');
    // As typed, when typed with few digits.
    expect(marketNote([undefined, -1.28])).toContain('B (Z = -1.28) fixes');
    expect(marketNote([undefined, -2])).toContain('B (Z = -2) fixes');
    // Tiny but fixed: no "-0".
    expect(marketNote([undefined, -0.0001])).toContain('B (Z = 0) fixes');
  });

  it("the studio's market control, for a file that fixes it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-factor-'));
    const text = readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8').replace('market:\n', 'market:\n  factor: -0.5244005127080407\n');
    writeFileSync(join(dir, 'plan.yaml'), text);
    const controls = studioControls(await loadScenario(join(dir, 'plan.yaml')));
    expect(controls.market?.asFile).toBe('fixed at z = -0.524');
  });
});
