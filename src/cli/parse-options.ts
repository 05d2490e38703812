import { InvalidArgumentError } from 'commander';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { numberAdvice, readHumanNumber } from '../scenario/human-number.js';
import { metricMeant } from '../scenario/metric-meant.js';
import { NO_CLOSED_MONTH } from '../actuals/actuals-input.js';
import { MAX_MAGNITUDE } from '../scenario/distribution-schema.js';
import { OutputsError, parseOutputs, type OutputName } from '../report/outputs.js';

/**
 * An amount as planners type it: 120e6, 120000000, 120_000_000, 120,000,000, 120M, 1.2B, 450k
 * (the rules of scenario numbers, `scenario/human-number.ts`); not a percentage (`110%` is no amount).
 *
 * @example parseAmount('120M') // => 120000000
 */
export function parseAmount(text: string): number {
  const r = readAmount(text);
  if (!r.ok) throw new InvalidArgumentError(r.message);
  return r.value;
}

/**
 * An amount parseAmount takes, or why not; the advice of a text that is no number ("did you mean
 * 1.2M?", "write -5M") only when this check takes the advised amount too ('-1,2M' is not told
 * "-1.2M?", which is below 0).
 */
function readAmount(text: string): { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string } {
  const r = readHumanNumber(text, 'amount');
  if (!r.ok) return { ok: false, message: r.advice === undefined || readAmount(r.advice.text).ok ? r.message : r.advice.unadvised };
  if (r.value < 0) return { ok: false, message: `"${text}" is below 0; an amount is 0 or more (e.g. 120M)` };
  // The bound of every amount in a scenario (a target's value there included): beyond it a target's gap is not a number anyone reads.
  if (r.value > MAX_MAGNITUDE) return { ok: false, message: `"${text}" is above 1e15, the largest amount a scenario takes` };
  return { ok: true, value: r.value };
}

/**
 * How to write a target of `metric` at `amount` as --target takes it: `metric=amount`, the amount
 * as written if taken, else as advised if that is taken (`22,5M`: 22.5M; `$22M`: 22M), else the
 * form with why the amount is refused.
 */
function targetWritten(metric: string, amount: string): string {
  const a = amount.trim();
  const r = readAmount(a);
  if (r.ok) return `write ${metric}=${a}`;
  const read = readHumanNumber(a, 'amount');
  const advised = read.ok ? undefined : read.advice?.text;
  if (advised !== undefined && readAmount(advised).ok) return `write ${metric}=${advised}`;
  return `write ${metric}=AMOUNT, where ${r.message}`;
}

/**
 * The targets a text holds when it is several (a second `name=` in it), joined by a comma, a
 * semicolon, `&`, `and` or spaces, each part as written whether or not it is a target itself
 * (`revenue=22M,bokings=30M` is two, the second misspelt); undefined when it is one.
 *
 * @example severalTargets('revenue=22M,bookings=30M') // => ['revenue=22M', 'bookings=30M']
 * @example severalTargets('revenue=22M and bokings=30%') // => ['revenue=22M', 'bokings=30%']
 */
function severalTargets(text: string): string[] | undefined {
  if ((text.match(/=/g) ?? []).length < 2) return undefined;
  // Split only before a part that names something with '=' (`revenue=1,200,000` keeps its commas).
  const parts = text
    .trim()
    .split(/\s*[,;&]\s*(?:and\s+)?(?=[^,;&=]*=)|\s+(?:and\s+)?(?=[^\s=]+\s*=)/)
    .filter((p) => p !== '');
  // Each part one name=value: a second '=' in one, or a part with no name, is not several targets read apart.
  if (parts.length < 2 || !parts.every((p) => /^[^=]*[^=\s][^=]*=[^=]*$/.test(p))) return undefined;
  return parts;
}

