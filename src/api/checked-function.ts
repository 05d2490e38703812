import { z } from 'zod';
import { ArgumentError, argumentError } from '../scenario/argument-error.js';

/** A function's parameters in order, each with its name and the schema of what it takes. */
export type Parameters = ReadonlyArray<readonly [name: string, schema: z.ZodType]>;

/**
 * `impl` with its arguments checked against `params` before it runs: a wrong one is an
 * ArgumentError naming the function, the parameter and the field inside it (thrown, or for an async
 * function a rejected promise, as its other refusals are). One more argument than it takes is
 * refused too: `values.map(describe)` passed the index as describe's scratch array. The checks are
 * the library's edge only (src/index.ts): arrcast's own calls, on values it made, do not pay for them.
 */
export function checked<F extends (...args: never[]) => unknown>(fn: string, impl: F, params: Parameters): F {
  const schema = z.object(Object.fromEntries(params));
  const names = params.map(([name]) => name);
  const problem = (args: readonly unknown[]): ArgumentError | undefined => {
    if (args.length > params.length)
      return new ArgumentError(fn, ['arguments'], `at most ${params.length} (${names.join(', ')})`, `${args.length} arguments`);
    const named = Object.fromEntries(names.map((name, i) => [name, args[i]]));
    const result = schema.safeParse(named);
    return result.success ? undefined : argumentError(fn, result.error, named);
  };
  const isAsync = impl.constructor.name === 'AsyncFunction';
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    const refused = problem(args);
    if (refused) {
      if (isAsync) return Promise.reject(refused);
      throw refused;
    }
    return (impl as unknown as (...a: unknown[]) => unknown).apply(this, args);
  };
  Object.defineProperty(wrapper, 'name', { value: impl.name });
  return wrapper as unknown as F;
}
