import { toFixedDecimal } from '../math/decimal-round.js';

/**
 * Writes numbers as ASCII decimal text into a growing byte buffer, without a string per number:
 * trials.csv holds tens of millions of numbers, and String(x) with its garbage dominated writing it.
 */
const POW10 = Float64Array.from({ length: 10 }, (_, i) => 10 ** i);

/** "00" to "99" as ASCII byte pairs: two digits written a division. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10));

/** Decimal digits of a whole number 0 <= x < 2^31 (1 for 0). */
function digitCount(x: number): number {
  if (x < 1e4) return x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : 4;
  if (x < 1e8) return x < 1e5 ? 5 : x < 1e6 ? 6 : x < 1e7 ? 7 : 8;
  return x < 1e9 ? 9 : 10;
}

export class AsciiBuffer {
  private bytes: Uint8Array;
  private length = 0;

  constructor(capacity = 1 << 20) {
    this.bytes = new Uint8Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  /** The bytes written so far (a view; copy or write it out before `clear`). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }

  byte(b: number): void {
    if (this.length === this.bytes.length) this.grow(1);
    this.bytes[this.length++] = b;
  }

  /** ASCII text only (digits, signs, exponents); other text goes through Buffer.from(s, 'utf8'). */
  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i));
  }

  /**
   * `value` rounded to `decimals` places (0..9), halves of the decimal away from zero (1.005 -> "1.01"),
   * trailing zeros dropped: 1.50 -> "1.5", -0.0 -> "0".
   * Writes nothing for a non-finite value (an empty CSV cell). Exact for |value| x 10^decimals < 2^53.
   *
   * @example b.fixed(132162418.3456, 2) // writes 132162418.35
   */
  fixed(value: number, decimals: number): void {
    if (!Number.isFinite(value)) return;
    const scaled = Math.abs(value) * POW10[decimals]!;
    let n = Math.round(scaled);
    // A half in the decimal view that the double holds just below (1.005 x 100 is 100.49999999999999)
    // goes away from zero, as toFixedDecimal and a spreadsheet round it; the first test keeps the
    // 15-digit reading off the common path.
    if (scaled - n > 0.49 && Number(scaled.toPrecision(15)) - n === 0.5) n++;
    if (n === 0) {
      this.byte(48);
      return;
    }
    if (n >= 2 ** 53) {
      // Beyond exact integers: the slow path, same rounding.
      if (value < 0) this.byte(45);
      this.text(String(Number(toFixedDecimal(Math.abs(value), decimals))));
      return;
    }
    // n as two int32 groups: high (below 2^53 / 1e9, 7 digits) and low (the last 9 digits, which hold
    // every decimal: at most 9). Trailing zeros of the fraction are dropped from low.
    let high = Math.floor(n / 1e9);
    let low = (n - high * 1e9) | 0;
    let frac = decimals;
    let lowWidth = 9;
    while (frac > 0 && low % 10 === 0) {
      low = (low / 10) | 0;
      frac--;
      lowWidth--;
    }
    // Digits before the point: high's and the rest of low (zero-padded) when high is not zero, else
    // low's, at least one.
    let whole: number;
    if (high > 0) whole = digitCount(high) + lowWidth - frac;
    else {
      whole = digitCount(low) - frac;
      if (whole < 1) whole = 1;
    }
    const size = (value < 0 ? 1 : 0) + whole + frac + (frac > 0 ? 1 : 0);
    if (this.length + size > this.bytes.length) this.grow(size);
    const bytes = this.bytes;
    if (value < 0) bytes[this.length] = 45;
    // Written from the last digit back.
    let at = this.length + size;
    this.length = at;
    for (let i = 0; i < frac; i++) {
      const q = (low / 10) | 0;
      bytes[--at] = 48 + low - q * 10;
      low = q;
    }
    if (frac > 0) bytes[--at] = 46;
    if (high > 0) {
      let i = frac;
      for (; i + 1 < lowWidth; i += 2) {
        const q = (low / 100) | 0;
        const pair = 2 * (low - q * 100);
        bytes[--at] = PAIRS[pair + 1]!;
        bytes[--at] = PAIRS[pair]!;
        low = q;
      }
      if (i < lowWidth) {
        const q = (low / 10) | 0;
        bytes[--at] = 48 + low - q * 10;
      }
      low = high;
    }
    while (low >= 100) {
      const q = (low / 100) | 0;
      const pair = 2 * (low - q * 100);
      bytes[--at] = PAIRS[pair + 1]!;
      bytes[--at] = PAIRS[pair]!;
      low = q;
    }
    if (low >= 10) {
      bytes[--at] = PAIRS[2 * low + 1]!;
      bytes[--at] = PAIRS[2 * low]!;
    } else bytes[--at] = 48 + low;
    // Leading zeros of a fraction below 1 (0.05): the places between the point and its first digit.
    const first = value < 0 ? this.length - size + 1 : this.length - size;
    while (at > first) bytes[--at] = 48;
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}
