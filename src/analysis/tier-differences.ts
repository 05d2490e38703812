import type { Comparison } from './compare.js';

/**
 * Whether a comparison's outputs (the terminal table, comparison.html, comparison.xlsx) give the
 * differences by tier: with more than one shared tier, or with tiers that differ (then by shared
 * tier), and some tier shared. Scenarios sharing no tier printed a "by shared tier" heading over
 * nothing, and comparison.xlsx a sheet of it.
 *
 * @example showsTierDifferences({ sharedTiers: [], sameTiers: false }) // => false
 */
export const showsTierDifferences = (c: Pick<Comparison, 'sharedTiers' | 'sameTiers'>): boolean => c.sharedTiers.length > 1 || (!c.sameTiers && c.sharedTiers.length > 0);
