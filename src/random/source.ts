import seedrandom from 'seedrandom';

/**
 * A source of uniform random numbers on [0, 1). Every sampler in arrcast is a factory bound to one
 * of these (the d3-random convention), so the stream a draw comes from is always explicit. Any
 * function returning uniforms works (tests pass fixed sequences); a seeded `Stream` is also an
 * object with `next`, `nextUint32` and `fill`, which the hot loops call directly.
 */
export type RandomSource = () => number;

/**
 * A uniform source read as an object (ARCHITECTURE-NOTES seam 2): one method call per draw at
 * most, or one `fill` for a whole block of draws.
 */
export interface UniformSource {
  /** The next uniform: k x 2^-32 with k the next 32-bit output, so in [0, 1) on a grid of 2^-32. */
  next(): number;
  /** The next 32-bit output as an unsigned integer in [0, 2^32): the same draw `next` would give, times 2^32. */
  nextUint32(): number;
  /** Fill `out` with the next out.length uniforms, exactly as that many `next()` calls would; returns out. */
  fill(out: Float64Array): Float64Array;
  /** Fill out[0..n) with the next n 32-bit outputs, exactly as n `nextUint32()` calls would. */
  fillUint32(out: Uint32Array, n: number): void;
}

/**
 * The saved state of a stream, for replaying it from a point: the sfc32 words (a, b, c and the
 * counter d) at the start of the current block, and how many of the block's outputs were read.
 */
export interface StreamState {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly read: number;
}

/** A seeded stream: a RandomSource (call it for the next uniform) that is also a UniformSource and reports its state. */
export interface Stream extends RandomSource, UniformSource {
  state(): StreamState;
  /**
   * Start this stream again as `createStream(seed)` would: every draw from here on is that stream's. A
   * sampler bound to this stream then draws what the same sampler bound to a fresh stream of `seed`
   * would (samplers keep no draw of their own between calls), so a simulator can be keyed for one
   * chunk after another instead of being made again for each (model/simulate-chunk.ts).
   */
  rekey(seed: string): void;
}

/**
 * The id of a run's random numbers: the generator (sfc32), how its streams are keyed (from the seed
 * strings through seedrandom's Alea) and the version of the way draws are made from them. It
 * changes whenever the same scenario and seed would give other numbers. `summary.json` and every
 * part file carry it, and parts of different generators are never merged (engine/merge.ts).
 */
export const GENERATOR_ID = 'sfc32-alea-v3';
// v3: a month's deals and new customers' expansions drawn only where they land in the fiscal year (thinning,
//     model/window-splitter.ts): the same distributions of every output, from other uniforms.
// v2: sums of lognormal deals and beta shares drawn from aggregate tables by the rule of model/distribution-sampler.ts.
// v1: the same streams with every lognormal deal drawn one by one (only on the development branch).

/** What parts written before generator ids (seedrandom's Alea streams, before December 2026) are taken to carry. */
export const LEGACY_GENERATOR_ID = 'alea (before generator ids)';

/** Outputs generated per block. Changing it changes no draw (a block is only a buffer). */
const BLOCK = 256;
/** Outputs discarded after keying, as PractRand's sfc32 seeding does (12 rounds), so related keys diverge. */
const WARM_UP = 12;
const TWO_NEG_32 = 2.3283064365386963e-10;

/**
 * sfc32 ("small fast chaotic", Chris Doty-Humphrey, PractRand): 128 bits of state, one of them a
 * 32-bit counter, so every cycle is at least 2^32 long (the expected period is about 2^127).
 * Writes `n` outputs into `out` from `start` and advances `s` (Int32Array [a, b, c, d]).
 * Plain 32-bit integer arithmetic (additions, shifts, xor): nothing is allocated.
 */
