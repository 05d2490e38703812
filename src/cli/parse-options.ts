import { InvalidArgumentError } from 'commander';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { readHumanNumber } from '../scenario/human-number.js';
import { OutputsError, parseOutputs, type OutputName } from '../report/outputs.js';

/**
 * An amount as planners type it: 120e6, 120000000, 120_000_000, 120,000,000, 120M, 1.2B, 450k
 * (the rules of scenario numbers, `scenario/human-number.ts`).
 *
 * @example parseAmount('120M') // => 120000000
 */
export function parseAmount(text: string): number {
  const r = readHumanNumber(text);
  if (!r.ok) throw new InvalidArgumentError(r.message);
  if (r.value < 0) throw new InvalidArgumentError(`"${text}" is below 0; an amount is 0 or more (e.g. 120M)`);
  return r.value;
}

/**
 * `--target revenue=120M`, or for one tier `--target SMB:revenue=30M`; repeatable (commander
 * collects them). Metrics: revenue, bookings, endingArr.
 */
export function parseTarget(text: string, previous: MetricTarget[] = []): MetricTarget[] {
  const m = /^(?:([^:=]+):)?(revenue|bookings|endingArr)=(.+)$/.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`"${text}" is not a target; write metric=value (revenue, bookings or endingArr), e.g. revenue=120M or SMB:revenue=30M`);
  const target: MetricTarget = { metric: m[2] as MetricTarget['metric'], value: parseAmount(m[3]!), ...(m[1] ? { tier: m[1].trim() } : {}) };
  return [...previous, target];
}

/** A share written as 0.8 or 80%: returns 0.8. Must be strictly between 0 and 1. */
export function parseShare(name: string) {
  return (text: string): number => {
    const r = readHumanNumber(text);
    const value = r.ok ? r.value : NaN;
    if (!(value > 0 && value < 1)) throw new InvalidArgumentError(`${name} must be between 0 and 1 (or 0% and 100%), got "${text}"`);
    return value;
  };
}

/**
 * A whole-number option (`--trials 100000`, `100_000`, `100k`, `1e5`), at least `min`, read by the
 * rules of scenario numbers.
 *
 * @example wholeNumber('trials', 1)('20k') // => 20000
 */
export function wholeNumber(name: string, min: number) {
  return (text: string): number => {
    const r = readHumanNumber(text);
    if (!r.ok || !Number.isInteger(r.value) || r.value < min) throw new InvalidArgumentError(`${name} must be a whole number >= ${min}, got "${text}"`);
    return r.value;
  };
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
