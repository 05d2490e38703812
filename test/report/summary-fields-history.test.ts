import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * summary.json is read by other tools: a field an earlier arrcast wrote, or today's wrote when the
 * fixture was made, is written today, or the README lists it as removed. The fields are those of
 * every shipped scenario (scenarios/*.yaml): five earlier builds' runs of the file as it stood at
 * their commit, and today's at TRIALS, with the example's re-forecast from its actuals (today's
 * fields only) (test/fixtures/summary-fields-history.json, made by
 * bench/summary-fields-history.mjs, whose fieldPaths this repeats). After a change of the draws, a
 * field that depends on them (such as `direction`) may come or go for a file: re-make the fixture
 * with that script, which keeps every field the fixture had, so a field gone is still asked for here.
 */
const TRIALS = 100; // bench/summary-fields-history.mjs: TRIALS
/** The example's re-forecast from its shipped actuals, with its plan run's report as --plan (bench: REFORECAST). */
const REFORECAST = 'example.yaml --actuals example-actuals.csv --plan';

/** Each leaf's path: keys joined by '.', a list of objects as '[]'; a tier's and a lead source's name folded. */
function fieldPaths(summary: Record<string, unknown>): Set<string> {
  const fold = new Map<string, string>();
  for (const [tier, t] of Object.entries((summary.byTier ?? {}) as Record<string, { drivers?: Record<string, unknown> }>)) {
    fold.set(tier, '<tier>');
    // A lead-driven tier's drivers are keyed by source (A, or A/inbound since the channels).
    for (const d of ['conversion', 'leadsPerMonth'])
      for (const [k, v] of Object.entries((t?.drivers?.[d] ?? {}) as Record<string, unknown>)) if (v !== null && typeof v === 'object' && 'mean' in v) fold.set(k, '<source>');
  }
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
    out.add(
      p
        .split('.')
        .map((s) => fold.get(s) ?? s)
        .join('.'),
    );
  };
  walk(summary, '');
  return out;
}

/** The fields the README's "removed" list names (between its markers), as paths. */
function readmeRemoved(readme: string): string[] {
  const m = /<!-- summary\.json fields removed: begin -->([\s\S]*?)<!-- summary\.json fields removed: end -->/.exec(readme);
  if (!m) throw new Error('README.md: no list of removed summary.json fields (its markers are gone)');
  return [...m[1]!.matchAll(/^\s*- `([^`]+)`\s*$/gm)].map((x) => `.${x[1]}`);
}

interface History {
  readonly todayTrials: number;
  /** file -> path -> the first build that wrote it ('later': one after the five), then ' today' if today's did when the fixture was made. */
  readonly scenarios: Record<string, Record<string, string>>;
}
const history = JSON.parse(readFileSync('test/fixtures/summary-fields-history.json', 'utf8')) as History;

const dir = mkdtempSync(join(tmpdir(), 'summary-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const written = new Map<string, Set<string>>();
beforeAll(async () => {
  // The plan runs first: the re-forecast reads the example's as its --plan.
  for (const file of Object.keys(history.scenarios).sort((a, b) => Number(a === REFORECAST) - Number(b === REFORECAST))) {
    const extra = file === REFORECAST ? ['--actuals', 'scenarios/example-actuals.csv', '--plan', join(dir, 'example.yaml')] : [];
    // In process, 100 trials: fields are checked, not values (the summary is the same for the same seed and trials).
    const run = await runCli('run', join('scenarios', file === REFORECAST ? 'example.yaml' : file), ...extra, '-n', String(TRIALS), '-w', '0', '-q', '--no-progress', '--outputs', 'summary', '-o', join(dir, file));
    if (run.code !== 0) throw new Error(`${file}: exit ${run.code}: ${run.err}`);
    written.set(file, fieldPaths(JSON.parse(readFileSync(join(dir, file, 'summary.json'), 'utf8')) as Record<string, unknown>));
  }
});

describe('summary.json fields of earlier versions and of today', () => {
  it("covers every shipped scenario and the example's re-forecast, at the trials the fixture was made with", () => {
    expect(Object.keys(history.scenarios).sort()).toEqual([...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')), REFORECAST].sort());
    expect(history.todayTrials).toBe(TRIALS);
  });

  it('are each written today, or are exactly those the README lists as removed', () => {
    const anywhere = new Set([...written.values()].flatMap((s) => [...s]));
    const gone = new Set<string>();
    for (const [file, fields] of Object.entries(history.scenarios)) {
      const now = written.get(file)!;
      for (const [path, by] of Object.entries(fields)) {
        // Today's fields are deterministic for the file (same seed, same trials): each must be there again.
        // An earlier build's field today's did not write for this file (one that depends on the draws,
        // such as `direction`, or a field of another kind of tier) must be written for some shipped file.
        if (by.endsWith('today') ? !now.has(path) : !anywhere.has(path)) gone.add(path);
      }
    }
    // A failure names each field gone and not in the README's list, or listed and not gone.
    expect([...gone].sort()).toEqual(readmeRemoved(readFileSync('README.md', 'utf8')).sort());
  });
});
