/**
 * toEqual and its kin on two typed arrays (a Float64Array column, a Buffer of one), as vitest
 * decides it, in one loop: the same constructor, the same length, each element the same by
 * Object.is (so 0 and -0 differ and NaN equals NaN), and no other own enumerable key. vitest's
 * generic path iterates the elements through its recursive `equals` and then compares
 * Object.entries of both, an array of [index, value] pairs, element by element again: a few
 * microseconds an element, about half a second for one 131,072-byte Buffer. The answer is the
 * same (test/setup/typed-array-equality.test.ts checks it against vitest's own on every kind of
 * difference); an array with an own key besides its elements is left to vitest (undefined).
 * A failing comparison is reported by vitest as before (its diff).
 */
export function typedArrayEquality(a: unknown, b: unknown): boolean | undefined {
  if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a instanceof DataView || b instanceof DataView) return undefined;
  const x = a as unknown as ArrayLike<unknown>;
  const y = b as unknown as ArrayLike<unknown>;
  if (Object.keys(x).length !== x.length || Object.keys(y).length !== y.length) return undefined;
  if (a.constructor !== b.constructor || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  return true;
}
