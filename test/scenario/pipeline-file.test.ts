import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { FiscalCalendar } from '../../src/scenario/csv-table.js';
import { loadPipelines, readPipelines, type PipelineBook } from '../../src/scenario/pipeline-file.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { scenarioErrorLines } from '../helpers/fixtures.js';

const H = 'id,tier,amount,probability,close_month';
const HS = 'id,tier,amount,probability,stage,close_month';
const TIERS = ['ent'];
const ALL = ['smb', 'ent'];
const CAL: FiscalCalendar = { year: 2027, startMonth: 2 };
const STAGES = { Discovery: 0.1, Proposal: 0.35, Negotiation: 0.6 };

const read = (text: string | Buffer, opts: { calendar?: FiscalCalendar; stages?: Record<string, number> | null } = {}) =>
  readPipelines(text, 'p.csv', TIERS, ALL, opts.calendar ?? CAL, opts.stages === null ? undefined : (opts.stages ?? STAGES));

const messages = scenarioErrorLines;

const plain = (b: PipelineBook | undefined) => b && { size: b.size, amount: [...b.amount], probability: [...b.probability], closeMonth: [...b.closeMonth] };

/** Broken pipelines and the exact lines of the error (file:line:column, column name, message). */
const cases: Array<{ name: string; csv: string; expected: string[]; calendar?: FiscalCalendar; stages?: Record<string, number> | null }> = [
  { name: 'a negative amount', csv: `${H}\no1,ent,-100,0.5,3\n`, expected: ['p.csv:2:8 amount: must be at least 0, got -100'] },
  { name: 'a thousands separator', csv: `${H}\no1,ent,"80,000",0.5,3\n`, expected: ['p.csv:2:8 amount: "80,000": has a comma that is a thousands separator or a decimal comma; write 80000 (a thousands separator) or 80 (a decimal comma), whichever it is'] },
  // The percent hint is scenario/percent-hint.ts's, as a scenario's probability gets it: 1.5 had none (the reader's own band began at 2), 33.3 was told 0.33299999999999996.
  { name: 'a probability above 1', csv: `${H}\no1,ent,100,1.5,3\n`, expected: ['p.csv:2:12 probability: must be a win probability within [0, 1], got 1.5 (write 1.5% as 0.015)'] },
  { name: 'a probability of 33.3', csv: `${H}\no1,ent,100,33.3,3\n`, expected: ['p.csv:2:12 probability: must be a win probability within [0, 1], got 33.3 (write 33.3% as 0.333)'] },
  { name: 'a probability past 100', csv: `${H}\no1,ent,100,150,3\n`, expected: ['p.csv:2:12 probability: must be a win probability within [0, 1], got 150'] },
  {
    name: 'a probability in percent',
    csv: `${H}\no1,ent,100,40,3\n`,
    expected: ['p.csv:2:12 probability: must be a win probability within [0, 1], got 40 (write 40% as 0.4)'],
  },
  {
    name: 'a misspelt stage',
    csv: `${HS}\no1,ent,100,,Negotation,3\n`,
    expected: ['p.csv:2:13 stage: unknown stage "Negotation" (did you mean "Negotiation"?); the stages are: Discovery, Proposal, Negotiation'],
  },
  {
    name: 'an unknown stage',
    csv: `${HS}\no1,ent,100,,Closed Won,3\n`,
    expected: ['p.csv:2:13 stage: unknown stage "Closed Won"; the stages are: Discovery, Proposal, Negotiation'],
  },
  {
    name: 'a stage without a stage map',
    csv: `${HS}\no1,ent,100,,Proposal,3\n`,
    stages: null,
    expected: ['p.csv:2:13 stage: stage "Proposal" needs openingPipeline.stages in the scenario (the win probability of each stage); or give the probability'],
  },
  { name: 'both a probability and a stage', csv: `${HS}\no1,ent,100,0.3,Proposal,3\n`, expected: ['p.csv:2:16 stage: give a probability or a stage, not both'] },
  { name: 'neither a probability nor a stage', csv: `${HS}\no1,ent,100,,,3\n`, expected: ['p.csv:2:12 probability: is required: give a probability or a stage'] },
  { name: 'an empty probability', csv: `${H}\no1,ent,100,,3\n`, expected: ['p.csv:2:12 probability: is required: the win probability, 0 to 1'] },
  {
    name: 'no probability or stage column',
    csv: 'id,tier,amount,close_month\no1,ent,100,3\n',
    expected: ['p.csv:1:1 needs a "probability" or a "stage" column (the win probability of each opportunity)'],
  },
  {
    name: 'an expected close before the year',
    csv: `${H}\no1,ent,100,0.5,2027-01-31\n`,
    expected: ['p.csv:2:16 close_month: "2027-01-31": expected close before the year starts (2027-02); it is overdue: give month 1'],
  },
  {
    name: 'a close month after the year',
    csv: `${H}\no1,ent,100,0.5,13\n`,
    expected: ['p.csv:2:16 close_month: month 13 is after the fiscal year (which starts 2027-02): drop opportunities expected to close after the year from the file'],
  },
  {
    name: 'a close date after the year',
    csv: `${H}\no1,ent,100,0.5,2028-02\n`,
    expected: ['p.csv:2:16 close_month: "2028-02" is after the fiscal year (which starts 2027-02): drop opportunities expected to close after the year from the file'],
  },
  {
    name: 'a close date without the fiscal year',
    csv: `${H}\no1,ent,100,0.5,2027-03\n`,
    calendar: { startMonth: 2 },
    expected: ['p.csv:2:16 close_month: dates need fiscalYear in the scenario; or give the fiscal month number'],
  },
  { name: 'a duplicate id', csv: `${H}\no1,ent,100,0.5,3\no1,ent,100,0.5,3\n`, expected: ['p.csv:3:1 id: "o1" is used twice (also line 2)'] },
  { name: 'a tier from another file', csv: `${H}\no1,SMB,100,0.5,3\n`, expected: ['p.csv:2:4 tier: tier "smb" does not take its pipeline from this file'] },
  { name: 'a misspelt tier', csv: `${H}\no1,entt,100,0.5,3\n`, expected: ['p.csv:2:4 tier: no tier is named "entt" (did you mean "ent"?)'] },
  { name: 'wrong field count', csv: `${H}\no1,ent,100,0.5\n`, expected: ['p.csv:2:1 has 4 fields but the header has 5'] },
  {
    name: 'an unknown column with a hint',
    csv: 'id,tier,amount,win probability,close_month\no1,ent,100,0.5,3\n',
    expected: [
      'p.csv:1:1 needs a "probability" or a "stage" column (the win probability of each opportunity)',
      'p.csv:1:16 unknown column "win probability" (did you mean "probability"?)',
    ],
  },
  {
    name: 'an empty file',
    csv: '',
    expected: ['p.csv is empty: it has no opportunities (expected a header row naming the columns, then one row per opportunity)'],
  },
  { name: 'a header only', csv: `${H}\n`, expected: ['p.csv:1:1 has no opportunities: it has only a header row'] },
];

