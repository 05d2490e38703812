import { quoteText } from './display-text.js';
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
  /** Stages that tiers sharing a pipeline file give different probabilities: the file is read once. */
  readonly stageConflicts: ReadonlyArray<{ readonly path: ReadonlyArray<string | number>; readonly message: string }>;
}

/**
 * Which files a validated scenario names, grouped by file: several tiers may share one customer
 * file (its tier column says whose each row is). `identity` says which names are one file
 * (`data/b.csv`, `./data/b.csv`, a link to it): they form one group, under the first name written.
 * Complexity: O(tiers).
 */
export function namedFiles(scenario: Scenario, identity: (file: string) => string = (file) => file): NamedFiles {
  const books = new Map<string, string[]>();
  const pipelines = new Map<string, { tiers: string[]; stages: Readonly<Record<string, number>> | undefined }>();
  const stageConflicts: Array<{ path: Array<string | number>; message: string }> = [];
  // The first name each file is written under, by identity.
  const firstName = new Map<string, string>();
  const nameOf = (file: string, kind: string) => {
    const id = `${kind}\0${identity(file)}`;
    if (!firstName.has(id)) firstName.set(id, file);
    return firstName.get(id)!;
  };
  for (const [i, t] of scenario.tiers.entries()) {
    const book = t.existing?.customersFile === undefined ? undefined : nameOf(t.existing.customersFile, 'book');
    if (book !== undefined) books.set(book, [...(books.get(book) ?? []), t.name]);
    const pipeline = t.newBusiness?.openingPipeline;
    if (pipeline?.file !== undefined) {
      const file = nameOf(pipeline.file, 'pipeline');
      const entry = pipelines.get(file) ?? { tiers: [], stages: undefined };
      entry.tiers.push(t.name);
      for (const [stage, p] of Object.entries(pipeline.stages ?? {})) {
        const before = entry.stages?.[stage];
        if (before !== undefined && before !== p)
          stageConflicts.push({
            path: ['tiers', i, 'newBusiness', 'openingPipeline', 'stages', stage],
            message: `stage ${quoteText(stage)} of ${pipeline.file} is ${before} in another tier reading the same file; give it one probability`,
          });
      }
      entry.stages = { ...entry.stages, ...pipeline.stages };
      pipelines.set(file, entry);
    }
  }
  return { books, pipelines, stageConflicts };
}
