import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { SAME_LAW } from '../../src/scenario/one-forecast.js';

/**
 * A report written by arrcast at 452f165 states a forecastHash computed another way, and no
 * forecastHashVersion: beside one of this arrcast's, of the same forecast with another seed, score
 * read them as two forecasts and scored a row for every report against both. Its identity is computed
 * afresh from its scenario.json where that holds the whole forecast; else score says it cannot tell.
 *
 * The old reports are this build's, edited to what 452f165's build writes (its summary.json's
 * scenario section, run by hand with that build: no forecastHashVersion, and these forecastHashes).
 */
const OLD_HASH = { plan: '094b436a4a0983a6ef95a5062bfffa6c974b887e3517e6e0b51a87316440079b', book: '4f00469b5b36850613f3b6ef204f863a610cb7614e34c83abefdffaf77a6f452' };
const SEASONAL = 'name: Versions\nseed: 1\ntiers:\n  - name: SMB\n    newBusiness: { leadsPerMonth: 100, conversion: 0.1, acv: 12k';
const V2_SEASONAL_HASH = '16aa0257792663afdbb60472cbc4499adb9a6c3c82ee12cf3221236483cd9040';
let dir: string;
let outcomes: string;

const run = async (scenario: string, out: string, seed: string) => {
  const r = await runCli('run', join(dir, scenario), '--trials', '40', '--seed', seed, '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, out), '--outputs', 'summary,trials');
  if (r.code !== 0) throw new Error(r.err);
};
/** A copy of `from` whose summary.json is as 452f165 wrote it: its forecastHash, no version. */
const asOld = (from: string, to: string, hash: string, version?: string) => {
  cpSync(join(dir, from), join(dir, to), { recursive: true });
  const file = join(dir, to, 'summary.json');
  const summary = JSON.parse(readFileSync(file, 'utf8')) as { scenario: Record<string, unknown> };
  expect(summary.scenario.forecastHashVersion).toBe('3');
  if (version === undefined) delete summary.scenario.forecastHashVersion;
  else summary.scenario.forecastHashVersion = version;
  summary.scenario.forecastHash = hash;
  writeFileSync(file, JSON.stringify(summary, null, 2));
};

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-hash-version-')));
  writeFileSync(join(dir, 'plan.yaml'), 'name: Versions\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n  - name: Ent\n    existing: { openingArr: 30M, customers: 50, renewalRate: 0.92 }\n');
  writeFileSync(join(dir, 'book.csv'), 'id,tier,arr,next_renewal,term_months\na,SMB,6000000,3,12\nb,SMB,6000000,9,12\n');
  writeFileSync(join(dir, 'book.yaml'), 'name: Versions\nseed: 1\ntiers:\n  - name: SMB\n    existing: { customersFile: book.csv, renewalRate: 0.9 }\n');
  await run('plan.yaml', 'plan', '1');
  await run('plan.yaml', 'plan-again', '2');
  await run('book.yaml', 'book', '1');
  await run('book.yaml', 'book-again', '2');
  asOld('plan', 'old-plan', OLD_HASH.plan);
  // Version 2 (e7cc422's build, `forecastHash(parseScenario(text))` run by hand) hashed a seasonality
  // as written: [2, ...] apart from none, which the model reads alike (both average 1).
  writeFileSync(join(dir, 'seasonal.yaml'), `${SEASONAL}, seasonality: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2] }\n`);
  writeFileSync(join(dir, 'flat.yaml'), `${SEASONAL} }\n`);
  await run('seasonal.yaml', 'seasonal', '1');
  await run('flat.yaml', 'flat', '2');
  asOld('seasonal', 'v2-seasonal', V2_SEASONAL_HASH, '2');
  asOld('book', 'old-book', OLD_HASH.book);
  outcomes = join(dir, 'outcomes.csv');
  writeFileSync(outcomes, 'tier,metric,value\ntotal,revenue,40000000\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('score with a report written by an arrcast before forecastHashVersion', () => {
  it('tells it one forecast with this version\'s run of its scenario (its scenario.json hashed afresh)', async () => {
    const r = await runCli('score', join(dir, 'old-plan'), join(dir, 'plan-again'), '--actuals', outcomes);
    expect(r.err).toContain(`"${dir}/old-plan" and "${dir}/plan-again" are one forecast`);
    expect(r.err).not.toContain('different arrcast versions');
    expect(r.code).toBe(2);
  });

  it('says it cannot tell when the scenario names a customer book (its data is not in the report)', async () => {
    const r = await runCli('score', join(dir, 'old-book'), join(dir, 'book-again'), '--actuals', outcomes);
    expect(r.err).toContain(`arrcast: "${dir}/old-book" and "${dir}/book-again" were written by different arrcast versions`);
    expect(r.err).toContain('cannot tell whether they are one forecast');
    expect(r.code).toBe(0);
  });

  it('says it cannot tell when its scenario.json is not the one its summary was written from', async () => {
    cpSync(join(dir, 'old-plan'), join(dir, 'old-edited'), { recursive: true });
    const file = join(dir, 'old-edited', 'scenario.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"renewalRate": 0.92', '"renewalRate": 0.5'));
    const r = await runCli('score', join(dir, 'old-edited'), join(dir, 'plan-again'), '--actuals', outcomes);
    expect(r.err).toContain('were written by different arrcast versions');
    expect(r.code).toBe(0);
  });

  it("tells a version 2 report one forecast with this version's run of the same law written otherwise (its scenario.json hashed afresh)", async () => {
    const r = await runCli('score', join(dir, 'v2-seasonal'), join(dir, 'flat'), '--actuals', outcomes);
    expect(r.err).toContain(`"${dir}/v2-seasonal" and "${dir}/flat" are one forecast`);
    // Why, in the one sentence compare and --with-stress give (SAME_LAW): true of this pair, which
    // differs in how a seasonality is written, where score's own ("but for seed, trials, name,
    // description or targets") was false.
    expect(r.err).toContain(`are one forecast (${SAME_LAW}, from the same closed months`);
    expect(r.code).toBe(2);
  });

  it('says nothing of versions for two reports of this arrcast', async () => {
    const r = await runCli('score', join(dir, 'book'), join(dir, 'book-again'), '--actuals', outcomes);
    expect(r.err).not.toContain('arrcast versions');
    expect(r.err).toContain('are one forecast');
  });
});
