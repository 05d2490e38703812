import { describe, expect, it } from 'vitest';
import { equals, iterableEquality } from '@vitest/expect';
import { typedArrayEquality } from './typed-array-equality.js';

/** vitest's own answer for toEqual, without the tester: what the tester must agree with. */
const vitestEquals = (a: unknown, b: unknown) => equals(a, b, [iterableEquality]);

const withKey = (a: Float64Array, key: string, value: unknown) => Object.assign(a, { [key]: value });

describe('typedArrayEquality gives toEqual the answer vitest gives', () => {
  const cases: Array<[string, () => [unknown, unknown]]> = [
    ['equal Float64Arrays', () => [Float64Array.of(1, 2.5, -3), Float64Array.of(1, 2.5, -3)]],
    ['one element differs', () => [Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3.0000001)]],
    ['the last element differs', () => [new Float64Array(1000).fill(7), Float64Array.from({ length: 1000 }, (_, i) => (i === 999 ? 8 : 7))]],
    ['0 and -0', () => [Float64Array.of(0), Float64Array.of(-0)]],
    ['NaN and NaN', () => [Float64Array.of(Number.NaN), Float64Array.of(Number.NaN)]],
    ['lengths differ', () => [Float64Array.of(1, 2), Float64Array.of(1, 2, 3)]],
    ['empty', () => [new Float32Array(0), new Float32Array(0)]],
    ['Float64Array and Float32Array of the same values', () => [Float64Array.of(1, 2), Float32Array.of(1, 2)]],
    ['Buffer and Uint8Array of the same bytes', () => [Buffer.from([1, 2, 3]), Uint8Array.of(1, 2, 3)]],
    ['equal Buffers', () => [Buffer.from('arrcast'), Buffer.from('arrcast')]],
    ['Buffers of one byte apart', () => [Buffer.from('arrcast'), Buffer.from('arrcasu')]],
    ['views of different offsets, equal elements', () => [new Uint8Array(Uint8Array.of(9, 1, 2).buffer, 1), Uint8Array.of(1, 2)]],
    ['BigInt64Arrays', () => [BigInt64Array.of(1n, 2n), BigInt64Array.of(1n, 2n)]],
    ['BigInt64Arrays apart', () => [BigInt64Array.of(1n, 2n), BigInt64Array.of(1n, 3n)]],
    ['an extra own key on one', () => [withKey(Float64Array.of(1), 'label', 'x'), Float64Array.of(1)]],
    ['the same extra own key on both', () => [withKey(Float64Array.of(1), 'label', 'x'), withKey(Float64Array.of(1), 'label', 'x')]],
    ['a typed array and a plain array', () => [Float64Array.of(1, 2), [1, 2]]],
  ];

  it.each(cases)('%s', (_, make) => {
    const [a, b] = make();
    const expected = vitestEquals(a, b);
    const answer = typedArrayEquality(a, b);
    // undefined: left to vitest, which then answers as it always did.
    if (answer !== undefined) expect(answer).toBe(expected);
    // And toEqual, with the tester registered (test/setup/equality-testers.ts), agrees too.
    expect(equals(a, b, [typedArrayEquality, iterableEquality])).toBe(expected);
  });

  it('answers every case with elements only (undefined where vitest must look at other keys)', () => {
    const answered = cases.filter(([, make]) => typedArrayEquality(...make()) !== undefined).map(([name]) => name);
    expect(answered).not.toContain('an extra own key on one');
    expect(answered).not.toContain('the same extra own key on both');
    expect(answered).not.toContain('a typed array and a plain array');
    expect(answered).toHaveLength(cases.length - 3);
  });

  it('is registered: toEqual of two columns one element apart fails, naming neither as equal', () => {
    const a = new Float64Array(100_000).fill(1);
    const b = a.slice();
    expect(a).toEqual(b);
    b[54_321] = -0;
    expect(() => expect(a).toEqual(b)).toThrow(/deeply equal/);
  });
});
