import { nameOfPart, namePart, percentEncode } from '../random/name-part.js';

/**
 * Column keys that embed a user-supplied name. Every key arrcast builds from a tier's or a lead
 * source's name is built here, so keys read like paths (`tier.SMB.revenue`,
 * `driver.SMB.conversion.A`, `tier.SMB.leads.A`) and no two different figures share one:
 * - A tier's name has more parts after it: it is encoded by namePart (`%`, `.`, `/` as `%XX`), so
 *   tier `a.leads`'s revenue is `tier.a%2Eleads.revenue` and tier `a`'s leads from source `revenue`
 *   stay `tier.a.leads.revenue`.
 * - A lead source's name is always the last part, after a fixed word (`leads.`, `deals.`,
 *   `conversion.`, `salesCycle.`), so a `.` or `/` in it is unambiguous and kept (`leads.A/inbound`):
 *   only `%` is encoded, and a source named like one of the tier's own deal figures
 *   (`overCapacity`, `repSourced`) has its first letter encoded.
 * Names without `.`, `/` or `%` (and sources not named like those figures) give the keys they
 * always gave.
 */

/** The key of a tier's figure, e.g. tierKey('SMB', 'revenue') => 'tier.SMB.revenue'. */
export const tierKey = (tier: string, figure: string): string => `tier.${namePart(tier)}.${figure}`;

/** The key of a tier's trial-level driver, e.g. driverKey('SMB', 'conversion.A') => 'driver.SMB.conversion.A'. */
export const driverKey = (tier: string, driver: string): string => `driver.${namePart(tier)}.${driver}`;

/** What a tier keeps per lead source: its conversion driver, its leads and deals, its sales-cycle stream. */
export type SourceFigure = 'conversion' | 'leads' | 'deals' | 'salesCycle';

/** A tier's own deal figures, whose keys a lead source's deals must not take (`deals.overCapacity`). */
const TIER_DEAL_FIGURES: ReadonlySet<string> = new Set(['overCapacity', 'repSourced']);

/**
 * The key of a lead source's figure within its tier (a driver, an extra, a stream name), e.g.
 * sourceKey('leads', 'A/inbound') => 'leads.A/inbound', sourceKey('deals', 'overCapacity') =>
 * 'deals.%6FverCapacity'.
 */
export function sourceKey(figure: SourceFigure, source: string): string {
  const part = percentEncode(source, /%/g);
  if (figure === 'deals' && TIER_DEAL_FIGURES.has(part)) return `deals.${percentEncode(part[0]!, /./g)}${part.slice(1)}`;
  return `${figure}.${part}`;
}

/** The lead source a key of sourceKey(figure, source) names, or undefined for a key of another kind. */
export function sourceOfKey(figure: SourceFigure, key: string): string | undefined {
  return key.startsWith(`${figure}.`) ? nameOfPart(key.slice(figure.length + 1)) : undefined;
}
