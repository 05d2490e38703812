import { Option } from 'commander';

/**
 * `--allow-path DIR` (repeatable): a folder, besides the scenario's own folder tree (for merge: the
 * working directory's), that the paths a scenario names (`extends`, `customersFile`,
 * `openingPipeline.file`) may resolve into. See scenario/path-policy.ts.
 *
 * `defaultTree` names the folder tree allowed without it in the help text (merge: the working
 * directory's), so each command's --help names only its own.
 *
 * @example arrcast run plans/q3.yaml --allow-path shared/books
 */
export function allowPathOption(defaultTree = "the scenario file's own folder tree"): Option {
  return new Option(
    '--allow-path <dir>',
    `a folder the scenario's extends and data files may also be read from (repeatable); by default only ${defaultTree}`,
  )
    .argParser((dir: string, previous: string[] | undefined) => [...(previous ?? []), dir])
    .default(undefined);
}
