import { z } from 'zod';
import { MAX_FILE_TARGETS } from '../scenario/targets-schema.js';

/** Largest request body the studio reads: a page state is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const finite = z.number().finite();

/**
 * A page state: what the planner moved, by control id, never by scenario path, so a request can
 * name neither a file nor a field the page does not show. Absent = as the file.
 */
export const studioStateSchema = z.strictObject({
  drivers: z
    .record(
      z.string().max(200),
      z.strictObject({ central: finite.optional(), spread: finite.positive().max(10).optional() }),
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
