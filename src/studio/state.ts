import { z } from 'zod';
import { MAX_FILE_TARGETS } from '../scenario/targets-schema.js';

/** Largest request body the studio reads: a page state is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const finite = z.number().finite();

/** Longest driver id a state names (ids are `tier/field`, a few dozen characters). */
export const MAX_DRIVER_ID = 200;
/** Widest spread factor a driver takes (10: ten times the file's spread). */
export const MAX_SPREAD = 10;

/**
 * A page state: what the planner moved, by control id, never by scenario path, so a request can
 * name neither a file nor a field the page does not show. Absent = as the file.
 */
export const studioStateSchema = z.strictObject({
  drivers: z
    .record(
      z.string().max(MAX_DRIVER_ID),
      z.strictObject({ central: finite.optional(), spread: finite.positive().max(MAX_SPREAD).optional() }),
    )
    .default({}),
  /** The market year as a percentile of the market factor, in (0, 1); null or absent: as the file. */
  market: z.number().gt(0).lt(1).nullable().default(null),
  /** A value per target the page shows, in order; absent: the values it started with. */
  targets: z.array(finite.nonnegative()).max(MAX_FILE_TARGETS).optional(),
  confidence: z.number().gt(0).lt(1).default(0.8),
});

export type StudioState = z.output<typeof studioStateSchema>;

/** A state that changes nothing. */
export const EMPTY_STATE: StudioState = { drivers: {}, market: null, confidence: 0.8 };
