/**
 * Which parts of a chunk's tiers are read back instead of simulated, and where the simulated ones
 * are saved: a what-if that changes one driver re-simulates only the part of the tier it is in (new
 * business or the opening book, TierOutcome's TIER_PARTS). Each tier part has its own streams,
 * seeded from (seed, chunk, tier, driver), writes its own fields of the outcome, and shares only the
 * market factor with the rest, so a part whose plan and market are unchanged produces the same
 * outcomes, bit for bit, and reading them back gives the chunk a full run would give
 * (test/model/tier-rows.test.ts).
 *
 * Indexed by tier x part: entry t * 2 + p for tier t and part p (NEW_BUSINESS 0, BOOK 1).
 */
export interface TierRows {
  /** The chunk's trials' outcomes, TierOutcome.rowWidth numbers a trial, to read (replay) or to write; undefined: simulate and keep nothing. Both parts of a tier may share one array. */
  readonly rows: ReadonlyArray<Float64Array | undefined>;
  /** 1 when rows[t * 2 + p] holds the part's outcomes to read back; 0 when the part is simulated (and written into its rows when given). */
  readonly replay: Uint8Array;
}
