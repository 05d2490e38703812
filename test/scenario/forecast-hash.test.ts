import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { forecastHash } from '../../src/scenario/forecast-hash.js';

/**
 * forecastHash (summary.json's scenario.forecastHash) is what `arrcast score` and `--with-stress` tell
 * forecasts apart by. Two files that forecast the same law must hash alike (else score counts the
 * forecast twice), and two that forecast different laws must not (else score refuses them).
 */
let dir: string;
const hashOf = async (name: string) => forecastHash(await loadScenario(join(dir, name)));

const smb = `  - name: SMB
    existing: { customersFile: book.csv, renewalRate: 0.9 }
    newBusiness:
      acv: 12000
      leadSources:
        - { grade: A, leadsPerMonth: 100, conversion: 0.1 }
        - { grade: "B\u00e9", leadsPerMonth: 300, conversion: 0.02 }
      terms: [{ months: 12, share: 0.75 }, { months: 24, share: 0.25 }]
`;
const ent = `  - name: Ent
    existing: { openingArr: 30M, customers: 50, renewalRate: 0.92 }
    newBusiness:
      leadsPerMonth: 10
      conversion: 0.2
      acv: 100000
      openingPipeline:
        file: pipe.csv
        groups: [{ count: 3, winProbability: 0.5, closeMonth: 2, amount: 90000 }, { count: 1, winProbability: 0.2, closeMonth: 5, amount: 250000 }]
`;
const plan = (tiers: string, head = 'name: Plan\nseed: 1\n') => `${head}tiers:\n${tiers}`;
const book = (rows: string[]) => `id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator\n${rows.join('\n')}\n`;
// c3 and c5 differ only after their health, not given (NaN) in both: the canonical order must look past it.
const rows = ['c1,SMB,12000,3,12,1,0.8,', 'c2,SMB,24000,7,12,0,0.4,', 'c3,SMB,600,,monthly,,,', 'c4,SMB,48000,14,24,2,0.9,0.05', 'c5,SMB,600,,monthly,3,,'];
const pipe = (rows: string[]) => `id,tier,amount,probability,close_month\n${rows.join('\n')}\n`;
const opps = ['o1,Ent,100000,0.5,3', 'o2,Ent,50000,0.25,6', 'o3,Ent,80000,0.8,1'];

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-forecast-hash-')));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write('book.csv', book(rows));
  write('pipe.csv', pipe(opps));
  write('plan.yaml', plan(smb + ent));
  // The same law, written otherwise.
  write('tiers-swapped.yaml', plan(ent + smb));
  write('sources-swapped.yaml', plan(smb.replace(/( {8}- \{ grade: A.*\n)( {8}- \{ grade: "B.*\n)/, '$2$1') + ent));
  write('terms-swapped.yaml', plan(smb.replace('[{ months: 12, share: 0.75 }, { months: 24, share: 0.25 }]', '[{ months: 24, share: 0.25 }, { months: 12, share: 0.75 }]') + ent));
  write('groups-swapped.yaml', plan(smb + ent.replace(/\[(\{ count: 3.*?\}), (\{ count: 1.*?\})\]/, '[$2, $1]')));
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'book.csv'), book([...rows].reverse()).replace(/\n/g, '\r\n'));
  writeFileSync(join(dir, 'other', 'pipe.csv'), `\uFEFF${pipe([opps[2]!, opps[0]!, opps[1]!])}`);
  writeFileSync(join(dir, 'other', 'plan.yaml'), `# a copy\r\n${plan(ent + smb, 'seed: 9\nname: Copy\n').replace(/\n/g, '\r\n')}`);
  // Names as they read: a tier in lower case, fullwidth, with a zero-width space; a lead source's grade in NFD.
  mkdirSync(join(dir, 'spelt'));
  writeFileSync(join(dir, 'spelt', 'book.csv'), book(rows));
  writeFileSync(join(dir, 'spelt', 'pipe.csv'), pipe(opps).replace(/Ent,/g, 'ENT,'));
  writeFileSync(join(dir, 'spelt', 'plan.yaml'), plan(smb.replace('grade: "B\u00e9"', 'grade: "Be\u0301"') + ent.replace('name: Ent', 'name: "\uff45\uff4e\uff54\u200b"')));
  // Another law: a value moved from one customer to another (each column's values the same multiset),
  // a pipeline row's probability changed, a tier renamed, a source's conversion changed.
  mkdirSync(join(dir, 'moved'));
  writeFileSync(join(dir, 'moved', 'book.csv'), book(['c1,SMB,12000,3,12,1,0.4,', 'c2,SMB,24000,7,12,0,0.8,', rows[2]!, rows[3]!, rows[4]!]));
  writeFileSync(join(dir, 'moved', 'pipe.csv'), pipe(opps));
  writeFileSync(join(dir, 'moved', 'plan.yaml'), plan(smb + ent));
  mkdirSync(join(dir, 'pipe-changed'));
  writeFileSync(join(dir, 'pipe-changed', 'book.csv'), book(rows));
  writeFileSync(join(dir, 'pipe-changed', 'pipe.csv'), pipe(['o1,Ent,100000,0.25,3', 'o2,Ent,50000,0.5,6', opps[2]!]));
  writeFileSync(join(dir, 'pipe-changed', 'plan.yaml'), plan(smb + ent));
  mkdirSync(join(dir, 'renamed'));
  writeFileSync(join(dir, 'renamed', 'book.csv'), book(rows));
  writeFileSync(join(dir, 'renamed', 'pipe.csv'), pipe(opps).replace(/Ent,/g, 'Enterprise,'));
  writeFileSync(join(dir, 'renamed', 'plan.yaml'), plan(smb + ent.replace('name: Ent', 'name: Enterprise')));
  write('source-changed.yaml', plan(smb.replace('conversion: 0.02', 'conversion: 0.03') + ent));
  // Distributions whose lists are sets: an empirical's values, a discrete's value-weight pairs.
  const dists = (acv: string, lag: string) => plan(smb.replace('acv: 12000', `acv: ${acv}\n      serviceStartLagMonths: ${lag}`) + ent);
  write('dists.yaml', dists('{ dist: empirical, values: [10000, 12000, 15000] }', '{ dist: discrete, values: [0, 1, 2], weights: [0.5, 0.3, 0.2] }'));
  write('dists-reordered.yaml', dists('{ dist: empirical, values: [15000, 10000, 12000] }', '{ dist: discrete, values: [2, 0, 1], weights: [0.2, 0.5, 0.3] }'));
  write('dists-weights-moved.yaml', dists('{ dist: empirical, values: [10000, 12000, 15000] }', '{ dist: discrete, values: [0, 1, 2], weights: [0.3, 0.5, 0.2] }'));
  // The pipeline's probabilities given by stage through the scenario's stage map.
  mkdirSync(join(dir, 'staged'));
  writeFileSync(join(dir, 'staged', 'book.csv'), book(rows));
  writeFileSync(join(dir, 'staged', 'pipe.csv'), 'id,tier,amount,stage,close_month\no1,Ent,100000,Demo,3\no2,Ent,50000,Lead,6\no3,Ent,80000,Contract,1\n');
  writeFileSync(join(dir, 'staged', 'plan.yaml'), plan(smb + ent.replace('file: pipe.csv', 'file: pipe.csv\n        stages: { Lead: 0.25, Demo: 0.5, Contract: 0.8 }')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('forecastHash', () => {
  it.each([
    ['the tiers in another order (their streams are seeded by name: the same draws)', 'tiers-swapped.yaml'],
    ["a tier's lead sources in another order", 'sources-swapped.yaml'],
    ['the contract terms in another order', 'terms-swapped.yaml'],
    ['the pipeline groups in another order', 'groups-swapped.yaml'],
    ["names spelt otherwise that read the same: a tier in lower case, fullwidth, with a zero-width space, a source's grade in NFD", 'spelt/plan.yaml'],
    ["the pipeline's probabilities given by stage, through a stage map giving the same probabilities", 'staged/plan.yaml'],
    ['a copy elsewhere: CRLF, a comment, tiers swapped, its book reversed with CRLF, its pipeline reordered with a BOM', 'other/plan.yaml'],
  ])('is the plan\'s for %s', async (_, file) => {
    expect(await hashOf(file)).toBe(await hashOf('plan.yaml'));
  });

  it("is one for an empirical's values and a discrete's value-weight pairs in another order (the same law), another for a weight moved to another value", async () => {
    expect(await hashOf('dists-reordered.yaml')).toBe(await hashOf('dists.yaml'));
    expect(await hashOf('dists-weights-moved.yaml')).not.toBe(await hashOf('dists.yaml'));
  });

  it.each([
    ['a health score moved from one customer to another', 'moved/plan.yaml'],
    ['two opportunities swapping their probabilities', 'pipe-changed/plan.yaml'],
    ['a tier renamed', 'renamed/plan.yaml'],
    ["a lead source's conversion changed", 'source-changed.yaml'],
  ])('differs from the plan\'s for %s', async (_, file) => {
    expect(await hashOf(file)).not.toBe(await hashOf('plan.yaml'));
  });
});
