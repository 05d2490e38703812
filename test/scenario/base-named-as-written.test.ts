import { describe, expect, it } from 'vitest';
import { realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { formatWarning, locateWarnings } from '../../src/analysis/plausibility.js';
import { warningsSection } from '../../src/report/html/warnings-section.js';
import { loadProblems, writeFiles } from '../helpers/fixtures.js';

/** A one-tier base whose renewal rate is out of range at line 7, column 20. */
const BAD_BASE = `name: Real base
tiers:
  - name: SMB
    existing:
      openingArr: 1200000
      customers: 100
      renewalRate: 1.5
`;

/** A base that loads: its opening ARR says which folder's file was read. */
const base = (openingArr: number) => `name: Base
tiers:
  - name: SMB
    existing:
      openingArr: ${openingArr}
      customers: 100
      renewalRate: 0.9
`;

/**
 * A base reached through `lnk/..` (lnk a link to real/sub, so `..` is real/, where the system opens
 * it) is named in messages and in `bases` as written, joined to the extending file's name, as a
 * scenario given on the command line so is: before, every message about such a base (its own
 * problems, a base it extends that is missing, a cycle) named the real path, which the user never
 * wrote. Each folder also holds a decoy at the place `lnk/..` names as text, so a name shown as
 * written must still be read where the system finds it.
 */
describe('a base reached through a link is named as written', () => {
  const dir = realpathSync(
    writeFiles({
      'real/sub/.keep': '',
      'real/bad.yaml': BAD_BASE,
      'real/good.yaml': base(1200000),
      'real/chain.yaml': 'extends: missing.yaml\n',
      'real/loop.yaml': 'extends: ../top-loop.yaml\n',
      // Decoys at the text join (./bad.yaml, ./good.yaml): never read.
      'bad.yaml': base(999),
      'good.yaml': base(999),
      'child.yaml': 'extends: lnk/../bad.yaml\nname: Child\n',
      'good-child.yaml': 'extends: lnk/../good.yaml\nname: Child\n',
      'missing-child.yaml': 'extends: lnk/../nothere.yaml\nname: Child\n',
      'chain-child.yaml': 'extends: lnk/../chain.yaml\nname: Child\n',
      'top-loop.yaml': 'extends: lnk/../loop.yaml\n',
    }),
  );
  symlinkSync('real/sub', join(dir, 'lnk'));

  it("names the base's own problem at its line in the base as written", async () => {
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      '<dir>/lnk/../bad.yaml:7:20 (<dir>/real/bad.yaml) tiers[0].existing.renewalRate: a rate must be within [0, 1], got 1.5; a renewal rate is at most 1 (100%: every customer due renews), as in 0.92 or 92%',
    ]);
  });

  it('records the base as written, and reads it where the system opens it', async () => {
    const loaded = await loadScenario(join(dir, 'good-child.yaml'));
    expect(loaded.bases).toEqual([`${dir}/lnk/../good.yaml`]);
    // real/good.yaml's book, not the decoy's (999).
    expect(loaded.scenario.tiers[0]!.existing?.openingArr).toBe(1200000);
  });

  // A missing base with the real path the system opened in parentheses (the name as written differs from it).
  it('names a missing base, a base of the base and a cycle as written', async () => {
    expect(await loadProblems(join(dir, 'missing-child.yaml'), dir)).toEqual(['<dir>/missing-child.yaml:1:10 extends: the base scenario <dir>/lnk/../nothere.yaml (<dir>/real/nothere.yaml): does not exist']);
    expect(await loadProblems(join(dir, 'chain-child.yaml'), dir)).toEqual(['<dir>/lnk/../chain.yaml:1:10 (<dir>/real/chain.yaml) extends: the base scenario <dir>/lnk/../missing.yaml (<dir>/real/missing.yaml): does not exist']);
    expect(await loadProblems(join(dir, 'top-loop.yaml'), dir)).toEqual([
      '<dir>/lnk/../loop.yaml:1:10 (<dir>/real/loop.yaml) extends: "../top-loop.yaml" makes a cycle: <dir>/top-loop.yaml -> <dir>/lnk/../loop.yaml (<dir>/real/loop.yaml) -> <dir>/lnk/../../top-loop.yaml (<dir>/top-loop.yaml)',
    ]);
  });

  // One rule for every message naming a file: a warning placed at a line of the base shows its real
  // path beside the place, as its problems do (good.yaml's renewalRate is line 7, column 20).
  it("a warning at a line of the base shows the base's real path", async () => {
    const loaded = await loadScenario(join(dir, 'good-child.yaml'));
    const path = ['tiers', 0, 'existing', 'renewalRate'];
    const [w] = locateWarnings([{ code: 'renewal-high', message: 'check it', path }], loaded.source, loaded.locate);
    expect(formatWarning(w!)).toBe(`arrcast: warning [renewal-high] ${dir}/lnk/../good.yaml:7:20 (${dir}/real/good.yaml) tiers[0].existing.renewalRate: check it`);
    expect(warningsSection([w!])).toContain(`<code>${dir}/lnk/../good.yaml:7:20 (${dir}/real/good.yaml) tiers[0].existing.renewalRate</code>`);
  });
});