describe('bad pipeline files: every problem at once, with line, column and column name', () => {
  it.each(cases)('$name', ({ csv, expected, calendar, stages }) => {
    expect(messages(() => read(csv, { calendar, stages }))).toEqual(expected);
  });

  it('needs a row for every tier that takes its pipeline from the file', () => {
    expect(messages(() => readPipelines(`${H}\no1,ent,100,0.5,3\n`, 'p.csv', ['smb', 'ent'], ALL, CAL, undefined))).toEqual([
      'p.csv tier: tier "smb" has no opportunities in this file',
    ]);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(messages(() => read(Buffer.from([0x69, 0x64, 0xc3, 0x28, 0x0a])))).toEqual(['p.csv:1:3 is not UTF-8 text (byte 0xc3 here): save it as "CSV UTF-8"']);
  });
});

describe('reading a pipeline file', () => {
  it('takes the probability from its column or from the stage map (case-insensitive), months from numbers or dates', () => {
    const csv = [
      '\uFEFF' + HS,
      'o1,ent,80000,0.4,,3',
      'o2,ENT,120000,,proposal,2027-05',
      '"o3, renewal",ent,0,, NEGOTIATION ,2028-01-31',
      'o4,smb,5000,0.9,,1',
      'o5,smb,7000,,Discovery,2027-02',
    ].join('\r\n');
    const books = readPipelines(csv, 'p.csv', ['smb', 'ent'], ALL, CAL, STAGES);
    expect([...books.keys()]).toEqual(['smb', 'ent']);
    // 2027-05 with a year from 2027-02: (5 - 2) + 1 = 4; 2028-01: 12 + (1 - 2) + 1 = 12.
    expect(plain(books.get('ent'))).toEqual({ size: 3, amount: [80000, 120000, 0], probability: [0.4, 0.35, 0.6], closeMonth: [3, 4, 12] });
    expect(plain(books.get('smb'))).toEqual({ size: 2, amount: [5000, 7000], probability: [0.9, 0.1], closeMonth: [1, 1] });
    const ent = books.get('ent')!;
    expect(ent.file).toBe('p.csv');
    for (const a of [ent.amount, ent.probability, ent.closeMonth]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('matches a stage written in another Unicode form (NFD in the file, NFC in the scenario), as tier names are', () => {
    // Before: 'unknown stage "Négociation" (did you mean "Négociation"?)', the file refused for a
    // stage that reads the same (a file saved on a Mac writes é as e + U+0301).
    const stages = { 'N\u00e9gociation': 0.6, Proposal: 0.35 };
    const csv = `${HS}\no1,ent,100,,Ne\u0301gociation,3\no2,ent,200,,NE\u0301GOCIATION,4\n`;
    expect(plain(read(csv, { stages }).get('ent'))).toEqual({ size: 2, amount: [100, 200], probability: [0.6, 0.6], closeMonth: [3, 4] });
  });

  it('needs no stage map when the stage column is empty', () => {
    expect(plain(read(`${HS}\no1,ent,100,0.5,,3\n`, { stages: null }).get('ent'))).toEqual({ size: 1, amount: [100], probability: [0.5], closeMonth: [3] });
  });

  it('reads 5,000 opportunities with the right sums', () => {
    const lines = [HS];
    let amount = 0;
    let probability = 0;
    let months = 0;
    const names = Object.keys(STAGES) as Array<keyof typeof STAGES>;
    for (let i = 0; i < 5000; i++) {
      const a = (i * 37) % 90_001;
      const m = 1 + (i % 12);
      const stage = i % 3 === 0 ? names[i % names.length]! : '';
      const p = stage === '' ? (i % 101) / 100 : STAGES[stage];
      amount += a;
      probability += p;
      months += m;
      lines.push(`o${i},ent,${a},${stage === '' ? p : ''},${stage},${i % 2 === 0 ? m : `${m === 12 ? 2028 : 2027}-${String((m % 12) + 1).padStart(2, '0')}`}`);
    }
    // Odd rows give dates: in a year from February 2027, fiscal month m is calendar month (m mod 12) + 1 (of 2028 for m = 12).
    const ent = read(lines.join('\n')).get('ent')!;
    expect(ent.size).toBe(5000);
    expect(ent.amount.reduce((s, x) => s + x, 0)).toBe(amount);
    expect(ent.probability.reduce((s, x) => s + x, 0)).toBeCloseTo(probability, 9);
    expect(ent.closeMonth.reduce((s, x) => s + x, 0)).toBe(months);
  });
});

describe('loading a pipeline file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-pipeline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/books/pipeline.csv', import.meta.url));
    const books = await loadPipelines(fixture, 'pipeline.csv', ['SMB', 'Enterprise'], ['SMB', 'Enterprise'], CAL, { proposal: 0.35, Commit: 0.8 });
    expect(plain(books.get('Enterprise'))).toEqual({ size: 2, amount: [80000, 120000], probability: [0.4, 0.35], closeMonth: [3, 4] });
    expect(plain(books.get('SMB'))).toEqual({ size: 1, amount: [5000], probability: [0.8], closeMonth: [1] });
  });

  it('refuses a directory', async () => {
    await expect(loadPipelines(dir, 'pipes/', TIERS, ALL, CAL, undefined)).rejects.toThrow(new ScenarioError('pipes/', [{ path: [], message: 'is a directory, not a CSV file' }]));
  });
});
