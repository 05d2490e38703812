import { z } from 'zod';
import { isValidatedScenario, markValidated } from '../scenario/parse.js';
import { scenarioSchema } from '../scenario/scenario-schema.js';
import { TrialStore } from '../engine/trial-store.js';

/**
 * The kinds of argument the library's functions take, as zod schemas whose `error` says what is
 * expected (checked-function.ts turns the first failure into an ArgumentError). Objects arrcast
 * makes (a loaded scenario, a Simulation, a plan) are recognised by their shape: a scenario the
 * schema accepts (a copy, a structuredClone, a report's scenario.json read back included), a
 * TrialStore; what is not one is refused by name.
 */
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const is = <T>(test: (v: unknown) => boolean, error: string) => z.custom<T>(test, { error });

export const text = z.string({ error: 'a string' });
export const finite = z.number({ error: 'a finite number' });
export const boolean = z.boolean({ error: 'true or false' });
export const func = is<(...a: never[]) => unknown>((v) => typeof v === 'function', 'a function');
export const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number({ error: `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}` }).int().min(min).max(max);
/** What a share must be, with the share meant when a percentage was given (80 for 0.8). */
const shareError = (what: string) => (iss: { input?: unknown }) =>
  typeof iss.input === 'number' && iss.input > 1 && iss.input <= 100 ? `${what}; did you mean ${iss.input / 100}?` : what;
/** A share strictly between 0 and 1 (a confidence, a quantile level, an interval's miss rate). */
export const openShare = z.number({ error: shareError('a share between 0 and 1 (exclusive)') }).gt(0).lt(1);
/** A share from 0 to 1, both included (a percentile level). */
export const share = z.number({ error: shareError('a share from 0 to 1') }).min(0).max(1);
export const positive = z.number({ error: 'a finite number above 0' }).gt(0);

/**
 * An array of numbers, a typed array (a column of a TrialStore), or another array-like of numbers
 * (`{ length: 2, 0: 1, 1: 2 }`), with at least `min` values. Complexity: O(length).
 */
const isNumberList = (v: unknown, min: number): boolean => {
  if (ArrayBuffer.isView(v)) return !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array) && (v as unknown as ArrayLike<number>).length >= min;
  if (v === null || typeof v !== 'object') return false;
  const { length } = v as { length?: unknown };
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < min) return false;
  for (let i = 0; i < length; i++) if (typeof (v as Record<number, unknown>)[i] !== 'number') return false;
  return true;
};
/** ArrayLike<number>: see isNumberList. */
export const numbers = (min = 0) => is<ArrayLike<number>>((v) => isNumberList(v, min), `a list of numbers (an array or a Float64Array)${min > 0 ? `, at least ${min}` : ''}`);
export const float64 = is<Float64Array>((v) => v instanceof Float64Array, 'a Float64Array');
export const int32 = is<Int32Array>((v) => v instanceof Int32Array, 'an Int32Array of trial indices (worstTrials)');
export const strings = z.array(text, { error: 'a list of strings' });
export const booleans = z.array(boolean, { error: 'a list of true or false' });
export const bytes = is<Uint8Array>((v) => v instanceof Uint8Array, 'a Uint8Array');

/** An AbortSignal: an AbortController's `.signal`, not the controller, not a look-alike `{ aborted }`. */
export const signal = is<AbortSignal>((v) => v instanceof AbortSignal, "an AbortSignal (an AbortController's .signal)");

/**
 * A scenario: what the schema accepts (its output parses again as itself). The parser's own objects
 * are known without parsing; another that passes is noted so, so a copy is parsed once.
 * Complexity: O(size of the scenario) the first time an object is seen.
 */
function isScenario(v: unknown): boolean {
  if (isValidatedScenario(v)) return true;
  if (!isObject(v) || !scenarioSchema.safeParse(v).success) return false;
  markValidated(v as never);
  return true;
}
export const scenario = is<never>(isScenario, 'a scenario as loadScenario or parseScenario returns it (their result\'s .scenario)');
export const loaded = is<never>((v) => isObject(v) && isScenario(v.scenario) && typeof v.source === 'string' && typeof v.hash === 'string', 'a loaded scenario as loadScenario or parseScenario returns it ({ scenario, source, hash, ... })');
export const plan = is<never>((v) => isObject(v) && isScenario(v.scenario) && Array.isArray(v.tiers) && isObject(v.layout), "a scenario's plan, as a Simulation's .plan holds it");
/**
 * A Simulation, or a shard's part where one is read: the function itself refuses a part with what to
 * do about it (whole-run.ts: "...shard 1/2's part: ...; merge the parts first").
 */
