import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';
import { WITH_TARGETS } from './fixture.js';

/**
 * summary.json is read by other tools: a field an earlier arrcast wrote is written today, or the
 * README says it is gone (and what took its place). The earlier fields are those five earlier
 * builds wrote for this scenario (test/fixtures/summary-fields-history.json, made by
 * bench/summary-fields-history.mjs, whose path rule this repeats).
 */
function fieldPaths(summary: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, p: string): void => {
    if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object')) {
      for (const x of v) walk(x, `${p}[]`);
      return;
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
      return;
    }
    out.add(p);
  };
  walk(summary, '');
  return out;
}

const history = JSON.parse(readFileSync('test/fixtures/summary-fields-history.json', 'utf8')) as { firstWrittenBy: Record<string, string> };

const dir = mkdtempSync(join(tmpdir(), 'summary-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('summary.json fields of earlier versions', () => {
  it('are each written today or named in the README as gone', async () => {
    writeFileSync(join(dir, 'with-targets.yaml'), WITH_TARGETS);
    // 100 trials, in-process: every section is estimable from 12 (a field's presence is checked, not its value).
    const run = await runCli('run', join(dir, 'with-targets.yaml'), '-n', '100', '-w', '0', '-q', '--no-progress', '--outputs', 'summary', '-o', join(dir, 'out'));
    expect(run.err).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const today = fieldPaths(JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')));
    const readme = readFileSync('README.md', 'utf8');
    const gone = Object.keys(history.firstWrittenBy).filter((p) => !today.has(p));
    expect(gone.filter((p) => !readme.includes(`\`${p.slice(1)}\``))).toEqual([]);
    // The check sees the file: of the 1,558 earlier fields, only the nine the README names are gone.
    expect(gone.length).toBe(9);
  });
});
