/**
 * What this process is writing, as synchronous clean-ups to run on a forced exit (a second
 * Ctrl-C): each removes a temporary file or directory, so that even an impatient user is left no
 * `.arrcast-tmp-*`. A clean-up must never touch a finished output.
 */
const pending = new Set<() => void>();

/** Run `work` with `cleanupSync` registered for a forced exit meanwhile. */
export async function cleanedUpOnExit<T>(cleanupSync: () => void, work: () => Promise<T>): Promise<T> {
  pending.add(cleanupSync);
  try {
    return await work();
  } finally {
    pending.delete(cleanupSync);
  }
}

/** Run every registered clean-up now, synchronously, ignoring their errors: for a forced exit. */
export function cleanUpNow(): void {
  for (const cleanup of [...pending]) {
    try {
      cleanup();
    } catch {
      // Exiting anyway; the next run removes what is stale.
    }
    pending.delete(cleanup);
  }
}

/** Outputs this process has put in place (renamed or linked into their final path), the latest PLACED_KEPT. */
const placed: string[] = [];

/**
 * How many of the latest outputs are kept for the message. A command places one to a few; a program
 * using the library for hours (a service writing a report a request) placed a path per write, held
 * for good: memory that grew without end.
 */
export const PLACED_KEPT = 32;

/**
 * Record that `path`, an output, is now in place: a forced exit after it (a second Ctrl-C while the
 * previous output is removed, or while the run prints its last lines) must not say that nothing was
 * written.
 */
export function outputPlaced(path: string): void {
  placed.push(path);
  if (placed.length > PLACED_KEPT) {
    placedLeftOff += placed.length - PLACED_KEPT;
    placed.splice(0, placed.length - PLACED_KEPT);
  }
}

/** How many outputs placed before the latest PLACED_KEPT are no longer named. */
let placedLeftOff = 0;

/** The latest outputs this process has put in place (at most PLACED_KEPT), in order. */
export function placedOutputs(): readonly string[] {
  return placed;
}

/** How many outputs this process placed before those placedOutputs names (0 until it has placed more than PLACED_KEPT). */
export function placedEarlier(): number {
  return placedLeftOff;
}