export const simulation = is<never>(
  (v) => isObject(v) && v.store instanceof TrialStore && isObject(v.loaded) && isScenario(v.loaded.scenario),
  'a Simulation as simulate or mergeParts returns it',
);
export const part = is<never>((v) => isObject(v) && v.store instanceof TrialStore && isObject(v.loaded) && isScenario(v.loaded.scenario) && isObject(v.shard), 'a part as simulateShard returns it');
export const reforecast = is<never>((v) => isObject(v) && isObject(v.plan) && isScenario(v.plan.scenario) && isObject(v.model) && isObject(v.input), 'a Reforecast as compileReforecast returns it (a Simulation\'s .reforecast)');
export const summary = is<never>((v) => isObject(v) && isObject(v.metrics) && isObject(v.byTier) && isObject(v.decisions), 'a Summary as summarize returns it');
export const attributionInputs = is<never>((v) => isObject(v) && typeof v.trials === 'number' && Array.isArray(v.drivers), 'attribution inputs as attributionInputs returns them');
export const preparedInput = is<never>((v) => isObject(v) && v.percentile instanceof Float64Array && v.bin instanceof Uint16Array && v.order instanceof Int32Array, 'an input as prepareInput returns it');
export const binMedians = is<never>((v) => isObject(v) && v.percentile instanceof Float64Array && v.median instanceof Float64Array && v.count instanceof Float64Array, 'bin medians as binMedians returns them');
export const pitRange = z.tuple([finite, finite], { error: 'a PIT range [low, high] as pitRange returns it' });
export const monthlyFile = is<never>((v) => isObject(v) && typeof v.path === 'string' && v.byTier instanceof Map && Array.isArray(v.tiers), 'a monthly file as readMonthlyFile or parseMonthlyFile returns it');
export const actualsInput = z.strictObject({ file: monthlyFile, months: whole(0) }, { error: (iss) => (iss.code === 'unrecognized_keys' ? 'its fields are file, months' : 'actuals as { file, months }') });
export const warning = is<never>((v) => isObject(v) && typeof v.code === 'string' && typeof v.message === 'string' && Array.isArray(v.path), 'a plausibility warning ({ code, message, path })');
export const warnings = z.array(warning, { error: 'a list of plausibility warnings' });
export const historyFit = is<never>((v) => isObject(v) && typeof v.source === 'string' && Array.isArray(v.tiers) && typeof v.months === 'number', 'a fit as fitHistory returns it');
export const partInfo = is<never>((v) => isObject(v) && typeof v.file === 'string' && isObject(v.header), 'a part as readPartHeader returns it ({ file, header })');
export const chunk = z.strictObject({ index: whole(0), trials: whole(0), offset: whole(0) }, { error: (iss) => (iss.code === 'unrecognized_keys' ? 'its fields are index, trials, offset' : 'a chunk as planChunks returns it ({ index, trials, offset })') });
export const runEstimate = is<never>((v) => isObject(v) && ['drawsPerTrial', 'trials', 'threads', 'seconds'].every((k) => typeof v[k] === 'number') && typeof v.beyondGuard === 'boolean', 'an estimate as estimateRun returns it');
export const scoredReport = is<never>((v) => isObject(v) && typeof v.dir === 'string' && Array.isArray(v.tiers), 'a scored report ({ dir, tiers, ... })');
export const issue = is<never>((v) => isObject(v) && Array.isArray(v.path) && typeof v.message === 'string', 'a scenario issue ({ path, message, line?, column? })');
export const runFacts = z.strictObject({ openingCustomers: z.array(finite, { error: 'a list of finite numbers' }) }, { error: (iss) => (iss.code === 'unrecognized_keys' ? 'its fields are openingCustomers' : 'run facts ({ openingCustomers })') });
/** Anything: the function checks this argument itself, with its own error class (RunOptionError, ScenarioError). */
export const checkedInside = z.unknown();

/** An object of options with these fields, each optional; another field is refused by name. */
export function options(shape: Record<string, z.ZodType>, what = 'an object of options') {
  const fields = Object.keys(shape).join(', ');
  return z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.optional()])), {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `its fields are ${fields}` : `${what} (${fields})`),
  });
}
