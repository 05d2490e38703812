/**
 * Which tiers of a chunk are read back instead of simulated, and where the simulated ones are saved:
 * a what-if that changes one tier's drivers re-simulates that tier only. Each tier has its own
 * streams, seeded from (seed, chunk, tier, driver), and shares only the market factor with the
 * others, so a tier whose plan and market are unchanged produces the same outcomes, bit for bit,
 * and reading them back gives the chunk a full run would give (test/model/tier-rows.test.ts).
 */
export interface TierRows {
  /** Per tier: the chunk's trials, TierOutcome.rowWidth numbers a trial, to read (replay) or to write; undefined: simulate and keep nothing. */
  readonly rows: ReadonlyArray<Float64Array | undefined>;
  /** Per tier: 1 when rows[t] holds the tier's outcomes to read back; 0 when the tier is simulated (and written into rows[t] when given). */
  readonly replay: Uint8Array;
}
