import { MAX_SHARDS, type ShardSpec } from '../engine/chunks.js';
import { UsageError } from './exit-codes.js';

/**
 * Where `--shard auto/N` reads the shard's index, 0-based as these systems number their tasks:
 * a Kubernetes Indexed Job (completionMode: Indexed) and an AWS Batch array job.
 */
export const SHARD_INDEX_VARIABLES = [
  { name: 'JOB_COMPLETION_INDEX', system: 'Kubernetes Indexed Job', size: "the Job's completions" },
  { name: 'AWS_BATCH_JOB_ARRAY_INDEX', system: 'AWS Batch array job', size: "the array job's size" },
] as const;

const FORMS = `write K/N, shard K of N counted from 1 (--shard 1/4 to --shard 4/4), or auto/N to take the shard from ${SHARD_INDEX_VARIABLES.map((v) => `${v.name} (${v.system})`).join(' or ')}`;

/**
 * The shard of `--shard`, 0-based. `K/N` is shard K of N counted from 1, as people count;
 * `auto/N` takes the 0-based index from the environment (JOB_COMPLETION_INDEX, or
 * AWS_BATCH_JOB_ARRAY_INDEX; when both are set they must agree). Throws UsageError naming the
 * option or the variable at fault.
 *
 * @example parseShardOption('2/4', {}) // => { index: 1, count: 4, from: '--shard 2/4' }
 * @example parseShardOption('auto/4', { JOB_COMPLETION_INDEX: '1' }) // => { index: 1, count: 4, from: 'JOB_COMPLETION_INDEX=1' }
 */
export function parseShardOption(text: string, env: Readonly<Record<string, string | undefined>>): ShardSpec & { readonly from: string } {
  const m = /^\s*([0-9]+|auto)\s*\/\s*([0-9]+)\s*$/i.exec(text);
  if (!m) throw new UsageError(`--shard "${text}": ${FORMS}`);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SHARDS)
    throw new UsageError(`--shard ${text.trim()}: the shard count N must be from 1 to ${MAX_SHARDS.toLocaleString('en-US')}`);
  if (m[1]!.toLowerCase() !== 'auto') {
    const k = Number(m[1]);
    if (k < 1 || k > count)
      throw new UsageError(
        `--shard ${text.trim()}: K counts from 1, so it must be from 1 to ${count}${k === 0 ? ` (0-based indices come from the environment, with --shard auto/${count})` : ''}`,
      );
    return { index: k - 1, count, from: `--shard ${k}/${count}` };
  }
  const set = SHARD_INDEX_VARIABLES.filter((v) => env[v.name] !== undefined);
  if (set.length === 0)
    throw new UsageError(
      `--shard auto/${count} takes the shard's 0-based index from ${SHARD_INDEX_VARIABLES.map((v) => `${v.name} (${v.system})`).join(' or ')}, and neither is set; elsewhere give the shard as K/N, counted from 1: --shard 1/${count} to --shard ${count}/${count}`,
    );
  const indices = set.map((v) => {
    const raw = env[v.name]!;
    if (!/^\s*[0-9]+\s*$/.test(raw))
      throw new UsageError(`${v.name}=${JSON.stringify(raw)} is not a shard index: --shard auto/${count} needs a whole number from 0 to ${count - 1} there (0-based, as the ${v.system} sets it)`);
    const index = Number(raw);
    if (index >= count)
      throw new UsageError(`${v.name}=${raw.trim()} is out of range for --shard auto/${count}: the index is 0-based, from 0 to ${count - 1}; does ${v.size} equal ${count}?`);
    return index;
  });
  if (indices.some((i) => i !== indices[0]))
    throw new UsageError(`${set.map((v, i) => `${v.name}=${indices[i]}`).join(' and ')} disagree; which shard is this? Unset one, or give the shard as K/N`);
  return { index: indices[0]!, count, from: `${set[0]!.name}=${indices[0]}` };
}
