import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { parseShardOption } from '../../src/cli/shard-option.js';
import { ROOT } from '../helpers/fixtures.js';

interface Job {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: { completionMode?: string; completions?: number; template: { spec: { containers: { command: string[]; args: string[] }[] } } };
}

describe('deploy/k8s-indexed-job.yaml', () => {
  const docs = parseAllDocuments(readFileSync(`${ROOT}deploy/k8s-indexed-job.yaml`, 'utf8')).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Job;
  });
  const jobs = docs.filter((d) => d.kind === 'Job');
  const shards = jobs.find((j) => j.spec.completionMode === 'Indexed')!;
  const merge = jobs.find((j) => j.metadata.name === 'arrcast-merge')!;

  it('runs one shard per index: --shard auto/N with N = completions, every index in range', () => {
    const [container] = shards.spec.template.spec.containers;
    expect(container!.command).toEqual(['arrcast']);
    expect(container!.args[0]).toBe('run');
    const shard = container!.args[container!.args.indexOf('--shard') + 1]!;
    const n = shards.spec.completions!;
    expect(shard).toBe(`auto/${n}`);
    for (let i = 0; i < n; i++) expect(parseShardOption(shard, { JOB_COMPLETION_INDEX: String(i) })).toMatchObject({ index: i, count: n });
    expect(container!.args[container!.args.indexOf('--out') + 1]).toBe('/parts/');
  });

  it('merges the parts directory in a Job of its own, kept apart by its label', () => {
    expect(merge.metadata.labels?.step).toBe('merge');
    expect(shards.metadata.labels?.step).not.toBe('merge');
    expect(merge.spec.template.spec.containers[0]!.args.slice(0, 2)).toEqual(['merge', '/parts/']);
  });
});