function sfc32Block(s: Int32Array, out: Uint32Array, start: number, n: number): void {
  let a = s[0]!;
  let b = s[1]!;
  let c = s[2]!;
  let d = s[3]!;
  for (let i = start; i < start + n; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    out[i] = t;
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
}

/**
 * sfc32Block's outputs as uniforms, written straight into `out` (k x 2^-32 for output k): the same
 * numbers a block would give, without the block. The generator step is sfc32Block's, repeated so that
 * the fill converts in the same loop (a shared step through a callback would cost a call an output);
 * test/random/stream.test.ts checks that fill and next() read the same sequence.
 */
function sfc32Uniforms(s: Int32Array, out: Float64Array, start: number, n: number): void {
  let a = s[0]!;
  let b = s[1]!;
  let c = s[2]!;
  let d = s[3]!;
  for (let i = start; i < start + n; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    out[i] = (t >>> 0) * TWO_NEG_32;
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
}

/**
 * The 128-bit sfc32 key of a seed string: the first four 32-bit outputs of seedrandom's Alea seeded
 * with the string (Alea's Mash hash spreads any string over its state), so streams keep the seed
 * strings they always had, and neighbouring strings ('7/0/SMB/leads', '7/1/SMB/leads') get
 * unrelated keys. Then WARM_UP outputs are discarded.
 */
function keyState(seed: string): Int32Array {
  const alea = seedrandom.alea(seed);
  const s = Int32Array.of(alea.int32(), alea.int32(), alea.int32(), alea.int32());
  sfc32Block(s, new Uint32Array(WARM_UP), 0, WARM_UP);
  return s;
}

/**
 * A seeded stream: sfc32 (see `sfc32Block`) keyed from the seed string through seedrandom's Alea,
 * producing its outputs in blocks of 256 into a typed array that each draw reads one entry of.
 * Uniforms are 32-bit: k x 2^-32, k uniform on 0..2^32-1 (so 1 - U is never 0). The seed is any
 * string; arrcast derives it from (scenario seed, chunk, tier, driver) with `streamSeed`, so each
 * driver has a stream of its own.
 *
 * Statistical quality: its literature reports sfc32 passing TestU01's BigCrush and PractRand's
 * standard battery (PractRand's own documentation, which lists it among its recommended small
 * generators); not re-run here. Stream independence and uniformity are tested in
 * test/random/stream.test.ts. See the README, "Reproducibility".
 *
 * @example createStream('7/0/SMB/leads')() // => a uniform in [0, 1) (the same on every machine)
 * @remarks O(1) a draw (one array read; every 256th draw fills the next block, about 1 ns an output).
 */
export function createStream(seed: string, state?: StreamState): Stream {
  const s = state ? Int32Array.of(state.a, state.b, state.c, state.d) : keyState(seed);
  // `start` holds the words at the start of the current block, for `state()`.
  const start = new Int32Array(4);
  const block = new Uint32Array(BLOCK);
  let pos = BLOCK;
  const refill = (): void => {
    start.set(s);
    sfc32Block(s, block, 0, BLOCK);
    pos = 0;
  };
  if (state) {
    refill();
    pos = state.read;
  }
  const stream = function next(): number {
    if (pos === BLOCK) refill();
    return block[pos++]! * TWO_NEG_32;
  } as Stream;
  stream.next = stream;
  stream.nextUint32 = (): number => {
    if (pos === BLOCK) refill();
    return block[pos++]!;
  };
  stream.fill = (out: Float64Array): Float64Array => {
    let i = 0;
    const n = out.length;
    // What is left of the current block, then whole blocks generated straight into `out` (the same
    // outputs, in the same order, block boundaries kept: state() still holds), then the rest.
    if (pos < BLOCK) {
      const take = Math.min(n, BLOCK - pos);
      for (let j = 0; j < take; j++) out[j] = block[pos + j]! * TWO_NEG_32;
      pos += take;
      i = take;
    }
    const whole = Math.floor((n - i) / BLOCK) * BLOCK;
    if (whole > 0) {
      sfc32Uniforms(s, out, i, whole);
      i += whole;
    }
    while (i < n) {
      if (pos === BLOCK) refill();
      const take = Math.min(n - i, BLOCK - pos);
      for (let j = 0; j < take; j++) out[i + j] = block[pos + j]! * TWO_NEG_32;
      pos += take;
      i += take;
    }
    return out;
  };
  stream.fillUint32 = (out: Uint32Array, n: number): void => {
    let i = 0;
    while (i < n) {
      if (pos === BLOCK) refill();
      const take = Math.min(n - i, BLOCK - pos);
      // A plain copy: block.subarray would allocate a view on every call (one per month's sum).
      for (let j = 0; j < take; j++) out[i + j] = block[pos + j]!;
      pos += take;
      i += take;
    }
  };
  stream.rekey = (seed: string): void => {
    s.set(keyState(seed));
    pos = BLOCK;
  };
  stream.state = (): StreamState => {
    // Before the first block is generated the state is the keyed words with nothing read.
    if (pos === BLOCK) return { a: s[0]!, b: s[1]!, c: s[2]!, d: s[3]!, read: 0 };
    return { a: start[0]!, b: start[1]!, c: start[2]!, d: start[3]!, read: pos };
  };
  return stream;
}

/**
 * Join the parts that identify a stream into its seed string. A part that holds a user-supplied
 * name must hold it encoded by namePart (name-part.ts), so it holds no `/` and the parts are read back
 * as they were given: no two streams share a seed.
 */
export function streamSeed(...parts: ReadonlyArray<string | number>): string {
  return parts.join('/');
}

/**
 * The block reader of a source: its own `fillUint32` when it is a seeded stream, else n calls of
 * `uint32Reader(source)`.
 */
export function uint32Filler(source: RandomSource): (out: Uint32Array, n: number) => void {
  const own = (source as Partial<UniformSource>).fillUint32;
  if (typeof own === 'function') return own;
  const read = uint32Reader(source);
  return (out, n) => {
    for (let i = 0; i < n; i++) out[i] = read();
  };
}

/**
 * The 32-bit integer reader of a source: its own `nextUint32` when it is a seeded stream, else
 * floor(source() x 2^32) (exact for a source on the 2^-32 grid; a finer source is truncated to it).
 */
export function uint32Reader(source: RandomSource): () => number {
  const own = (source as Partial<UniformSource>).nextUint32;
  if (typeof own === 'function') return own;
  return () => Math.floor(source() * 4294967296);
}
