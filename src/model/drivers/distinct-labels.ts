import type { DriverKind } from './driver-kinds.js';
import type { TierDriver } from './tier-drivers.js';

/** What a named driver's name is, in a planner's words. */
const NAME_ROLE: Partial<Record<DriverKind, string>> = {
  sourceConversion: 'lead source',
  sourceLeadsPerMonth: 'lead source',
  pipelineWinProbability: 'pipeline group',
  pipelineAmount: 'pipeline group',
};

/**
 * Where a driver is, in words, with its names quoted: ` (tier "EMEA", lead source "Inbound")`. The
 * quotes (JSON's, so a quote inside a name is escaped) keep a name's words apart from the words around it.
 */
function whereLabel(d: TierDriver): string {
  const role = NAME_ROLE[d.kind] ?? 'name';
  return ` (tier ${JSON.stringify(d.tier)}${d.name === '' ? '' : `, ${role} ${JSON.stringify(d.name)}`})`;
}

const count = (labels: Iterable<string>) => {
  const n = new Map<string, number>();
  for (const l of labels) n.set(l, (n.get(l) ?? 0) + 1);
  return n;
};

/**
 * The tiers with every driver's label distinct across the plan. A label is a tier's name, a lead
 * source's or pipeline group's name and words, so two drivers can read alike: tier "EMEA" with lead
 * source "Inbound" and tier "EMEA Inbound" both have "EMEA Inbound conversion", and every table,
 * chart and sentence showing one could be read as the other. Each label shared by several drivers
 * gets where each one is: `EMEA Inbound conversion (tier "EMEA", lead source "Inbound")` and
 * `EMEA Inbound conversion (tier "EMEA Inbound")`. A plan whose labels are all distinct is returned
 * as it is (the same objects), so no ordinary scenario's labels change.
 *
 * @example distinctDriverLabels(tiers)[0].plannedDrivers[0].label
 * Complexity: O(drivers).
 */
export function distinctDriverLabels<T extends { readonly plannedDrivers: readonly TierDriver[] }>(tiers: readonly T[]): readonly T[] {
  const all = tiers.flatMap((t) => t.plannedDrivers);
  const before = count(all.map((d) => d.label));
  if (before.size === all.length) return tiers;
  // A worded label ends in `")`, which no label of a kind's words does, and its tier, role and
  // name tell apart the drivers that shared its label (a tier states each kind once per name).
  const label = new Map(all.map((d) => [d, before.get(d.label)! > 1 ? `${d.label}${whereLabel(d)}` : d.label]));
  return tiers.map((t) =>
    t.plannedDrivers.every((d) => label.get(d) === d.label) ? t : { ...t, plannedDrivers: t.plannedDrivers.map((d) => (label.get(d) === d.label ? d : { ...d, label: label.get(d)! })) },
  );
}
