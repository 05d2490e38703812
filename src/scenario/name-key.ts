/**
 * How a tier's name is found from another place that names it (a target's `tier`, `--target
 * Café:revenue=...`): trimmed, without case, and in NFC form, so "Café" written with é and with
 * e + U+0301 (NFD), which every table and CSV shows alike, is one tier, as the scenario's own check
 * of two tiers' names already has it (scenario-schema.ts).
 *
 * @example nameKey(' Cafe\u0301 ') === nameKey('CAF\u00c9') // => true
 * Complexity: O(length of the name).
 */
export const nameKey = (name: string): string => name.normalize('NFC').trim().toLowerCase();
