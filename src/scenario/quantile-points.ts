/** Quantile keys a planner may state: p1 .. p99, and p0.5 / p99.5 style halves. */
export const QUANTILE_KEY = /^p(\d{1,2}(\.\d+)?)$/;

/**
 * The stated quantiles as (probability, value) points in increasing probability:
 * { p10: 4, p90: 9 } -> [{ p: 0.1, x: 4 }, { p: 0.9, x: 9 }]. No zod here: the worker threads use it.
 */
export function quantilePoints(quantiles: Readonly<Record<string, number>>): Array<{ p: number; x: number }> {
  return Object.entries(quantiles)
    .map(([key, x]) => ({ p: Number(QUANTILE_KEY.exec(key)?.[1]) / 100, x }))
    .sort((a, b) => a.p - b.p);
}
