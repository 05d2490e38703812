import { InvalidArgumentError } from 'commander';
import type { MetricTarget } from '../scenario/targets-schema.js';

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * An amount as planners type it: 120e6, 120000000, 120_000_000, 120M, 1.2B, 450k.
 *
 * @example parseAmount('120M') // => 120000000
 */
export function parseAmount(text: string): number {
  const m = /^\s*([0-9][0-9_,]*(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)\s*([kmb])?\s*$/i.exec(text);
  const value = m ? Number(m[1]!.replace(/[_,]/g, '')) * (m[2] ? SUFFIX[m[2].toLowerCase()]! : 1) : NaN;
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`"${text}" is not an amount (e.g. 120e6, 120M, 450k)`);
  return value;
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
    const m = /^\s*([0-9]*\.?[0-9]+)\s*(%)?\s*$/.exec(text);
    const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
    if (!(value > 0 && value < 1)) throw new InvalidArgumentError(`${name} must be between 0 and 1 (or 0% and 100%), got "${text}"`);
    return value;
  };
}
