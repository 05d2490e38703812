import { z } from 'zod';
import { argumentError, type ArgumentRefusal } from '../scenario/argument-error.js';

/**
 * A function's parameters in order, each with its name, the schema of what it takes and, as a third
 * element 'range', that every refusal of it is a RangeError (its function refused it so, whole).
 */
export type Parameters = ReadonlyArray<readonly [name: string, schema: z.ZodType, refused?: 'range']>;

/** 'rejects' for a function that returns a Promise: its refusals must be rejections too (the compiler asks for it). */
type HowRefused<F extends (...args: never[]) => unknown> = ReturnType<F> extends PromiseLike<unknown> ? [how: 'rejects'] : [];

/**
 * `impl` with its arguments checked against `params` before it runs: a wrong one is an ArgumentError
 * (its type) or an ArgumentRangeError (its value) naming the function, the parameter and the field
 * inside it, thrown, or for a function that returns a Promise a rejected promise, as its other
 * refusals are. Arguments past the parameters are not looked at (`dirs.map(readReportHeader)` passes
 * an index and the array). The wrapper keeps impl's name and length. The checks are the library's
 * edge only (src/index.ts): arrcast's own calls, on values it made, do not pay for them.
 */
export function checked<F extends (...args: never[]) => unknown>(fn: string, impl: F, params: Parameters, ...how: HowRefused<F>): F {
  const schema = z.object(Object.fromEntries(params.map(([name, s]) => [name, s])));
  const names = params.map(([name]) => name);
  const rangeArgs = new Set(params.filter(([, , refused]) => refused === 'range').map(([name]) => name));
  const problem = (args: readonly unknown[]): ArgumentRefusal | undefined => {
    const named = Object.fromEntries(names.map((name, i) => [name, args[i]]));
    const result = schema.safeParse(named);
    return result.success ? undefined : argumentError(fn, result.error, named, rangeArgs);
  };
  const rejects = how[0] === 'rejects';
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    const refused = problem(args);
    if (refused) {
      if (rejects) return Promise.reject(refused);
      throw refused;
    }
    return (impl as unknown as (...a: unknown[]) => unknown).apply(this, args);
  };
  Object.defineProperty(wrapper, 'name', { value: impl.name });
  Object.defineProperty(wrapper, 'length', { value: impl.length });
  return wrapper as unknown as F;
}
