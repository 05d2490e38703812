import type { CustomerBook } from './customer-book.js';
import type { PipelineBook } from './pipeline-file.js';
import type { Scenario } from './scenario-schema.js';

/**
 * The data of the files a scenario names, by tier name: customer books and opening pipelines.
 * Columnar typed arrays in SharedArrayBuffers, so worker threads read them without a copy.
 */
export interface ScenarioFiles {
  readonly books?: Readonly<Record<string, CustomerBook>>;
  readonly pipelines?: Readonly<Record<string, PipelineBook>>;
}

/** The files a scenario names, as written (relative to the scenario file), with the tiers that use each. */
export interface NamedFiles {
  readonly books: ReadonlyMap<string, string[]>;
  readonly pipelines: ReadonlyMap<string, { tiers: string[]; stages: Readonly<Record<string, number>> | undefined }>;
}

/**
 * Which files a validated scenario names, grouped by file: several tiers may share one customer
 * file (its tier column says whose each row is).
 * Complexity: O(tiers).
 */
export function namedFiles(scenario: Scenario): NamedFiles {
  const books = new Map<string, string[]>();
  const pipelines = new Map<string, { tiers: string[]; stages: Readonly<Record<string, number>> | undefined }>();
  for (const t of scenario.tiers) {
    const book = t.existing?.customersFile;
    if (book !== undefined) books.set(book, [...(books.get(book) ?? []), t.name]);
    const pipeline = t.newBusiness?.openingPipeline;
    if (pipeline?.file !== undefined) {
      const entry = pipelines.get(pipeline.file) ?? { tiers: [], stages: undefined };
      entry.tiers.push(t.name);
      entry.stages = { ...entry.stages, ...pipeline.stages };
      pipelines.set(pipeline.file, entry);
    }
  }
  return { books, pipelines };
}
