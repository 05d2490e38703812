import { describe, expect, it } from 'vitest';
import { parseShardOption } from '../../src/cli/shard-option.js';
import { UsageError } from '../../src/cli/exit-codes.js';

describe('--shard K/N and auto/N', () => {
  it.each<[string, Record<string, string>, { index: number; count: number; from: string }]>([
    ['1/4', {}, { index: 0, count: 4, from: '--shard 1/4' }],
    ['4/4', {}, { index: 3, count: 4, from: '--shard 4/4' }],
    [' 2 / 3 ', {}, { index: 1, count: 3, from: '--shard 2/3' }],
    ['1/1', {}, { index: 0, count: 1, from: '--shard 1/1' }],
    // K/N ignores the environment: what is written wins.
    ['2/4', { JOB_COMPLETION_INDEX: '0' }, { index: 1, count: 4, from: '--shard 2/4' }],
    ['auto/4', { JOB_COMPLETION_INDEX: '0' }, { index: 0, count: 4, from: 'JOB_COMPLETION_INDEX=0' }],
    ['auto/4', { JOB_COMPLETION_INDEX: '3' }, { index: 3, count: 4, from: 'JOB_COMPLETION_INDEX=3' }],
    ['AUTO/4', { AWS_BATCH_JOB_ARRAY_INDEX: '2' }, { index: 2, count: 4, from: 'AWS_BATCH_JOB_ARRAY_INDEX=2' }],
    ['auto/10000', { AWS_BATCH_JOB_ARRAY_INDEX: '9999' }, { index: 9999, count: 10_000, from: 'AWS_BATCH_JOB_ARRAY_INDEX=9999' }],
    ['auto/4', { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '1' }, { index: 1, count: 4, from: 'JOB_COMPLETION_INDEX=1' }],
    ['auto/4', { JOB_COMPLETION_INDEX: '02' }, { index: 2, count: 4, from: 'JOB_COMPLETION_INDEX=2' }],
  ])('%j with %j', (text, env, expected) => {
    expect(parseShardOption(text, env)).toEqual(expected);
  });

  const FORMS =
    'write K/N, shard K of N counted from 1 (--shard 1/4 to --shard 4/4), or auto/N to take the shard from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job)';
  it.each<[string, Record<string, string>, string]>([
    ['x', {}, `--shard "x": ${FORMS}`],
    ['2', {}, `--shard "2": ${FORMS}`],
    ['-1/4', {}, `--shard "-1/4": ${FORMS}`],
    ['1.5/4', {}, `--shard "1.5/4": ${FORMS}`],
    ['0/4', {}, '--shard 0/4: K counts from 1, so it must be from 1 to 4 (0-based indices come from the environment, with --shard auto/4)'],
    ['5/4', {}, '--shard 5/4: K counts from 1, so it must be from 1 to 4'],
    ['1/0', {}, '--shard 1/0: the shard count N must be from 1 to 10,000'],
    ['1/10001', {}, '--shard 1/10001: the shard count N must be from 1 to 10,000'],
    [
      'auto/4',
      {},
      "--shard auto/4 takes the shard's 0-based index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job), and neither is set; elsewhere give the shard as K/N, counted from 1: --shard 1/4 to --shard 4/4",
    ],
    ['auto/4', { JOB_COMPLETION_INDEX: '' }, 'JOB_COMPLETION_INDEX="" is not a shard index: --shard auto/4 needs a whole number from 0 to 3 there (0-based, as the Kubernetes Indexed Job sets it)'],
    ['auto/4', { JOB_COMPLETION_INDEX: 'one' }, 'JOB_COMPLETION_INDEX="one" is not a shard index'],
    ['auto/4', { JOB_COMPLETION_INDEX: '-1' }, 'JOB_COMPLETION_INDEX="-1" is not a shard index'],
    ['auto/4', { JOB_COMPLETION_INDEX: '1.0' }, 'JOB_COMPLETION_INDEX="1.0" is not a shard index'],
    ['auto/4', { AWS_BATCH_JOB_ARRAY_INDEX: '0x1' }, 'AWS_BATCH_JOB_ARRAY_INDEX="0x1" is not a shard index: --shard auto/4 needs a whole number from 0 to 3 there (0-based, as the AWS Batch array job sets it)'],
    ['auto/4', { JOB_COMPLETION_INDEX: '4' }, "JOB_COMPLETION_INDEX=4 is out of range for --shard auto/4: the index is 0-based, from 0 to 3; does the Job's completions equal 4?"],
    ['auto/2', { AWS_BATCH_JOB_ARRAY_INDEX: '7' }, "AWS_BATCH_JOB_ARRAY_INDEX=7 is out of range for --shard auto/2: the index is 0-based, from 0 to 1; does the array job's size equal 2?"],
    ['auto/4', { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '2' }, 'JOB_COMPLETION_INDEX=1 and AWS_BATCH_JOB_ARRAY_INDEX=2 disagree; which shard is this? Unset one, or give the shard as K/N'],
  ])('refuses %j with %j, naming the option or variable', (text, env, message) => {
    expect(() => parseShardOption(text, env)).toThrow(UsageError);
    expect(() => parseShardOption(text, env)).toThrow(message);
  });
});
