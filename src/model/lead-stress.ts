/**
 * The multiplier on a lead source's planned leads for the leads that come in in `month` (1 to 12:
 * the year's; below 1: the warm start's months before the year, whose leads still close in it):
 * the market's `volume` x this year's `leads` stress x the year's `level` over its plan.
 *
 * The leads stress moves only the year's own leads: those of the months before the year had come
 * in already, so it leaves them as they were. The one rule the simulator and a re-forecast's
 * likelihood both follow (when they differed, a re-forecast under leads -50% read actuals of
 * exactly conversion 0.1 as 0.138).
 *
 * @example leadMultiplier(3, 1, 0.5, 1) // => 0.5 (March's leads halved)
 * @example leadMultiplier(0, 1, 0.5, 1) // => 1 (December's, before the year: as they came in)
 * Complexity: O(1).
 */
export function leadMultiplier(month: number, volume: number, leadsStress: number, level: number): number {
  // The products in this order keep every scenario's draws bit for bit as before the rule had a home.
  return month >= 1 ? volume * leadsStress * level : volume * level;
}
