/**
 * The history's timeline: months 1..N, the oldest first, ending the month before the fiscal year
 * that is fitted. So the last 12 months are the fiscal months 1..12 of the year before, and month i
 * is fiscal month ((i − N − 1) mod 12) + 1. Full years ("blocks") are counted back from the end:
 * block 0 is months N−11..N, block 1 is N−23..N−12, and a remainder of fewer than 12 months at the
 * start is a partial block.
 */

/** Fiscal month (1..12) of history month i (1..n). O(1). */
export const fiscalMonthOf = (i: number, n: number): number => ((((i - n - 1) % 12) + 12) % 12) + 1;

/** Block of history month i: 0 for the last 12 months, 1 for the 12 before, ... O(1). */
export const blockOf = (i: number, n: number): number => Math.floor((n - i) / 12);

/** Number of blocks, a partial one at the start included. O(1). */
export const blockCount = (n: number): number => Math.ceil(n / 12);

/** Number of full 12-month blocks. O(1). */
export const fullBlocks = (n: number): number => Math.floor(n / 12);
