/**
 * How the shared market factor Z ~ N(0, 1) of a trial moves a driver, given the driver's loading b.
 * Positive b: a good year (Z > 0) raises the driver.
 */

/**
 * A rate moved on the log-odds scale: logit(p') = logit(p) + b z. Keeps it inside (0, 1); a rate of
 * exactly 0 or 1 stays put.
 *
 * @example shiftRate(0.5, 0.4, -1) // => 0.401 (a one-sd bad year)
 * Complexity: O(1).
 */
export function shiftRate(p: number, loading: number, z: number): number {
  if (loading === 0 || p <= 0 || p >= 1) return p;
  const logOdds = Math.log(p / (1 - p)) + loading * z;
  return 1 / (1 + Math.exp(-logOdds));
}

/**
 * A volume or size multiplier exp(b z - b^2 / 2): lognormal with mean exactly 1, so the driver's
 * mean across trials is the one the planner wrote, while good and bad years spread around it.
 *
 * @example volumeMultiplier(0.2, -1.28) // => 0.76 (a one-in-ten bad year: 24% fewer leads)
 * Complexity: O(1).
 */
export function volumeMultiplier(loading: number, z: number): number {
  return loading === 0 ? 1 : Math.exp(loading * z - (loading * loading) / 2);
}
