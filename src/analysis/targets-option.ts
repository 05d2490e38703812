import { RunOptionError } from '../engine/errors.js';
import { valueKind } from '../scenario/option-keys.js';
import { formatPath } from '../scenario/scenario-error.js';
import { callerTargetsSchema, type Targets } from '../scenario/targets-schema.js';
import { flattenIssues } from '../scenario/zod-issues.js';
import { checkedAdvice } from '../scenario/checked-advice.js';

/**
 * A caller's `targets` (summarize's option), checked as a scenario's `targets:` is: from JavaScript
 * a list given for `{ metrics: [...] }` tested no target at all, a misspelt metric failed with
 * "Cannot read properties of undefined", and a value of NaN was reached in no trial (P = 0%). Returns
 * the targets as the schema reads them (a value of "120M" is 120,000,000). The scenario file's cap of
 * 50 targets is not the caller's: the CLI passes the scenario's with every --target.
 *
 * @example checkedTargets([{ metric: 'revenue', value: 1e8 }]) // RunOptionError: targets: must be an object { metrics: [...] } ...
 */
export function checkedTargets(targets: unknown): Targets {
  const parsed = callerTargetsSchema.safeParse(targets);
  if (parsed.success) return parsed.data;
  if (targets === null || typeof targets !== 'object' || Array.isArray(targets))
    throw new RunOptionError('targets', `must be an object { metrics: [{ metric, value, tier?, label? }], monthly? } (got ${valueKind(targets)})`, true);
  const [issue] = checkedAdvice(callerTargetsSchema, targets, flattenIssues(parsed.error.issues, targets));
  throw new RunOptionError('targets', `${formatPath(issue!.path) || 'targets'}: ${issue!.message}`, true);
}