/** Why `part` is not a target (parseTarget's message), or undefined when it is one. */
function targetProblem(part: string): string | undefined {
  try {
    parseTarget(part);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * `--target revenue=120M`, or for one tier `--target SMB:revenue=30M`; repeatable (commander
 * collects them). Metrics: revenue, bookings, endingArr.
 */
export function parseTarget(text: string, previous: MetricTarget[] = []): MetricTarget[] {
  // Several targets in one (`revenue=22M,bookings=30M`): each is a --target of its own. It was read
  // as revenue at "22M,bookings=30M", told "is not a number", with no word of the repeat.
  const several = severalTargets(text);
  if (several !== undefined) {
    // Each part's own problem too (`bokings=30M`: "did you mean bookings?"), not only that there are several.
    const problems = several.map(targetProblem).filter((p): p is string => p !== undefined);
    throw new InvalidArgumentError(`"${text}" holds ${several.length} targets: give --target once for each (${several.map((t) => `--target ${t}`).join(' ')})${problems.map((p) => `; ${p}`).join('')}`);
  }
  // The tier is everything before the last ':' that precedes the metric, so a tier named "EMEA:SMB" can be targeted.
  // Spaces around '=' are read as none (`-t "revenue = 22M"` was told '"revenue" is not a metric (did you mean revenue?)').
  const m = /^(?:([^=]+):)?\s*(revenue|bookings|endingArr)\s*=\s*(.+)$/.exec(text.trim());
  if (!m) {
    // `revenue:22M`: the target with ':' for '=' (a tier's target keeps its ':' before the metric).
    const colon = /^((?:[^=:]+:)?\s*(?:revenue|bookings|endingArr))\s*:\s*([^=:]+)$/.exec(text.trim());
    if (colon) throw new InvalidArgumentError(`"${text}" is not a target: ${targetWritten(colon[1]!.replace(/\s+$/, ''), colon[2]!)} (metric=value)`);
    // `22M`: an amount with no metric.
    if (readHumanNumber(text.trim(), 'amount').ok) throw new InvalidArgumentError(`"${text}" is not a target: name the metric it is a target of, e.g. revenue=${text.trim()} (or bookings=, endingArr=, SMB:revenue=)`);
    // `revenue>=22M`, as the outputs label a target: the same target, written with '='.
    const compared = /^((?:[^=]+:)?(?:revenue|bookings|endingArr))\s*(?:>=|>|≥)\s*([^=]+)$/.exec(text.trim());
    if (compared) throw new InvalidArgumentError(`"${text}" is not a target: ${targetWritten(compared[1]!, compared[2]!)} (a target is reached at or above its value)`);
    // metric=value with a metric of another name (ending_arr, as the outcomes files spell it; Revenue): name it.
    const metric = /^(?:[^=]+:)?([^=:]+)=.+$/.exec(text.trim())?.[1]?.trim();
    const meant = metric === undefined ? undefined : metricMeant(metric);
    const which = metric ? `: "${metric}" is not a metric${meant ? ` (did you mean ${meant}?)` : ''}` : '';
    throw new InvalidArgumentError(`"${text}" is not a target${which}; write metric=value (revenue, bookings or endingArr), e.g. revenue=120M or SMB:revenue=30M`);
  }
  const target: MetricTarget = { metric: m[2] as MetricTarget['metric'], value: parseAmount(m[3]!), ...(m[1] ? { tier: m[1].trim() } : {}) };
  return [...previous, target];
}

/** A share written as 0.8 or 80%: returns 0.8. Must be strictly between 0 and 1. */
export function parseShare(name: string) {
  return (text: string): number => {
    const r = readHumanNumber(text);
    const value = r.ok ? r.value : NaN;
    const taken = (v: number) => v > 0 && v < 1;
    // 85 for 85%: a percent without its sign is named, as in scenarios (percent-hint.ts).
    // Not for a share written with its %: "150%" read as 1.5 was answered "did you mean 150%%?".
    // A number in a form arrcast does not read (0,8 from a European keyboard) gets the one it means.
    // Only a share the option then takes: 1,5 is not answered "1.5?"; 8e1 is 80%, not "8e1%".
    // The advice is checked as the option checks the value itself (taken).
    const advised = r.ok ? undefined : numberAdvice(text, 'any');
    const read = advised === undefined ? undefined : readHumanNumber(advised.text);
    const meant = read?.ok && taken(read.value) ? advised : undefined;
    const hint = meant !== undefined ? `; did you mean ${meant.text}? ${meant.why}` : value > 1 && value < 100 && !text.trim().endsWith('%') ? `; did you mean ${value}%?` : '';
    if (!taken(value)) throw new InvalidArgumentError(`${name} must be between 0 and 1 (or 0% and 100%), got "${text}"${hint}`);
    return value;
  };
}

/** A whole count as planners write it, with nothing around it: 20000, 20,000, 20_000, 20k, 1.5M, 2e4 (no sign, space, leading zero or %). */
const COUNT_SHAPE = /^(?:0|[1-9][0-9]*|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?:_[0-9]{3})+)(?:(?:\.[0-9]+)?(?:[eE][0-9]{1,3}|[kKmMbB]))?$/;

/** A whole number a double cannot hold exactly (past 2^53 - 1): said as such, not as "must be a whole number". */
const pastSafe = (name: string, text: string) =>
  new InvalidArgumentError(`${name} must be at most ${Number.MAX_SAFE_INTEGER} (2^53 - 1), which a double holds exactly, got ${JSON.stringify(text)}`);

/** Plain decimal digits, no leading zero: 0, 7, 8080. */
const DIGITS_SHAPE = /^(?:0|[1-9][0-9]*)$/;

/**
 * A count option (`--trials`, `--max-trials`): `100000`, `100,000`, `100_000`, `100k`, `1.5M` or
 * `1e5`, the forms of scenario numbers (`scenario/human-number.ts`) that name a whole number, at
 * least `min`. Only the number itself: a space, sign, leading zero, `%` or fraction around or in it
 * (`" 80"`, `"+80"`, `"080"`, `"8000%"`, `"80.0"`) is refused, as is a number past 2^53, which a
 * double cannot hold exactly.
 *
 * @example wholeNumber('trials', 1)('20k') // => 20000
 */
export function wholeNumber(name: string, min: number) {
  return (text: string): number => {
    const r = COUNT_SHAPE.test(text) ? readHumanNumber(text) : undefined;
    if (r?.ok && Number.isInteger(r.value) && r.value >= min && !Number.isSafeInteger(r.value)) throw pastSafe(name, text);
    if (!r?.ok || !Number.isSafeInteger(r.value) || r.value < min) throw new InvalidArgumentError(`${name} must be a whole number >= ${min}, got ${JSON.stringify(text)}`);
    return r.value;
  };
}

/**
 * A number that names rather than counts (`--port`, `--workers`, `--as-of`): plain decimal digits
 * only, at least `min`. `1e3`, `8k`, `8,080`, `0x10`, `080` or a space are refused, naming the option,
 * with `example` (a port's is 8080: 2, the default example, is a port only root may open).
 *
 * @example digitsNumber('port', 0)('8080') // => 8080
 */
export function digitsNumber(name: string, min: number, example = Math.max(min, 2)) {
  return (text: string): number => {
    const value = DIGITS_SHAPE.test(text) ? Number(text) : NaN;
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw pastSafe(name, text);
    if (!Number.isSafeInteger(value) || value < min) throw new InvalidArgumentError(`${name} must be a whole number >= ${min} in plain digits (e.g. ${example}), got ${JSON.stringify(text)}`);
    return value;
  };
}

/** What `--as-of 0` (given with --actuals) is told: it asks for no closed month, which is the plan itself, and how to run that. */
export const AS_OF_ZERO = `--as-of 0 closes no month, and a forecast from no closed month is ${NO_CLOSED_MONTH}: run without --actuals for it (--as-of takes 1 to the months the file covers)`;

/**
 * `--as-of M`: how many closed months of --actuals to use, plain digits from 1; 0 is read as 0 for
 * the command to refuse (AS_OF_ZERO) once it knows --actuals was given: refused here, a run without
 * --actuals was told to 'run without --actuals', not that --as-of goes with --actuals.
 * simulate's `actuals` option says the same of `months: 0` (actuals/actuals-input.ts).
 *
 * @example asOfMonths('3') // => 3; asOfMonths('0') // => 0
 */
export function asOfMonths(text: string): number {
  return text === '0' ? 0 : digitsNumber('as-of', 1)(text);
}

/** `--outputs summary,html,trials`: the files to write (see report/outputs.ts). */
export function parseOutputsOption(text: string): OutputName[] {
  try {
    return parseOutputs(text);
  } catch (err) {
    if (err instanceof OutputsError) throw new InvalidArgumentError(err.message);
    throw err;
  }
}
