import { excerpt, quoteText } from '../scenario/display-text.js';
import { partGenerator, type PartHeader } from './part-format.js';

/** What names the run a part is of: the header fields every part of one run shares (all but the shard K). */
export type PartRunFields = Pick<PartHeader, 'arrcastVersion' | 'generator' | 'seed' | 'trials' | 'chunkSize'> & {
  /** `name` and `source` (the scenario file) name it in messages; a library caller's run may have neither. */
  readonly scenario: Pick<PartHeader['scenario'], 'hash'> & { readonly name?: string; readonly source?: string };
  readonly shard: Pick<PartHeader['shard'], 'count'>;
};

/**
 * A scenario as a message names it: its name, the file it was read from (two runs of one scenario
 * name, from two files, told apart) and its hash; a name or file not known (a library caller's run)
 * is left out, never shown as "".
 *
 * @example showScenario({ scenario: { name: 'Plan', source: 'a/plan.yaml', hash: 'ab…' } }) // => '"Plan" from "a/plan.yaml" (hash abababababab)'
 */
function showScenario(h: PartRunFields): string {
  const { name, source, hash } = h.scenario;
  const named = [name ? quoteText(name) : undefined, source ? `from ${quoteText(source, 4096)}` : undefined].filter((w) => w !== undefined).join(' ');
  return named ? `${named} (hash ${hash.slice(0, 12)})` : `hash ${hash.slice(0, 12)}`;
}

/** One field of PART_RUN_FIELDS. */
export interface PartRunField {
  readonly label: string;
  readonly key: (h: PartRunFields) => string;
  readonly show: (h: PartRunFields) => string;
  /**
   * A field in which a part written by an earlier (or later) arrcast differs from a re-run of the same
   * shard (the same scenario, seed, trials, chunk size and shard K/N drawn again after an upgrade).
   */
  readonly upgrade?: true;
}

/**
 * What every part of one run shares, and how to name it in a message. Parts that differ in any of
 * these are of different runs: merge refuses to mix them (checkParts), and a shard does not replace
 * such a part at its --out (checkPartOutput) unless they differ only in `upgrade` fields.
 */
export const PART_RUN_FIELDS: readonly PartRunField[] = [
  { label: 'arrcast version', key: (h) => h.arrcastVersion, show: (h) => excerpt(h.arrcastVersion), upgrade: true },
  { label: 'random generator', key: partGenerator, show: (h) => excerpt(partGenerator(h)), upgrade: true },
  { label: 'scenario', key: (h) => h.scenario.hash, show: showScenario },
  { label: 'seed', key: (h) => h.seed, show: (h) => quoteText(h.seed) },
  { label: 'trials', key: (h) => String(h.trials), show: (h) => h.trials.toLocaleString('en-US') },
  { label: 'chunk size', key: (h) => String(h.chunkSize), show: (h) => String(h.chunkSize) },
  { label: 'shard count', key: (h) => String(h.shard.count), show: (h) => String(h.shard.count) },
];

/** The fields (PART_RUN_FIELDS) in which two parts' runs differ; empty for parts of one run. */
export const partRunFieldsDiffering = (there: PartRunFields, here: PartRunFields): PartRunField[] => PART_RUN_FIELDS.filter((f) => f.key(there) !== f.key(here));

/** `fields` (partRunFieldsDiffering's) each as "LABEL A there, B here". */
export const partRunDifferences = (fields: readonly PartRunField[], there: PartRunFields, here: PartRunFields): string[] =>
  fields.map((f) => `${f.label} ${f.show(there)} there, ${f.show(here)} here`);
