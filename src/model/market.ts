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

/**
 * A rate under a stress overlay: shifted by `shift` points of the rate (after the market shift)
 * and clamped to [0, 1]. No shift leaves the rate exactly as it was. trialRate keeps a certain rate
 * (0 or 1) away from it.
 *
 * @example stressRate(0.86, -0.05) // => 0.81 (renewal 5 points lower)
 * Complexity: O(1).
 */
export function stressRate(p: number, shift: number): number {
  if (shift === 0) return p;
  const q = p + shift;
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/**
 * This trial's rate: the drawn rate moved by the market (shiftRate), then by a stress overlay
 * (stressRate). A rate drawn as exactly 0 or 1 is certain and stays so: neither the market nor a
 * stress moves it (signed deals stay signed, a book that renews in full still does). The one path
 * every rate driver of the model takes (conversion of every source, earlier leads, pipeline odds,
 * renewal, contraction, expansion), so the rule has this one place.
 *
 * @example trialRate(0.86, 0.3, -1.28, -0.03) // a one-in-ten bad year with renewal 3 points lower
 * @example trialRate(1, 0.3, -1.28, -0.2) // => 1 (certain: the stress does not move it)
 * Complexity: O(1).
 */
export function trialRate(p: number, loading: number, z: number, shift: number): number {
  if (p <= 0 || p >= 1) return p;
  return stressRate(shiftRate(p, loading, z), shift);
}
