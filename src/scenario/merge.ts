import { editDistance } from './edit-distance.js';

/**
 * Merging a scenario onto the one it `extends`, keeping track of where every value came from so
 * that a problem in the merged scenario is reported at its line in the file that wrote it.
 *
 * The rules, applied from the base outwards:
 * - mappings merge key by key, recursively;
 * - scalars and lists replace the base's value whole (a seasonality, a renewal calendar, the
 *   targets' list);
 * - a distribution written with `dist` replaces the base's distribution whole; a mapping without
 *   `dist` changes only the parameters it names (`acv: { p90: 500000 }`);
 * - `tiers` merge by tier name (case-insensitive, surrounding spaces ignored): a tier whose name is
 *   in the base merges into it (keeping the base's spelling of the name, which seeds its random
 *   streams), a new name is appended, and `remove: true` drops the base's tier;
 * - in a tier's `existing`, `renewalRate` and `dollarRenewalRate` replace each other.
 */

import { quoteText } from './display-text.js';
import { nameKey } from './name-key.js';

export type PathPart = string | number;

/** Where a value came from: the layer (file) that wrote it, and its path inside that file. */
export interface Origin {
  readonly layer: number;
  readonly path: readonly PathPart[];
}

/** A value with the origin of every node in it. */
export type Tree =
  | { readonly kind: 'map'; readonly origin: Origin; readonly entries: ReadonlyMap<string, Tree> }
  | { readonly kind: 'list'; readonly origin: Origin; readonly items: readonly Tree[] }
  | { readonly kind: 'value'; readonly origin: Origin; readonly value: unknown };

/** A problem found while merging (a tier to remove that is not there), at its origin. */
export interface MergeIssue {
  readonly at: Origin;
  readonly message: string;
}

/**
 * A tier a file adds whose name is close to a tier of its base ("Enterprize" beside "Enterprise"):
 * a typo, unless the tier is complete. `extends.ts` says so when the merged tier does not validate.
 */
export interface NearMissTier {
  readonly name: string;
  /** The base tier's name it is close to. */
  readonly nearest: string;
  /** Where the name is written. */
  readonly at: Origin;
}

/** Names this close (edits, case aside) to a base tier's are probably that tier misspelt. */
const NEAR_MISS_EDITS = 2;

/**
 * Annotate plain data (from one file) with the origin of every node.
 *
 * @example annotate({ a: [1] }, 0).kind // => 'map'
 * Complexity: O(size of the data).
 */
export function annotate(value: unknown, layer: number, path: readonly PathPart[] = []): Tree {
  const origin: Origin = { layer, path };
  if (Array.isArray(value)) return { kind: 'list', origin, items: value.map((v, i) => annotate(v, layer, [...path, i])) };
  if (value !== null && typeof value === 'object') {
    const entries = new Map<string, Tree>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) entries.set(k, annotate(v, layer, [...path, k]));
    return { kind: 'map', origin, entries };
  }
  return { kind: 'value', origin, value };
}

/**
 * Merge `child` (a whole scenario file) onto `base` (the merged scenario it extends) by the rules
 * above. Problems (a tier removed that the base does not have) are added to `issues`.
 *
 * @example mergeScenarioTrees(annotate({ name: 'a', trials: 5 }, 0), annotate({ trials: 9 }, 1), []) // trials 9, name 'a'
 * Complexity: O(size of both, plus tiers x tiers for matching names).
 */
export function mergeScenarioTrees(base: Tree, child: Tree, issues: MergeIssue[], nearMisses: NearMissTier[] = []): Tree {
  return merge(base, child, [], issues, nearMisses);
}

function merge(base: Tree | undefined, child: Tree, at: readonly PathPart[], issues: MergeIssue[], nearMisses: NearMissTier[]): Tree {
  if (at.length === 1 && at[0] === 'tiers' && child.kind === 'list' && (base === undefined || base.kind === 'list'))
    return mergeTiers(base ?? { kind: 'list', origin: child.origin, items: [] }, child, issues, nearMisses);
  if (base?.kind === 'map' && child.kind === 'map' && !child.entries.has('dist')) {
    const entries = new Map(base.entries);
    // Keys that state one thing two ways: writing one replaces the base's other.
    if (at.length === 3 && at[0] === 'tiers' && at[2] === 'existing')
      for (const [key, other] of RENEWAL_ALTERNATIVES) if (child.entries.has(key) && !child.entries.has(other)) entries.delete(other);
    for (const [key, value] of child.entries) entries.set(key, merge(base.entries.get(key), value, [...at, key], issues, nearMisses));
    return { kind: 'map', origin: child.origin, entries };
  }
  return child;
}

