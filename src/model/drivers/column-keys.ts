/**
 * Keys of the per-trial columns that carry drivers, built in one place so that a change in how
 * names are written into keys (escaping a '.', '/' or '%' in a tier or source name) is one edit.
 * A tier's name is one part among others, so it is encoded by namePart ('%', '.', '/' as %XX); a
 * name without them keeps its key (see ../column-key.ts).
 */
import { namePart } from '../../random/name-part.js';

/** Join the parts of a column key: columnKey('driver', 'SMB', 'conversion') // => 'driver.SMB.conversion'. */
export const columnKey = (...parts: readonly string[]): string => parts.join('.');

/** The value a driver took in the trial, after the market shift and stress. */
export const shiftedColumnKey = (tier: string, driver: string): string => columnKey('driver', namePart(tier), driver);

/** The driver's own year-level draw, before the market shift and stress. */
export const ownColumnKey = (tier: string, driver: string): string => columnKey('own', namePart(tier), driver);

/** The market factor z of the trial. */
export const MARKET_COLUMN = columnKey('driver', 'market');
