/**
 * What this process meant to remove and could not: its own temporary copies (a previous output
 * moved aside to be replaced, one a killed run left) that the file system kept (a file made
 * immutable, a folder of another user's, a file held busy on a network share). The output is whole
 * all the same, so the command succeeds; but a hidden `.arrcast-tmp-*` folder holding a whole
 * report must not stay beside --out without a word: the CLI names each at its end (main.ts).
 */
export interface LeftBehind {
  /** The folder or file left, as a path the user can remove. */
  readonly path: string;
  /** What it is, in words: "the previous output r/, moved aside to be replaced". */
  readonly what: string;
  /** Why: the system's words and code, and the path it stopped at when that is inside `path`. */
  readonly reason: string;
}

const left: LeftBehind[] = [];

/**
 * How many are kept for the message: a command leaves one or two; a program using the library for
 * hours must not hold a path a write for good.
 */
export const LEFT_BEHIND_KEPT = 32;

/** Record that `path` could not be removed, and why (the first reason, when it is already recorded). */
export function leftBehind(path: string, what: string, reason: string): void {
  // Named once: a failed write's clean-up and the sweep after it may both meet the same folder.
  if (left.some((l) => l.path === path)) return;
  left.push({ path, what, reason });
  if (left.length > LEFT_BEHIND_KEPT) left.splice(0, left.length - LEFT_BEHIND_KEPT);
}

/** The latest paths this process could not remove (at most LEFT_BEHIND_KEPT), in order; taking them empties the list. */
export function takeLeftBehind(): LeftBehind[] {
  return left.splice(0, left.length);
}
