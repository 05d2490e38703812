import { Option } from 'commander';

/**
 * `--allow-path DIR` (repeatable): a folder, besides the scenario's own folder tree (for merge: the
 * working directory's), that the paths a scenario names (`extends`, `customersFile`,
 * `openingPipeline.file`) may resolve into. See scenario/path-policy.ts.
 *
 * @example arrcast run plans/q3.yaml --allow-path shared/books
 */
export function allowPathOption(): Option {
  return new Option(
    '--allow-path <dir>',
    "a folder the scenario's extends and data files may also be read from (repeatable); by default only the scenario file's own folder tree (for merge: the working directory's)",
  )
    .argParser((dir: string, previous: string[] | undefined) => [...(previous ?? []), dir])
    .default(undefined);
}
