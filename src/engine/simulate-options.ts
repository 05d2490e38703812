import { z } from 'zod';
import { MAX_SEED_CHARS, MAX_TRIALS } from '../scenario/limits.js';
import { valueKind } from '../scenario/option-keys.js';
import { MAX_SHARDS, type ChunkSpec, type ShardSpec } from './chunks.js';
import type { RunEstimate } from './run-estimate.js';
import type { ChunkResult } from '../model/simulate-chunk.js';
import type { TrialLayout } from '../model/trial-layout.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { TrialStore } from './trial-store.js';
import { checkWholeRun } from './whole-run.js';
import { callback, checkOptions, fields, got, optionsSchema, refused, rule, says } from './options-schema.js';

/**
 * The one schema of simulate's options (SimulateOptions, engine/simulate.ts) and of simulateShard's
 * (ShardOptions): every key and the kind and range of each value, checked before anything runs
 * (options-schema.ts checkOptions). What needs the scenario (the default trials and seed are its
 * own, checked as it loaded) or its plan (`actuals`: the months the file covers, its tiers:
 * actuals-option.ts) is checked once that is known, before any trial.
 */
export const MAX_WORKERS = 256;

const whole = (min: number, max: number, v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * A number whose String() is the number as a caller wrote it, so that it names the seed they meant:
 * not NaN or an infinity ("NaN" from a failed Number()), not a whole number past 2^53 - 1 (rounded:
 * 2 ** 53 + 1 is "9007199254740992"), not one String() writes with an exponent ("1e+21", "1e-7").
 */
function faithfulNumber(n: number): boolean {
  return Number.isFinite(n) && !(Number.isInteger(n) && !Number.isSafeInteger(n)) && !String(n).includes('e');
}

const seed = rule<number | string>((v) => {
  if (typeof v !== 'string' && typeof v !== 'number') return `must be a string or a number (got ${valueKind(v)})`;
  if (typeof v === 'number' && !faithfulNumber(v))
    return `a seed given as a number must be finite and at most ${Number.MAX_SAFE_INTEGER} (2^53 - 1) in size, written without an exponent (got ${v}, which would be the seed "${String(v)}"); give other seeds as a string`;
  const text = String(v);
  return text.length === 0 || text.length > MAX_SEED_CHARS ? `must be 1 to ${MAX_SEED_CHARS} characters` : undefined;
});

/** A signal: an AbortSignal itself (a look-alike `{ aborted, addEventListener }` passes a check of its shape and never fires as one does). */
export const signalOption = rule<AbortSignal>((v) =>
  v instanceof AbortSignal ? undefined : `must be an AbortSignal (an AbortController's .signal; got ${v instanceof AbortController ? 'the AbortController itself' : valueKind(v)})`,
);

const resumeFrom = rule<unknown>((previous) => {
  const p = previous as { store?: unknown; loaded?: unknown; trials?: unknown } | null;
  if (p === null || typeof p !== 'object' || !(p.store instanceof TrialStore) || typeof p.loaded !== 'object' || typeof p.trials !== 'number')
    return `must be a Simulation that simulate returned (got ${valueKind(previous)}${p !== null && typeof p === 'object' ? ' of another shape' : ''})`;
  try {
    checkWholeRun(previous as never, 'must be a whole run');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
});

/** The options simulate and simulateShard share. */
const shared = {
  trials: z.number(says((v) => `must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')} (got ${got(v)})`)).int().min(1).max(MAX_TRIALS),
  seed,
  workers: z.number(says((v) => `must be a whole number from 0 (in-process) to ${MAX_WORKERS} (got ${got(v)})`)).int().min(0).max(MAX_WORKERS),
  signal: signalOption,
  onProgress: callback<(done: number, total: number) => void>(),
  // Infinity: no limit (documented so; zod 4's z.number() refuses Infinity, hence a rule of its own).
  maxMinutes: rule<number>((v) => (typeof v === 'number' && v > 0 ? undefined : `must be a number of minutes above 0 (got ${got(v)})`)),
  onEstimate: callback<(estimate: RunEstimate) => void>(),
};

// Checked against the scenario's plan (actuals-option.ts): the months the file covers, its tiers.
const actuals = z.unknown();

/** Options of simulate only but resumeFrom (ShardOptions omits them): simulateShard refuses each by name. */
const simulateOnly = {
  ownDrawTrials: z.number(says((v) => `must be a whole number of trials >= 0 (got ${typeof v === 'number' ? v : valueKind(v)})`)).int().min(0),
  tallyCounts: z.boolean(says((v) => `must be true or false (got ${valueKind(v)})`)),
  keepApart: z.array(z.string(says((v) => `each column key must be a string (got ${got(v)})`)), says((v) => `must be a list of column keys (got ${valueKind(v)})`)).readonly(),
  onLeadingTrials: fields(
    {
      trials: z.number(says((v) => `its trials must be a whole number >= 1 (got ${typeof v === 'number' ? v : valueKind(v)})`)).int().min(1),
      call: rule<(run: { readonly store: TrialStore; readonly plan: ScenarioPlan; readonly trials: number }) => void>((v) => (typeof v === 'function' ? undefined : `its call must be a function (got ${valueKind(v)})`)),
    },
    (v) => `must be { trials, call } (got ${valueKind(v)})`,
  ),
  onChunk: callback<(spec: ChunkSpec, result: ChunkResult, layout: TrialLayout) => void>(),
};

/**
 * `shard`: a whole `count` from 1 to MAX_SHARDS, a whole 0-based `index` below it; no other key.
 * Typed as the ShardSpec the refinement makes sure of (its fields are unknown until it has run), so
 * ShardOptions is checked against it (AgreesWithSchema); still an object schema (keysAt lists its fields).
 */
export const shardOption = fields({ index: z.unknown().optional(), count: z.unknown().optional() }, (v) => `the shard count must be a whole number from 1 to ${MAX_SHARDS.toLocaleString('en-US')} (got ${got(v)})`).superRefine((shard, ctx) => {
  const { count, index } = shard as { count?: unknown; index?: unknown };
  if (!whole(1, MAX_SHARDS, count))
    ctx.addIssue({ code: 'custom', path: ['count'], input: count, message: `the shard count must be a whole number from 1 to ${MAX_SHARDS.toLocaleString('en-US')} (got ${got(count)})` });
  else if (!whole(0, (count as number) - 1, index))
    ctx.addIssue({ code: 'custom', path: ['index'], input: index, message: `the shard index must be a whole number from 0 to ${(count as number) - 1} (0-based; got ${got(index)})` });
}) as unknown as z.ZodType<ShardSpec>;

/** simulate's options (SimulateOptions). */
export const simulateOptionsSchema = optionsSchema({
  ...shared,
  resumeFrom,
  actuals,
  ...simulateOnly,
  // A shard is not a whole run: it would be a Simulation missing most of its trials.
  shard: refused('simulate runs the whole run; run one shard with simulateShard'),
});

const notOfShard = refused('is an option of simulate, not of simulateShard (a shard runs its chunks whole)');

/** simulateShard's options (ShardOptions): a shard required; simulate's own refused by name. */
export const shardOptionsSchema = optionsSchema({
  ...shared,
  actuals,
  ...(Object.fromEntries(['resumeFrom', ...Object.keys(simulateOnly)].map((k) => [k, notOfShard])) as Record<'resumeFrom' | keyof typeof simulateOnly, typeof notOfShard>),
}).extend({ shard: shardOption });

/** Every key of simulate's options: what a caller may pass (simulateToPrecision passes most on). */
export const SIMULATE_OPTION_KEYS: readonly string[] = Object.keys(simulateOptionsSchema.shape).filter((k) => k !== 'shard');

/**
 * The trials and seed a run uses, the option's or else the scenario's own: `{ ...loaded, scenario: {
 * ...scenario, trials: '30' } }` (a scenario built or changed in code, not loaded) is refused as the
 * option would be, not run with trials '30'.
 */
const resolvedSchema = z.strictObject({ trials: shared.trials, seed });

/** Check the trials and seed a run resolved to (the option's, else its scenario's): a RunOptionError naming the option. */
export function checkResolvedRun(fn: string, resolved: { readonly trials: unknown; readonly seed: unknown }): void {
  checkOptions(fn, resolvedSchema, resolved);
}

// Built once: a run, a merge and a report each check their signal (about 30 µs to build the schema each call).
const signalSchema = z.strictObject({ signal: signalOption });

/** Check a `signal` option alone (writeReport's): undefined, or an AbortSignal. */
export function checkSignal(signal: unknown): void {
  if (signal !== undefined) checkOptions('a run', signalSchema, { signal });
}
