import { quoteText } from './display-text.js';
import { nearestName } from './edit-distance.js';

/** Up to this many tiers, a name that matches none lists them all; more would bury the message. */
const LISTED_TIERS = 12;

/** How unknownTierWords looks for the tier meant, and which tiers it lists when it finds none. */
export interface UnknownTierOptions {
  /** The tier a name most likely means among `candidates`, or undefined (default: within two edits, case aside). */
  readonly meant?: (name: string, candidates: readonly string[]) => string | undefined;
  /** The tiers a name may mean (default: the listed tiers); a file's rows may name any tier of the scenario. */
  readonly candidates?: readonly string[];
  /** What the listed tiers are (default 'the tiers'): 'the tiers using this file', "the scenario's tiers". */
  readonly listed?: string;
}

/**
 * The refusal of a tier name no tier has, wherever one is named (`targets.metrics[].tier`,
 * `--target Enterprize:revenue=20M`, a book, pipeline, actuals or history file's tier cell): the
 * name, then the tier it most likely means, else `tiers` when they are few. One wording for all
 * (there were three copies, the files' listing the tiers unquoted and however many).
 *
 * @example unknownTierWords('Enterprize', ['SMB', 'Enterprise']) // => 'no tier is named "Enterprize" (did you mean "Enterprise"?)'
 * @example unknownTierWords('Gold', ['SMB', 'Enterprise']) // => 'no tier is named "Gold"; the tiers are: "SMB", "Enterprise"'
 * Complexity: O(candidates x name length^2) for the default guess.
 */
export function unknownTierWords(name: string, tiers: readonly string[], options: UnknownTierOptions = {}): string {
  const near = (options.meant ?? defaultMeant)(name, options.candidates ?? tiers);
  if (near !== undefined) return `no tier is named ${quoteText(name)} (did you mean ${quoteText(near)}?)`;
  if (tiers.length === 0 || tiers.length > LISTED_TIERS) return `no tier is named ${quoteText(name)}`;
  return `no tier is named ${quoteText(name)}; ${options.listed ?? 'the tiers'} are: ${tiers.map((t) => quoteText(t)).join(', ')}`;
}

const defaultMeant = (name: string, candidates: readonly string[]) => nearestName(name.trim(), candidates);
