import { writtenBeta, type WrittenBeta } from './written-beta.js';

/** A contraction or expansion size written when the probability is written for it: a judgement, not fitted. */
export const BOOK_SIZE = 0.25;

/** A fitted share of ARR renewed as the scenario writes it: the model's probability and size. */
export interface WrittenBookShare {
  /** The size written: BOOK_SIZE, or larger so that the probability stays at most 0.5 (at most 1 for contraction). */
  readonly size: number;
  /** What the probability is multiplied by to book the share: size, times (1 − the contraction probability) for expansion. */
  readonly scale: number;
  /** The probability written: share / scale, with this year's sd / scale (writtenBeta). */
  readonly probability: WrittenBeta;
}

/**
 * Contraction or expansion from its share of ARR renewed (book-share.ts), as the model's
 * probability × size: monthly totals identify the share, not the split, so the size is a stated
 * judgement (BOOK_SIZE, or twice the share over the room left when that is larger, so the
 * probability stays at most 0.5) and the probability carries the share and its year-level layer.
 * Expansion goes to customers that renew and do not contract, so its probability is
 * share / ((1 − the contraction probability written) × size).
 *
 * @example writtenBookShare('contraction', 0.02, 0.005, 0) // => { size: 0.25, scale: 0.25, probability: { mean: 0.08, sd: 0.02 } }
 * Complexity: O(1).
 */
export function writtenBookShare(kind: 'contraction' | 'expansion', share: number, yearSd: number, contracting: number): WrittenBookShare {
  const room = kind === 'expansion' ? 1 - contracting : 1;
  const size = Number(Math.min(kind === 'contraction' ? 1 : Infinity, Math.max(BOOK_SIZE, (2 * share) / room)).toPrecision(3));
  const scale = room * size;
  return { size, scale, probability: writtenBeta(share / scale, yearSd / scale) };
}
