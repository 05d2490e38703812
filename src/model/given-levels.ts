import type { Draw } from './distribution-sampler.js';

/**
 * Year-level values handed to a chunk instead of drawn from the prior: a re-forecast's posterior
 * draws (the market factor and the drivers the evidence taught), one row per trial. Drivers not
 * listed are drawn from their own streams as in a plan run.
 */
export interface GivenLevels {
  /** The market factor of each trial. */
  readonly z: Float64Array;
  /** Own draws, row-major: own[trial * width + column]. */
  readonly own: Float64Array;
  readonly width: number;
  /** Column of (tier index, driver slot) in `own`, or absent: columnOf.get(`${tier}:${slot}`). */
  readonly columnOf: ReadonlyMap<string, number>;
}

/** The trial a chunk is on: simulators' given draws read this row (set once per trial, no allocation). */
export class GivenCursor {
  row = 0;
  constructor(readonly given: GivenLevels) {}

  /** The draw a simulator uses for the driver in `slot` of tier `tier`: the given column when there is one, else `draw`. */
  bind(tier: number, slot: number, draw: Draw): Draw;
  bind(tier: number, slot: number, draw: Draw | undefined): Draw | undefined;
  bind(tier: number, slot: number, draw: Draw | undefined): Draw | undefined {
    const column = slot < 0 ? undefined : this.given.columnOf.get(`${tier}:${slot}`);
    if (column === undefined || draw === undefined) return draw;
    const { own, width } = this.given;
    return () => own[this.row * width + column]!;
  }
}

/** Where a simulator's year-level draws come from: its own streams (undefined), or a cursor over given rows. */
export interface LevelSource {
  readonly cursor: GivenCursor;
  readonly tier: number;
}

/** A driver's draw through an optional level source. */
export function levelDraw(source: LevelSource | undefined, slot: number, draw: Draw): Draw;
export function levelDraw(source: LevelSource | undefined, slot: number, draw: Draw | undefined): Draw | undefined;
export function levelDraw(source: LevelSource | undefined, slot: number, draw: Draw | undefined): Draw | undefined {
  return source ? source.cursor.bind(source.tier, slot, draw) : draw;
}
