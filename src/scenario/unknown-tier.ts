import { quoteText } from './display-text.js';
import { nearestName } from './edit-distance.js';

/** Up to this many tiers, a name that matches none lists them all; more would bury the message. */
const LISTED_TIERS = 12;

/**
 * The refusal of a tier name no tier has, as a target names one (`targets.metrics[].tier`, or
 * `--target Enterprize:revenue=20M`): the name, then the tier it most likely means (within two
 * edits, case aside), else the scenario's tiers when they are few. Before, it gave the name alone,
 * and a newcomer had to find the spelling in the file.
 *
 * @example unknownTierWords('Enterprize', ['SMB', 'Enterprise']) // => 'no tier is named "Enterprize" (did you mean "Enterprise"?)'
 * @example unknownTierWords('Gold', ['SMB', 'Enterprise']) // => 'no tier is named "Gold"; the tiers are: "SMB", "Enterprise"'
 */
export function unknownTierWords(name: string, tiers: readonly string[]): string {
  const meant = tierMeant(name, tiers);
  if (meant !== '') return `no tier is named ${quoteText(name)}${meant}`;
  if (tiers.length === 0 || tiers.length > LISTED_TIERS) return `no tier is named ${quoteText(name)}`;
  return `no tier is named ${quoteText(name)}; the tiers are: ${tiers.map((t) => quoteText(t)).join(', ')}`;
}

/**
 * ' (did you mean "Enterprise"?)' for a tier name within two edits of one of `tiers` (case aside), else ''.
 *
 * @example tierMeant('smbb', ['SMB', 'Enterprise']) // => ' (did you mean "SMB"?)'
 */
export function tierMeant(name: string, tiers: readonly string[]): string {
  const near = nearestName(name.trim(), tiers);
  return near === undefined ? '' : ` (did you mean ${quoteText(near)}?)`;
}
