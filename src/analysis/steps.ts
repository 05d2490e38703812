/**
 * A computation written as a generator that pauses (`yield`) between its steps, so that a caller on
 * a thread with other work (a run's main thread, answering its workers) can spread it over several
 * turns, while other callers take the result at once. Pausing changes nothing computed: the steps run
 * in the same order either way.
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * Run every step now and return the result.
 *
 * @example finishSteps((function* () { yield; return 2; })()) // => 2
 * Complexity: O(steps), plus the steps' own work.
 */
export function finishSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
