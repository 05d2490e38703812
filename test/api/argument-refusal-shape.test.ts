import { expect, it } from 'vitest';
import { ArgumentError, ArgumentRangeError } from '../../src/index.js';

/**
 * The two refusals are one shape on two bases (argument-error.ts: both implement
 * ArgumentRefusalFields): the same fields and message from the same arguments, each an instance of
 * its own base (TypeError, RangeError) only.
 */
it('ArgumentError and ArgumentRangeError: one shape, each on its own base', () => {
  const args = ['pinballLoss', ['tau'], 'a share between 0 and 1 (exclusive); did you mean 0.8?', '80'] as const;
  const type = new ArgumentError(...args);
  const range = new ArgumentRangeError(...args);
  const expected = 'pinballLoss: tau must be a share between 0 and 1 (exclusive) (got 80); did you mean 0.8?';
  for (const [err, Own, Base, Other] of [
    [type, ArgumentError, TypeError, RangeError],
    [range, ArgumentRangeError, RangeError, TypeError],
  ] as const) {
    expect(err).toBeInstanceOf(Own);
    expect(err).toBeInstanceOf(Base);
    expect(err).not.toBeInstanceOf(Other);
    expect({ fn: err.fn, path: err.path, expected: err.expected, received: err.received, message: err.message }).toEqual({ fn: args[0], path: args[1], expected: args[2], received: args[3], message: expected });
    expect(err.name).toBe(Own.name);
    expect(String(err)).toBe(`${Own.name}: ${expected}`);
  }
  expect(type).not.toBeInstanceOf(ArgumentRangeError);
  expect(range).not.toBeInstanceOf(ArgumentError);
  expect(Object.keys(type).sort()).toEqual(Object.keys(range).sort());
});

it('each is declared on its base, its name a literal (the published types say so)', () => {
  // Made by a function (a class expression), each extended an anonymous class between it and its base,
  // and the .d.ts typed that base as TypeError for both and each name as string.
  expect(Object.getPrototypeOf(ArgumentError)).toBe(TypeError);
  expect(Object.getPrototypeOf(ArgumentRangeError)).toBe(RangeError);
  // Checked by tsc (tsconfig.json includes test/): a name widened to string does not compile here.
  const names: readonly ['ArgumentError', 'ArgumentRangeError'] = [new ArgumentError('f', ['x'], 'a number', '').name, new ArgumentRangeError('f', ['x'], 'a number', '').name];
  expect(names).toEqual(['ArgumentError', 'ArgumentRangeError']);
});
