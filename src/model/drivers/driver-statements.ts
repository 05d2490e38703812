import { canBeAbove0 } from '../../scenario/can-be-above-0.js';
import { centralValue } from '../../scenario/central-value.js';
import type { Tier } from '../../scenario/scenario-schema.js';
import type { CompiledDistribution } from '../distribution-sampler.js';
import type { NewBusinessPlan } from '../new-business-plan.js';
import type { ExistingPlan, NewCustomerExpansionPlan } from '../tier-plan.js';
import type { DriverStatement } from './tier-drivers.js';

/** The compiled parts of a tier that its drivers are read from. */
export interface TierParts {
  readonly existing: ExistingPlan | undefined;
  readonly newBusiness: NewBusinessPlan | undefined;
  readonly newCustomerExpansion: NewCustomerExpansionPlan | undefined;
}

/**
 * Every year-level driver a tier states, in the order of its slots and columns: the rates first
 * (in the order drivers had before the registry, so existing scenarios keep their column order),
 * then the volumes and amounts that have a year-level layer (or could have one). Each with its
 * year-level distribution and its plan value as written.
 *
 * @example driverStatements(tier, parts).map((s) => s.kind) // => ['conversion', 'renewalRate', ..., 'leadsPerMonth', 'acv']
 * Complexity: O(drivers).
 */
export function driverStatements(tier: Tier, parts: TierParts): DriverStatement[] {
  const { existing, newBusiness, newCustomerExpansion } = parts;
  const e = tier.existing;
  const x = tier.newCustomerExpansion;
  const statements: DriverStatement[] = [];
  const rate = (kind: DriverStatement['kind'], compiled: CompiledDistribution, spec: Parameters<typeof centralValue>[0], name?: string, index?: number) =>
    statements.push({ kind, name, index, yearLevel: compiled, planValue: centralValue(spec), canBeAbove0: canBeAbove0(spec) });
  const single = newBusiness?.sources.find((s) => s.name === '');
  const nb = tier.newBusiness;
  if (single && nb?.conversion !== undefined) rate('conversion', single.conversion, nb.conversion);
  if (existing && e) {
    rate('renewalRate', existing.renewalRate, (e.renewalRate ?? e.dollarRenewalRate)!);
    if (existing.contraction && e.contraction) rate('contractionProbability', existing.contraction.probability, e.contraction.probability);
    if (existing.expansion && e.expansion) rate('expansionProbability', existing.expansion.probability, e.expansion.probability);
  }
  if (newCustomerExpansion && x) rate('newCustomerExpansionProbability', newCustomerExpansion.probability, x.probability);
  if (existing && e) rate('priceUplift', existing.priceUplift, e.priceUplift);
  if (newBusiness && nb) {
    // The named sources follow the tier's single one (if any) in leadSources order.
    const named = newBusiness.sources.filter((s) => s.name !== '');
    (nb.leadSources ?? []).forEach((src, i) => rate('sourceConversion', named[i]!.conversion, src.conversion, named[i]!.name, i));
    if (newBusiness.earlierLeads && nb.earlierLeads) rate('earlierLeadsConversion', newBusiness.earlierLeads.conversion, nb.earlierLeads.conversion);
    newBusiness.pipelineGroups.forEach((g, i) => rate('pipelineWinProbability', g.winProbability, nb.openingPipeline!.groups![i]!.winProbability, String(i + 1), i));
    const r = newBusiness.reps;
    if (r && nb.reps) {
      rate('repAttrition', r.attrition, nb.reps.attrition);
      rate('repCapacity', r.capacity, nb.reps.capacity);
      if (r.slipProbability && nb.reps.hireSlip) rate('hireSlip', r.slipProbability, nb.reps.hireSlip.probability);
      if (r.sourced) statements.push({ kind: 'repProductivity', yearLevel: r.sourcedLevel?.distribution, planValue: r.planSourced, canBeAbove0: canBeAbove0(nb.reps.sourcedDealsPerMonth!) });
    }
    if (single) statements.push({ kind: 'leadsPerMonth', yearLevel: single.level?.distribution, planValue: single.planLeads, canBeAbove0: canBeAbove0(nb.leadsPerMonth!) });
    named.forEach((s, i) =>
      statements.push({ kind: 'sourceLeadsPerMonth', name: s.name, index: i, yearLevel: s.level?.distribution, planValue: s.planLeads, canBeAbove0: canBeAbove0(nb.leadSources![i]!.leadsPerMonth) }),
    );
    statements.push({ kind: 'acv', yearLevel: newBusiness.acvLevel?.distribution, planValue: newBusiness.planAcv, canBeAbove0: canBeAbove0(nb.acv) });
    newBusiness.pipelineGroups.forEach((g, i) => {
      const amount = nb.openingPipeline!.groups![i]!.amount;
      if (g.amount && amount !== undefined)
        statements.push({ kind: 'pipelineAmount', name: String(i + 1), index: i, yearLevel: g.amountLevel?.distribution, planValue: g.planAmount!, canBeAbove0: canBeAbove0(amount) });
    });
  }
  if (existing?.expansion && e?.expansion)
    statements.push({ kind: 'expansionSize', yearLevel: existing.expansion.sizeLevel?.distribution, planValue: existing.expansion.planSize, canBeAbove0: canBeAbove0(e.expansion.size) });
  if (newCustomerExpansion && x)
    statements.push({ kind: 'newCustomerExpansionSize', yearLevel: newCustomerExpansion.sizeLevel?.distribution, planValue: newCustomerExpansion.planSize, canBeAbove0: canBeAbove0(x.size) });
  return statements;
}
