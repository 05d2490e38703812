import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, type LoadedScenario } from '../../src/scenario/parse.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The text of a fixture in test/fixtures. */
export const fixtureText = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** Parse scenario YAML written inline in a test. */
export const scenarioFrom = (yaml: string, source = 'test.yaml'): LoadedScenario => parseScenario(yaml, source);

import { simulate, type Simulation } from '../../src/engine/simulate.js';

/** Run inline scenario YAML in-process (no pool) and return the simulation. */
export async function run(yaml: string, trials: number, seed: number | string = 1): Promise<Simulation> {
  return simulate(scenarioFrom(yaml), { trials, seed, workers: 0 });
}

/** A per-trial column of a simulation, as float64. */
export function column(sim: Simulation, key: string): Float64Array {
  const c = sim.store.column(key);
  if (!c) throw new Error(`no column ${key}; have ${sim.plan.layout.columns.map((x) => x.key).join(', ')}`);
  return Float64Array.from(c);
}

/** Sample mean and its standard error. */
export function meanAndSe(xs: ArrayLike<number>): { mean: number; se: number; sd: number } {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return { mean, se: sd / Math.sqrt(n), sd };
}

/**
 * The sample mean of `xs` is within 4 standard errors of `expected` (a two-sided test with a false
 * alarm rate of 6e-5 for a mean that is right, by the central limit theorem).
 */
export function expectWithin4Se(xs: ArrayLike<number>, expected: number): void {
  const { mean, se } = meanAndSe(xs);
  expect(se).toBeGreaterThan(0);
  expect(Math.abs(mean - expected), `mean ${mean} vs ${expected} (SE ${se})`).toBeLessThanOrEqual(4 * se);
}

/** Each of `sim`'s columns named in `expected` has its mean within 4 standard errors of its value (expectWithin4Se). */
export function expectMeansWithin4Se(sim: Simulation, expected: Readonly<Record<string, number>>): void {
  for (const [key, value] of Object.entries(expected)) expectWithin4Se(column(sim, key), value);
}

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/** A fresh temporary directory with these files written into it (names may include sub-folders). */
export function writeFiles(contents: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-files-'));
  for (const [name, text] of Object.entries(contents)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The lines of the ScenarioError loading `file` throws, with the directory `dir` written `<dir>`. */
export async function loadProblems(file: string, dir: string): Promise<string[]> {
  try {
    await loadScenario(file);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return err.message.split(`${dir}/`).join('<dir>/').split('\n');
  }
  throw new Error(`${file} loaded without error`);
}

/**
 * Write a scenario and the data files it names into a fresh temporary folder, load it from there
 * (so files resolve relative to it) and run it in-process.
 */
export async function runWithFiles(yaml: string, files: Record<string, string>, trials: number, seed: number | string = 1): Promise<Simulation> {
  const dir = writeFiles({ ...files, 'scenario.yaml': yaml });
  return simulate(await loadScenario(join(dir, 'scenario.yaml')), { trials, seed, workers: 0 });
}

/** The lines of the ScenarioError `f` throws (any other error is rethrown; none fails). */
export function scenarioErrorLines(f: () => unknown): string[] {
  try {
    f();
  } catch (err) {
    if (err instanceof ScenarioError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected a ScenarioError');
}
