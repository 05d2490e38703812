import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import { compareSimulations } from '../../src/analysis/compare.js';
import { metricKey } from '../../src/analysis/columns.js';
import { lookKey, nameKey } from '../../src/scenario/name-key.js';

/**
 * A name that reads as a tier's is that tier, wherever it is written: the scenario refuses two tiers
 * whose names read alike (lookKey: other space characters, runs of spaces and tabs, case, NFC/NFD,
 * invisible characters, fullwidth letters), and every place that finds a tier by a name written
 * elsewhere uses the same key (nameKey). Each case below failed before: a target on "Big\u00a0Co"
 * was refused beside a tier "Big Co", and fit stopped with an internal error on a history holding
 * both spellings. compare is the exception: a tier's streams are keyed by its exact name, so two
 * spellings draw unpaired, and its note must say so rather than call them paired.
 */
const NBSP = '\u00a0';
// smbArr: compare refuses two scenarios that are one forecast (tier names read as score reads them), so
// its pair differs in SMB's opening ARR too.
const scenario = (big: string, target = '', smbArr = 500000) => `name: x
seed: 3
tiers:
  - name: ${JSON.stringify(big)}
    existing: { openingArr: 1000000, customers: 20, renewalRate: { dist: beta, mean: 0.9, sd: 0.03 } }
  - name: SMB
    existing: { openingArr: ${smbArr}, customers: 40, renewalRate: { dist: beta, mean: 0.85, sd: 0.04 } }
${target}`;

describe('the look-alike key', () => {
  it('collapses runs of white space and tabs, as report.html and the charts show them', () => {
    for (const other of ['Big  Co', 'Big\tCo', `Big${NBSP}Co`, ' big \t co ', 'BIG\u2009\u2009CO'])
      expect([lookKey(other), nameKey(other)], JSON.stringify(other)).toEqual(['big co', 'big co']);
    expect(lookKey('BigCo')).not.toBe(lookKey('Big Co'));
  });
});

describe('finding a tier by a name that reads as its own', () => {
  it("a target's tier", async () => {
    const target = `targets:\n  metrics:\n    - { metric: revenue, tier: "Big\\u00a0Co", value: 900000 }\n`;
    // Before: 'no tier is named "Big Co"' (the no-break space printed as a space).
    const loaded = parseScenario(scenario('Big Co', target), 'x.yaml');
    const sim = await simulate(loaded, { trials: 50, workers: 0 });
    expect(metricKey(sim, 'revenue', `Big${NBSP}Co`)).toBe('tier.Big Co.revenue');
    expect(metricKey(sim, 'revenue', 'big  co')).toBe('tier.Big Co.revenue');
  });

  it('compare does not pair a tier two scenarios spell otherwise, and says why', async () => {
    const [a, b] = await Promise.all([scenario('Big Co'), scenario(`Big${NBSP}Co`, '', 510000)].map((text, i) => simulate(parseScenario(text, `${'ab'[i]}.yaml`), { trials: 200, seed: 5, workers: 0 })));
    const c = compareSimulations([a!, b!]);
    // A tier's streams are keyed by its exact name: the two spellings draw other numbers, so they must
    // not be called paired ('Every scenario has the same tiers: trial i of each shares every random number').
    expect(c.sharedTiers).toEqual(['SMB']);
    expect(c.sameTiers).toBe(false);
    const ra = a!.store.column('tier.Big Co.revenue')!;
    const rb = b!.store.column(`tier.Big${NBSP}Co.revenue`)!;
    expect(Array.from(ra)).not.toEqual(Array.from(rb));
    expect(c.pairing).toContain(`B's tier "Big${NBSP}Co" reads as A's "Big Co" but is spelt otherwise (a space written as another character, such as a no-break space)`);
  });
});

describe('arrcast fit on a history that spells one tier two ways', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'arrcast-alike-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([`Big${NBSP}Co`, 'Big  Co', 'Big\tCo'])('%j after "Big Co": exit 2 at its first line, nothing written', async (other) => {
    const header = 'month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr';
    const rows = ['Big Co', other].flatMap((t) => Array.from({ length: 12 }, (_, k) => `${k + 1},"${t}",1000,30,300000,1000000,80000,70000`));
    const file = join(dir, 'h.csv');
    const out = join(dir, 'f.yaml');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const r = await runCli('fit', file, '--out', out);
    // Before: exit 1, 'internal error: the fitted scenario does not validate'.
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(2);
    // The other spelling's first row: line 14 (the header, then 12 rows of "Big Co").
    expect(r.err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:14:\\d+ .*spelled differently`));
    expect(existsSync(out)).toBe(false);
  });
});
