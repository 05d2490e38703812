/**
 * The multiplier on a lead source's planned leads for the leads that come in in `month` (1 to 12:
 * the year's; below 1: the warm start's months before the year, whose leads still close in it):
 * for the year's months the market's `volume` x this year's `leads` stress x the year's `level` over
 * its plan; for the months before the year 1, the plan as stated.
 *
 * Only the year's own leads move: those of the months before the year had come in already, under
 * last year's market and lead level, so neither this year's market factor, nor its lead level draw,
 * nor its leads stress scales them (DOMAIN.md: what has arrived is known). The one rule the simulator
 * and a re-forecast's likelihood both follow (when they differed, a re-forecast under leads -50% read
 * actuals of exactly conversion 0.1 as 0.138). Their conversion is still this year's: the deals close
 * in the year.
 *
 * @example leadMultiplier(3, 1, 0.5, 1) // => 0.5 (March's leads halved)
 * @example leadMultiplier(0, 0.6, 0.5, 1.2) // => 1 (December's, before the year: as planned)
 * Complexity: O(1).
 */
export function leadMultiplier(month: number, volume: number, leadsStress: number, level: number): number {
  // The products in this order keep the year's draws bit for bit as before the rule had a home.
  return month >= 1 ? volume * leadsStress * level : 1;
}
