import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summarize } from '../../src/analysis/summarize.js';
import { checkTargets } from '../../src/cli/check-targets.js';

// "Café" with é (NFC) names the tier; a target names it with e + U+0301 (NFD), which reads the same.
const NFC = 'Caf\u00e9';
const NFD = 'Cafe\u0301';
const yaml = (targetTier: string) => `name: forms
tiers:
  - name: "${NFC}"
    existing: { openingArr: 1200000, customers: 120, renewalRate: { dist: beta, mean: 0.85, sd: 0.05 } }
  - name: Other
    existing: { openingArr: 500000, customers: 50, renewalRate: 0.9 }
targets:
  metrics:
    - { metric: endingArr, tier: "${targetTier}", value: 1000000 }
`;

describe("a target naming a tier in another Unicode form (NFC and NFD) is that tier's", () => {
  it('in the scenario: accepted, and tested against the tier the name reads as', async () => {
    // It was refused with 'no tier is named "Café"' beside a tier every output shows as Café.
    const loaded = parseScenario(yaml(NFD), 'forms.yaml');
    const sim = await simulate(loaded, { trials: 200, seed: 3, workers: 0 });
    const summary = summarize(sim, { targets: loaded.scenario.targets });
    const ending = sim.store.column(`tier.${NFC}.endingArr`)!;
    let reached = 0;
    for (let i = 0; i < ending.length; i++) if (ending[i]! >= 1_000_000) reached++;
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(200);
    expect(summary.decisions.targets[0]!.probability.value).toBe(reached / 200);
  });

  it('on the command line: --target Café:endingArr=1M is not refused', () => {
    const loaded = parseScenario(yaml(NFC), 'forms.yaml');
    expect(() => checkTargets(loaded, [{ metric: 'endingArr', tier: NFD, value: 2_000_000 }])).not.toThrow();
    expect(() => checkTargets(loaded, [{ metric: 'endingArr', tier: 'Cafe', value: 2_000_000 }])).toThrow('no tier is named "Cafe"');
  });
});
