import { componentIndex, COMPONENTS } from '../model/components.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { TierOutcome, TierSimulator } from '../model/tier-simulator.js';
import { standardNormal } from '../random/normal.js';
import { createStream, streamSeed } from '../random/source.js';
import type { MonthlyFile, MonthlyMeasure, MonthlyRow } from './monthly-record.js';

const NC = COMPONENTS.length;
const C_NEW = componentIndex('newBusiness');
const C_NEW_EXP = componentIndex('newCustomerExpansion');
const C_EXP = componentIndex('existingExpansion');
const C_CONTRACTION = componentIndex('contraction');
const C_CHURN = componentIndex('churn');

/** One simulated year: its monthly record as an actuals file, and its year-end figures. */
export interface SimulatedYear {
  readonly file: MonthlyFile;
  /** Recognised revenue of the year, all tiers (live ARR / 12 a month). */
  readonly revenue: number;
  readonly endingArr: number;
  /** The year's market factor. */
  readonly z: number;
  /** Each tier's own year-level draws, in its plannedDrivers order (the "true" drivers of the year). */
  readonly own: readonly Float64Array[];
}

/**
 * Draw one year from a plan (no start) with streams of its own, seeded from (seed, 'year', index),
 * and report it month by month the way an actuals file does: leads, deals, new_arr (ACV signed in
 * the month, whenever it goes live), churned, contraction and expansion ARR (existing and new customers'), renewed ARR
 * (before contraction), due ARR and ending ARR. "Calibration by construction" hands its first
 * months to a re-forecast; `arrcast fit` can recover a scenario from many of them.
 *
 * @example simulatedYear(planScenario(scenario), '7', 0).file.byTier.get('SMB')![0].values.leads
 * Complexity: O(one trial).
 */
export function simulatedYear(plan: ScenarioPlan, seed: string, index: number): SimulatedYear {
  const prefix = streamSeed(seed, 'year', index);
  const drawn = standardNormal(createStream(streamSeed(prefix, 'market')))();
  const z = plan.scenario.market.factor ?? drawn;
  const byTier = new Map<string, MonthlyRow[]>();
  let revenue = 0;
  let endingArr = 0;
  const own: Float64Array[] = [];
  for (const t of plan.tiers) {
    const out = new TierOutcome(t);
    new TierSimulator(t, prefix).run(z, out);
    own.push(Float64Array.from(out.own));
    const ev = out.events;
    let live = t.existing?.openingArr ?? 0;
    const rows: MonthlyRow[] = [];
    for (let m = 1; m <= 12; m++) {
      let change = 0;
      for (let c = 0; c < NC; c++) change += ev[c * 12 + m - 1]!;
      live += change;
      revenue += live / 12;
      const e = t.existing;
      const dueArr = e ? (e.book ? e.book.arrDueIn[m - 1]! : e.due[m - 1]! * e.averageArr) : 0;
      const values: Partial<Record<MonthlyMeasure, number>> = {
        leads: out.leadsByMonth[m - 1]!,
        deals: out.dealsByMonth[m - 1]!,
        // Signed in the month, as an actuals file states it (start-state.ts reads it so); until
        // December 2026 the ARR going live, which a service-start lag moves months later.
        new_arr: out.signedByMonth[m - 1]!,
        churned_arr: -ev[C_CHURN * 12 + m - 1]!,
        contraction_arr: -ev[C_CONTRACTION * 12 + m - 1]!,
        expansion_arr: ev[C_EXP * 12 + m - 1]! + ev[C_NEW_EXP * 12 + m - 1]!,
        renewed_arr: out.renewedByMonth[m - 1]!,
        due_arr: dueArr,
        ending_arr: live,
      };
      rows.push({ month: m, label: String(m), tier: t.name, line: 0, values });
    }
    endingArr += live;
    byTier.set(t.name, rows);
  }
  const measures: MonthlyMeasure[] = ['leads', 'deals', 'new_arr', 'churned_arr', 'contraction_arr', 'expansion_arr', 'renewed_arr', 'due_arr', 'ending_arr'];
  return { file: { path: `<simulated year ${index}>`, measures, tiers: [...byTier.keys()], months: 12, byTier }, revenue, endingArr, z, own };
}
