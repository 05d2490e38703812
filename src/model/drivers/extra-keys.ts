import { columnKey } from './column-keys.js';
import { sourceKey, sourceOfKey } from '../column-key.js';

/**
 * Keys of a tier's per-trial figures beyond the metrics (its "extras", column `tier.<name>.<key>`):
 * realised leads and deals by source, the sales floor, the opening pipeline. Written once here for
 * the plan, the simulator and the report.
 */
export const EXTRA_KEYS = {
  /** Leads of one grade/channel in the year. */
  sourceLeads: (source: string) => sourceKey('leads', source),
  /** Deals of one grade/channel in the year. */
  sourceDeals: (source: string) => sourceKey('deals', source),
  earlierLeadsDeals: 'earlierLeads.deals',
  pipelineWon: 'pipeline.won',
  pipelineBookings: 'pipeline.bookings',
  /** Ramped-rep equivalents in fiscal month m (1-12). */
  ramped: (month: number) => columnKey('reps', 'ramped', String(month)),
  capacityDeals: 'reps.capacity.deals',
  headcount: 'reps.headcount',
  overCapacity: 'deals.overCapacity',
  repSourced: 'deals.repSourced',
  newTcv: 'newTcv',
} as const;

/**
 * The source a `leads.<source>` extra key belongs to, or undefined for any other key.
 *
 * @example sourceOfLeadsKey('leads.A/inbound') // => 'A/inbound'
 * Complexity: O(key length).
 */
export function sourceOfLeadsKey(key: string): string | undefined {
  const source = sourceOfKey('leads', key);
  return source === undefined || source === '' ? undefined : source;
}