/** A tier's renewal is stated as a logo rate or as a dollar rate; an extending file may switch. */
const RENEWAL_ALTERNATIVES: ReadonlyArray<readonly [string, string]> = [
  ['renewalRate', 'dollarRenewalRate'],
  ['dollarRenewalRate', 'renewalRate'],
];

/** The base tier name closest to `name` within NEAR_MISS_EDITS edits (case aside), if any. */
function nearestName(baseNames: readonly string[], name: string): string | undefined {
  return baseNames
    .map((n) => ({ n, d: editDistance(nameKey(n), nameKey(name)) }))
    .filter(({ d }) => d <= NEAR_MISS_EDITS)
    .sort((a, b) => a.d - b.d)[0]?.n;
}

/** The name of a tier node, when it has a string one. */
function tierName(tier: Tree | undefined): string | undefined {
  if (tier?.kind !== 'map') return undefined;
  const name = tier.entries.get('name');
  return name?.kind === 'value' && typeof name.value === 'string' ? name.value : undefined;
}


function mergeTiers(
  base: Extract<Tree, { kind: 'list' }>,
  child: Extract<Tree, { kind: 'list' }>,
  issues: MergeIssue[],
  nearMisses: NearMissTier[],
): Tree {
  const result: Tree[] = [...base.items];
  const baseNames = base.items.map(tierName).filter((n): n is string => n !== undefined);
  const seen = new Set<string>();
  for (let item of child.items) {
    const name = tierName(item);
    // A tier without a usable name is appended as written: validation says what is wrong with it.
    if (name === undefined || item.kind !== 'map') {
      result.push(item);
      continue;
    }
    const nameNode = item.entries.get('name')!;
    if (seen.has(nameKey(name))) {
      issues.push({ at: nameNode.origin, message: `tier ${quoteText(name)} is written twice in this file; write each tier once` });
      continue;
    }
    seen.add(nameKey(name));
    const index = result.findIndex((t) => tierName(t) !== undefined && nameKey(tierName(t)!) === nameKey(name));
    const remove = item.entries.get('remove');
    if (remove !== undefined) {
      if (remove.kind !== 'value' || typeof remove.value !== 'boolean') {
        issues.push({ at: remove.origin, message: 'remove must be true (drop this tier of the base scenario) or false' });
        continue;
      }
      if (remove.value) {
        const others = [...item.entries.keys()].filter((k) => k !== 'name' && k !== 'remove');
        if (others.length > 0)
          issues.push({ at: remove.origin, message: `remove: true drops the tier, so it cannot also set ${others.join(', ')}` });
        else if (index < 0) {
          const near = nearestName(baseNames, name);
          issues.push({ at: nameNode.origin, message: `no tier named ${quoteText(name)} in the base scenario to remove${near ? ` (did you mean ${quoteText(near)}?)` : ''}` });
        }
        else result.splice(index, 1);
        continue;
      }
      const entries = new Map(item.entries);
      entries.delete('remove');
      item = { ...item, entries };
    }
    if (index < 0) {
      const nearest = nearestName(baseNames, name);
      if (nearest) nearMisses.push({ name, nearest, at: nameNode.origin });
      result.push(item);
      continue;
    }
    const baseTier = result[index]!;
    const merged = merge(baseTier, item, ['tiers', index], issues, nearMisses);
    // The base's spelling of the name stays: tier names seed the random streams (common random numbers).
    if (merged.kind === 'map' && baseTier.kind === 'map') {
      const entries = new Map(merged.entries);
      entries.set('name', baseTier.entries.get('name')!);
      result[index] = { ...merged, entries };
    } else result[index] = merged;
  }
  return { kind: 'list', origin: child.origin, items: result };
}

/** The key of a path in the origins map. */
export const pathKey = (path: readonly PathPart[]): string => JSON.stringify(path);

/**
 * Turn a merged tree back into plain data, with the origin of every node by its path in the
 * merged data (see `pathKey`).
 *
 * Complexity: O(size of the tree).
 */
export function materialize(tree: Tree): { value: unknown; origins: Map<string, Origin> } {
  const origins = new Map<string, Origin>();
  const walk = (node: Tree, path: PathPart[]): unknown => {
    origins.set(pathKey(path), node.origin);
    if (node.kind === 'value') return node.value;
    if (node.kind === 'list') return node.items.map((item, i) => walk(item, [...path, i]));
    const out: Record<string, unknown> = {};
    // defineProperty: a key such as "__proto__" stays a plain key (and is reported as unknown).
    for (const [k, v] of node.entries) Object.defineProperty(out, k, { value: walk(v, [...path, k]), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return { value: walk(tree, []), origins };
}
