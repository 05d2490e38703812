import { excerpt, quoteText } from '../scenario/display-text.js';
import { partGenerator, type PartHeader } from './part-format.js';

/** What names the run a part is of: the header fields every part of one run shares (all but the shard K). */
export type PartRunFields = Pick<PartHeader, 'arrcastVersion' | 'generator' | 'seed' | 'trials' | 'chunkSize'> & {
  readonly scenario: Pick<PartHeader['scenario'], 'name' | 'hash'>;
  readonly shard: Pick<PartHeader['shard'], 'count'>;
};

/**
 * What every part of one run shares, and how to name it in a message. Parts that differ in any of
 * these are of different runs: merge refuses to mix them (checkParts), and a shard does not replace
 * such a part at its --out (checkPartOutput).
 */
export const PART_RUN_FIELDS: ReadonlyArray<{ readonly label: string; readonly key: (h: PartRunFields) => string; readonly show: (h: PartRunFields) => string }> = [
  { label: 'arrcast version', key: (h) => h.arrcastVersion, show: (h) => excerpt(h.arrcastVersion) },
  { label: 'random generator', key: partGenerator, show: (h) => excerpt(partGenerator(h)) },
  { label: 'scenario', key: (h) => h.scenario.hash, show: (h) => `${quoteText(h.scenario.name)} (hash ${h.scenario.hash.slice(0, 12)})` },
  { label: 'seed', key: (h) => h.seed, show: (h) => quoteText(h.seed) },
  { label: 'trials', key: (h) => String(h.trials), show: (h) => h.trials.toLocaleString('en-US') },
  { label: 'chunk size', key: (h) => String(h.chunkSize), show: (h) => String(h.chunkSize) },
  { label: 'shard count', key: (h) => String(h.shard.count), show: (h) => `${h.shard.count} shards` },
];

/** The fields in which two parts' runs differ, each as "LABEL A there, B here"; empty for parts of one run. */
export function partRunDifferences(there: PartRunFields, here: PartRunFields): string[] {
  return PART_RUN_FIELDS.filter((f) => f.key(there) !== f.key(here)).map((f) => `${f.label} ${f.show(there)} there, ${f.show(here)} here`);
}
