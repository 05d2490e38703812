/**
 * Writes numbers as ASCII decimal text into a growing byte buffer, without a string per number:
 * trials.csv holds tens of millions of numbers, and String(x) with its garbage dominated writing it.
 */
const POW10 = Float64Array.from({ length: 10 }, (_, i) => 10 ** i);

export class AsciiBuffer {
  private bytes: Uint8Array;
  private length = 0;
  private readonly digits = new Uint8Array(32);

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
   * `value` rounded to `decimals` places (0..9), trailing zeros dropped: 1.50 -> "1.5", -0.0 -> "0".
   * Writes nothing for a non-finite value (an empty CSV cell). Exact for |value| x 10^decimals < 2^53.
   *
   * @example b.fixed(132162418.3456, 2) // writes 132162418.35
   */
  fixed(value: number, decimals: number): void {
    if (!Number.isFinite(value)) return;
    let n = Math.round(Math.abs(value) * POW10[decimals]!);
    if (n === 0) {
      this.byte(48);
      return;
    }
    if (value < 0) this.byte(45);
    if (n >= 2 ** 53) {
      // Beyond exact integers: the slow path, same rounding.
      this.text(String(Number(Math.abs(value).toFixed(decimals))));
      return;
    }
    // Digits, least significant first, in int32 arithmetic on 9-digit groups (float % is slow).
    const d = this.digits;
    let k = 0;
    let high = Math.floor(n / 1e9);
    let low = (n - high * 1e9) | 0;
    for (;;) {
      if (high === 0) {
        do {
          d[k++] = 48 + (low % 10);
          low = (low / 10) | 0;
        } while (low > 0);
        break;
      }
      for (let i = 0; i < 9; i++) {
        d[k++] = 48 + (low % 10);
        low = (low / 10) | 0;
      }
      low = high % 1e9 | 0;
      high = Math.floor(high / 1e9);
    }
    // Trailing zeros of the fraction are dropped; at least one digit stands before the point.
    let frac = decimals;
    let first = 0;
    while (frac > 0 && d[first] === 48) {
      first++;
      frac--;
    }
    while (k - first <= frac) d[k++] = 48;
    if (this.length + k + 2 > this.bytes.length) this.grow(k + 2);
    for (let i = k - 1; i >= first; i--) {
      this.bytes[this.length++] = d[i]!;
      if (i - first === frac && frac > 0) this.bytes[this.length++] = 46;
    }
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}
