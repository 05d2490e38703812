import type { z } from 'zod';
import { displayText } from './display-text.js';
import { formatPath } from './scenario-error.js';
import { valueKind } from './option-keys.js';

/**
 * An argument of a library function refused before anything ran (piscina's habit: options checked up
 * front; zod's: the error as data). Its fields say where and what: `fn` the function, `path` the
 * argument and the field inside it (`['options', 'marks', 'target']`), `expected` what it must be,
 * `received` what it was. A TypeError, so a caller that caught JavaScript's own TypeErrors still
 * catches it; the CLI exits with code 2 on it (cli/exit-codes.ts).
 *
 * @example new ArgumentError('describe', ['values'], 'a list of numbers', 'a string').message // 'describe: values must be a list of numbers (got a string)'
 */
export class ArgumentError extends TypeError {
  override readonly name = 'ArgumentError';
  constructor(
    readonly fn: string,
    readonly path: ReadonlyArray<string | number>,
    readonly expected: string,
    readonly received: string,
  ) {
    // A hint after the rule ('...; did you mean 0.8?') follows what was given, so it reads in order.
    const [rule, hint] = expected.split('; did you mean ');
    const got = received ? ` (got ${displayText(received)})` : '';
    super(`${fn}: ${formatPath(path)} ${rule!.startsWith('is ') ? rule : `must be ${rule}`}${got}${hint ? `; did you mean ${hint}` : ''}`);
  }
}

/** What a value is, for a refusal: a number as itself (NaN, -1, 1e300), a short string quoted, else its kind. */
export function receivedText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a string';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (value instanceof Map) return 'a Map';
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return `a ${(value as object).constructor?.name ?? 'object'}`;
  const kind = valueKind(value);
  return kind === 'object' ? 'an object' : kind;
}

/**
 * The first problem zod found with `args` (checked against `schema`, an object of the arguments by
 * name), as an ArgumentError of `fn`; undefined when there is none. The one path from a zod error to
 * the project's error: each schema's own `error` text says what is expected.
 */
export function argumentError(fn: string, error: z.ZodError, args: Readonly<Record<string, unknown>>): ArgumentError {
  const issue = error.issues[0]!;
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return new ArgumentError(fn, [...path, key], `is not a field ${path.length ? `of ${formatPath(path)}` : 'it takes'}${issue.message && !issue.message.startsWith('Unrecognized') ? `; ${issue.message}` : ''}`, '');
  }
  const at = path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), args);
  return new ArgumentError(fn, path, issue.message, receivedText(at));
}
