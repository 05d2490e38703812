import { createHash } from 'node:crypto';
import { digestFiles } from './files-digest.js';
import type { LoadedScenario } from './parse.js';
import { canonicalJson } from './parse.js';
import type { Scenario } from './scenario-schema.js';

/**
 * The top-level fields of a scenario that do not change the law of its forecast (what the trials
 * are drawn from), and so are left out of forecastHash:
 * - `seed` and `trials`: which draws, and how many, from the same law (a run made again);
 * - `name`, `description`, `$schema`, `extends`: words and where the file came from;
 * - `targets`: what the figures are tested against, not the figures (a stress case takes the plan's).
 * Every other field (currency, calendar, market, stress, tiers) is kept. Data files' paths are left
 * out too, their content kept (forecastHash).
 */
export const NOT_FORECAST_FIELDS = ['seed', 'trials', 'name', 'description', '$schema', 'extends', 'targets'] as const;

/**
 * sha256 (hex) of what defines a scenario's forecast: the validated scenario without
 * NOT_FORECAST_FIELDS and without its data files' paths, and the data of those files (customer
 * books, pipelines) as the model reads them. Two scenarios with one forecastHash forecast the same
 * year from the same law: a copy in another folder, or one with another seed, trial count or name.
 * `hash` (LoadedScenario) covers all of these, so such copies hashed apart, and `arrcast score`
 * scored one forecast twice, `--with-stress` showed one case twice.
 *
 * @example forecastHash(await loadScenario('plan.yaml')) === forecastHash(await loadScenario('copy-with-seed-8.yaml')) // true
 * Complexity: O(size of the scenario and its data).
 */
export function forecastHash(loaded: Pick<LoadedScenario, 'scenario' | 'files'>): string {
  const hash = createHash('sha256').update(canonicalJson(forecastFields(loaded.scenario)));
  if (loaded.files) hash.update('\0files\0').update(digestFiles(withoutFileNames(loaded.files)));
  return hash.digest('hex');
}

/** The scenario without NOT_FORECAST_FIELDS, and each tier without the paths of its data files. */
function forecastFields(scenario: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = { ...scenario };
  for (const key of NOT_FORECAST_FIELDS) delete out[key];
  out.tiers = scenario.tiers.map((t) => {
    const tier: Record<string, unknown> = { ...t };
    if (t.existing?.customersFile !== undefined) tier.existing = { ...t.existing, customersFile: undefined };
    const pipeline = t.newBusiness?.openingPipeline;
    if (pipeline?.file !== undefined) tier.newBusiness = { ...t.newBusiness, openingPipeline: { ...pipeline, file: undefined } };
    return tier;
  });
  return out;
}

/** The files' data without the `file` each book and pipeline names itself by (a path, for messages). */
function withoutFileNames(files: NonNullable<LoadedScenario['files']>): object {
  const strip = (byTier: Record<string, object> | undefined) =>
    Object.fromEntries(Object.entries(byTier ?? {}).map(([tier, data]) => [tier, { ...data, file: undefined }]));
  return { books: strip(files.books as Record<string, object> | undefined), pipelines: strip(files.pipelines as Record<string, object> | undefined) };
}
