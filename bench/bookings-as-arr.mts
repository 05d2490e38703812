/**
 * trials.csv and summary.json store a bookings component as the ending-ARR one (an alias) when every
 * tier signs nothing that goes live after signing and has no escalator steps (model/trial-layout.ts).
 * This checks that assumption where it matters, tier by tier and trial by trial, on the simulator's
 * own outcome: for each generated scenario FROM..TO-1 whose tiers qualify, every trial's bookings of
 * new business, new-customer expansion, existing expansion and price uplift equal the ARR they add
 * (the sum of the months' events), to 1e-9 relative. Prints each mismatch and a count.
 *
 * Usage: npx tsx bench/bookings-as-arr.mts FROM TO [TRIALS]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScenario, loadGenerated } from '../test/helpers/generated-scenario.js';
import { planLoaded } from '../src/engine/simulate.js';
import { TierOutcome, TierSimulator } from '../src/model/tier-simulator.js';
import { componentIndex } from '../src/model/components.js';
import { standardNormal } from '../src/random/normal.js';
import { createStream } from '../src/random/source.js';

const [from, to, trialsArg] = process.argv.slice(2);
const trials = Number(trialsArg ?? 200);
const root = mkdtempSync(join(tmpdir(), 'ident17-bookings-'));
const COMPONENTS = ['newBusiness', 'newCustomerExpansion', 'existingExpansion', 'priceUplift'] as const;
let tiersChecked = 0;
let mismatches = 0;
try {
  for (let n = Number(from); n < Number(to); n++) {
    const plan = planLoaded((await loadGenerated(root, generateScenario(n))).loaded);
    const z = standardNormal(createStream(`bookings-as-arr/${n}`));
    for (const t of plan.tiers) {
      if ((t.newBusiness?.serviceStart.max ?? 0) > 0 || (t.existing?.book?.escalation.some((x) => x > 0) ?? false)) continue;
      tiersChecked++;
      const sim = new TierSimulator(t, `bookings-as-arr/${n}`);
      const out = new TierOutcome(t);
      let shown = 0;
      for (let trial = 0; trial < trials; trial++) {
        sim.run(z(), out);
        for (const c of COMPONENTS) {
          const k = componentIndex(c);
          let arr = 0;
          for (let m = 0; m < 12; m++) arr += out.events[k * 12 + m]!;
          const booked = out.booked[k]!;
          if (Math.abs(booked - arr) > 1e-9 * Math.max(1, Math.abs(arr))) {
            mismatches++;
            if (shown++ < 3) console.log(`#${n} ${t.name} trial ${trial} ${c}: booked ${booked}, ARR added ${arr}`);
          }
        }
      }
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
console.log(`${tiersChecked} tiers of scenarios ${from}..${Number(to) - 1} without lag or escalator steps, ${trials} trials each: ${mismatches} component-trials where bookings differ from the ARR added`);
