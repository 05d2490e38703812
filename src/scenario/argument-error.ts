import type { z } from 'zod';
import { displayText } from './display-text.js';
import { formatPath } from './scenario-error.js';
import { valueKind } from './option-keys.js';

/** The message of a refused argument: `fn: path must be expected (got received)`, a hint after what was given. */
function argumentMessage(fn: string, path: ReadonlyArray<string | number>, expected: string, received: string): string {
  // A hint after the rule ('...; did you mean 0.8?') follows what was given, so it reads in order.
  const [rule, hint] = expected.split('; did you mean ');
  const got = received ? ` (got ${displayText(received)})` : '';
  return `${fn}: ${formatPath(path)} ${rule!.startsWith('is ') ? rule : `must be ${rule}`}${got}${hint ? `; did you mean ${hint}` : ''}`;
}

/** What a refused argument carries, as data: see ArgumentError. */
export interface ArgumentRefusalFields {
  /** The function refused, e.g. 'describe'. */
  readonly fn: string;
  /** The argument and the field inside it, e.g. `['options', 'marks', 'target']`. */
  readonly path: ReadonlyArray<string | number>;
  /** What it must be. */
  readonly expected: string;
  /** What it was ('' when the message says it). */
  readonly received: string;
}

/**
 * An argument of a library function refused before anything ran (piscina's habit: options checked up
 * front; zod's: the error as data), for its type: not a number, not a list, not an object arrcast
 * made. Its fields say where and what: `fn` the function, `path` the argument and the field inside it
 * (`['options', 'marks', 'target']`), `expected` what it must be, `received` what it was. A TypeError,
 * so a caller that caught JavaScript's own TypeErrors still catches it; the CLI exits with code 2 on
 * it (cli/exit-codes.ts). A value of the right type out of its range is an ArgumentRangeError.
 *
 * @example new ArgumentError('describe', ['values'], 'a list of numbers', 'a string').message // 'describe: values must be a list of numbers (got a string)'
 */
// Two declared classes, not one made by a function: the published .d.ts then names each base
// (TypeError, RangeError) and each literal name, where a class expression's base was anonymous and
// its name widened to string. One shape still: both implement ArgumentRefusalFields, one message.
export class ArgumentError extends TypeError implements ArgumentRefusalFields {
  override readonly name = 'ArgumentError';
  constructor(
    readonly fn: string,
    readonly path: ReadonlyArray<string | number>,
    readonly expected: string,
    readonly received: string,
  ) {
    super(argumentMessage(fn, path, expected, received));
  }

  /**
   * A refusal whose message a function's own check already wrote in full (writeReport's options:
   * report-options-check.ts): the message as given, `expected` the same text.
   */
  static withMessage(fn: string, path: ReadonlyArray<string | number>, message: string): ArgumentError {
    const err = new ArgumentError(fn, path, message, '');
    Object.defineProperty(err, 'message', { value: message, writable: true, configurable: true });
    return err;
  }
}

/**
 * An argument of a library function refused for its value: out of range (a share of 80), NaN, not
 * whole, not one of the values it takes. A RangeError, as the functions' own checks threw before the
 * library checked arguments up front (a caller's `instanceof RangeError` still holds); the fields and
 * the CLI's exit code 2 are ArgumentError's.
 *
 * @example new ArgumentRangeError('pinballLoss', ['tau'], 'a share between 0 and 1 (exclusive)', '80') instanceof RangeError // true
 */
export class ArgumentRangeError extends RangeError implements ArgumentRefusalFields {
  override readonly name = 'ArgumentRangeError';
  constructor(
    readonly fn: string,
    readonly path: ReadonlyArray<string | number>,
    readonly expected: string,
    readonly received: string,
  ) {
    super(argumentMessage(fn, path, expected, received));
  }

  /** A refusal whose message a shared check already wrote in full (a re-forecast's plan: plan-summary.ts), as ArgumentError.withMessage. */
  static withMessage(fn: string, path: ReadonlyArray<string | number>, message: string): ArgumentRangeError {
    const err = new ArgumentRangeError(fn, path, message, '');
    Object.defineProperty(err, 'message', { value: message, writable: true, configurable: true });
    return err;
  }
}

/** Either refusal of a library function's argument. */
export type ArgumentRefusal = ArgumentError | ArgumentRangeError;

/** Whether `err` is a refused argument of a library function (either class). */
export function isArgumentRefusal(err: unknown): err is ArgumentRefusal {
  return err instanceof ArgumentError || err instanceof ArgumentRangeError;
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

/** Issues about a value of the right kind: out of range, not whole, NaN, not one of the values taken. */
const RANGE_CODES: ReadonlySet<string> = new Set(['too_small', 'too_big', 'not_multiple_of', 'invalid_value']);

/**
 * The first problem zod found with `args` (checked against `schema`, an object of the arguments by
 * name), as a refusal of `fn`: an ArgumentRangeError for a value out of its range, or anything given
 * for a number (the functions' own checks, `!(p >= 0 && p <= 1)`, threw RangeError for each) or for an
 * argument in `rangeArgs` (one its function refused whole with a RangeError); else an ArgumentError.
 * The one path from a zod error to the project's error: each schema's own `error` text says what is
 * expected.
 */
export function argumentError(fn: string, error: z.ZodError, args: Readonly<Record<string, unknown>>, rangeArgs: ReadonlySet<string> = new Set()): ArgumentRefusal {
  const issue = error.issues[0]!;
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const isRange =
    RANGE_CODES.has(issue.code) ||
    (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int')) ||
    rangeArgs.has(String(path[0]));
  const Refusal = isRange ? ArgumentRangeError : ArgumentError;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return new Refusal(fn, [...path, key], `is not a field ${path.length ? `of ${formatPath(path)}` : 'it takes'}${issue.message && !issue.message.startsWith('Unrecognized') ? `; ${issue.message}` : ''}`, '');
  }
  const at = path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), args);
  return new Refusal(fn, path, issue.message, receivedText(at));
}
