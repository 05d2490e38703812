import type { Accepted } from './percent-hint.js';

/**
 * The renewal rates a "did you mean" may offer: from 50% (below it the renewal-low warning fires,
 * analysis/plausibility.ts) to 100%. `renewalRate: 1.2` is not "0.012 (1.2%)": a book losing 98.8%
 * of its customers at renewal is no one's plan, so nothing is offered and the rate's bound is said.
 */
export const PLAUSIBLE_RENEWAL: Accepted = { min: 0.5, max: 1 };

/**
 * What to say of a renewal rate above 1 when no percent reading is plausible: its bound, and how a
 * planner's figure is written. Empty for anything else.
 *
 * @example renewalAtMost(1.2) // => '; a renewal rate is at most 1 (100%: every customer due renews), as in 0.92 or 92%'
 */
export function renewalAtMost(value: unknown): string {
  return typeof value === 'number' && value > 1 ? '; a renewal rate is at most 1 (100%: every customer due renews), as in 0.92 or 92%' : '';
}
