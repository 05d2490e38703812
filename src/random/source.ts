import seedrandom from 'seedrandom';

/**
 * A source of uniform random numbers on [0, 1). Every sampler in arrcast is a factory bound to one
 * of these (the d3-random convention), so the stream a draw comes from is always explicit.
 */
export type RandomSource = () => number;

/** The saved internal state of an Alea stream, for replaying it from a point. */
export interface StreamState {
  readonly c: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}

/** A seeded stream: a RandomSource that can also report its state for replay. */
export interface Stream extends RandomSource {
  state(): StreamState;
}

/**
 * A seeded stream from seedrandom's Alea generator (Johannes Baagøe's Alea: fast, 32 bits per call,
 * period about 2^116). The seed is any string; arrcast derives it from (scenario seed, chunk, tier,
 * driver) so each driver has a stream of its own.
 *
 * @example createStream('7/0/SMB/leads')() // => 0.58... (same value on every machine)
 */
export function createStream(seed: string, state?: StreamState): Stream {
  const prng = seedrandom.alea(seed, state ? { state: { ...state } } : { state: true });
  return prng as unknown as Stream;
}

/**
 * Join the parts that identify a stream into its seed string. A part that holds a user-supplied
 * name must hold it encoded by namePart (name-part.ts), so it holds no `/` and the parts are read back
 * as they were given: no two streams share a seed.
 */
export function streamSeed(...parts: ReadonlyArray<string | number>): string {
  return parts.join('/');
}
