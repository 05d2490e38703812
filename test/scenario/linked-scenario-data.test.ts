import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioPathPolicy } from '../../src/scenario/path-policy.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { loadedFromPart } from '../../src/engine/merge.js';
import { readPartHeader, writePartFile } from '../../src/engine/part-file.js';
import { simulateShard } from '../../src/engine/simulate.js';
import { ROOT } from '../helpers/fixtures.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * A scenario given through a symbolic link reads its data files from the link's folder (the folder
 * of the path given), as a regular file there would: the README's rule. Every command reads a
 * scenario through one of three doors, each checked here: loadScenario (run, validate, compare,
 * run --actuals, --with-stress), the studio's openStudioScenario (whose saved what-ifs extend the
 * link by name, in the link's folder), and merge's loadedFromPart (the source the shards named).
 * The link's folder holds a customer book one customer shorter than the target's folder, so which
 * folder was read shows in the books loaded.
 */
describe("a symlinked scenario's data files resolve from the link's folder, in every command", () => {
  const top = mkdtempSync(join(tmpdir(), 'arrcast-linked-scenario-'));
  const real = join(top, 'real');
  const links = join(top, 'links');
  for (const dir of [join(real, 'data'), join(links, 'data')]) mkdirSync(dir, { recursive: true });
  copyFileSync(join(ROOT, 'scenarios/hybrid-company.yaml'), join(real, 'plan.yaml'));
  const book = readFileSync(join(ROOT, 'scenarios/data/hybrid-customers.csv'), 'utf8');
  writeFileSync(join(real, 'data/hybrid-customers.csv'), book);
  // The link's folder: the last customer left out.
  writeFileSync(join(links, 'data/hybrid-customers.csv'), `${book.trimEnd().split('\n').slice(0, -1).join('\n')}\n`);
  for (const dir of [real, links]) copyFileSync(join(ROOT, 'scenarios/data/hybrid-pipeline.csv'), join(dir, 'data/hybrid-pipeline.csv'));
  symlinkSync('../real/plan.yaml', join(links, 'plan.yaml'));
  copyFileSync(join(real, 'plan.yaml'), join(links, 'copy.yaml'));
  const link = join(links, 'plan.yaml');

  it('loadScenario (run, validate, compare, re-forecast) and the studio read the link folder’s book; so does merge', async () => {
    const [viaLink, asCopy, atTarget] = await Promise.all([loadScenario(link), loadScenario(join(links, 'copy.yaml')), loadScenario(join(real, 'plan.yaml'))]);
    // Which book was read: the link's folder's, as a regular file there reads it, not the target's.
    expect(viaLink.files?.books).toEqual(asCopy.files?.books);
    expect(viaLink.files?.books).not.toEqual(atTarget.files?.books);
    expect(viaLink.hash).toBe(asCopy.hash);

    // The studio reads the link's target by name, as a what-if's base: its folder must be allowed (README).
    const studio = await openStudioScenario(link, { allowedRoots: [real] });
    expect(studio.loaded.files?.books).toEqual(asCopy.files?.books);

    const part = join(top, 'p.arrcast-part');
    await writePartFile(part, await simulateShard(viaLink, { trials: 20, seed: 1, workers: 0, shard: { index: 0, count: 1 } }));
    const merged = await loadedFromPart(await readPartHeader(part), await scenarioPathPolicy(link));
    expect(merged.files?.books).toEqual(asCopy.files?.books);
  });

  // `up/../plan.yaml`, up a link to real/sub: the system opens real/plan.yaml, and path.join read its
  // book from links/data (taking `up/..` away as text), the other folder's, without a word.
  it('a `..` after a link to a folder goes up from where the link points, for the scenario and its files alike', async () => {
    mkdirSync(join(real, 'sub'), { recursive: true });
    symlinkSync('../real/sub', join(links, 'up'));
    const through = `${links}/up/../plan.yaml`;
    const [atTarget, inLinks] = await Promise.all([loadScenario(join(real, 'plan.yaml')), loadScenario(join(links, 'copy.yaml'))]);
    const loaded = await loadScenario(through);
    expect(loaded.files?.books).toEqual(atTarget.files?.books);
    expect(loaded.files?.books).not.toEqual(inLinks.files?.books);
    expect(loaded.hash).toBe(atTarget.hash);
    // Relative to the working directory too, and in the studio (whose saved states go beside the scenario).
    const saved = process.cwd();
    process.chdir(links);
    try {
      const relative = await loadScenario('up/../plan.yaml');
      expect(relative.files?.books).toEqual(atTarget.files?.books);
      // Read physically, but shown and recorded as given (a part's header, messages): not /tmp/.../real/plan.yaml.
      expect(relative.source).toBe('up/../plan.yaml');
      const part = join(top, 'up.arrcast-part');
      await writePartFile(part, await simulateShard(relative, { trials: 20, seed: 1, workers: 0, shard: { index: 0, count: 1 } }));
      expect((await readPartHeader(part)).header.scenario.source).toBe('up/../plan.yaml');
    } finally {
      process.chdir(saved);
    }
    expect((await openStudioScenario(through)).loaded.files?.books).toEqual(atTarget.files?.books);

    // The same `..` inside the file: a customersFile, and an extends whose base's files are then read beside the base.
    const plan = readFileSync(join(real, 'plan.yaml'), 'utf8');
    expect(plan).toContain('customersFile: data/hybrid-customers.csv');
    writeFileSync(join(links, 'data-through.yaml'), plan.replaceAll('customersFile: data/hybrid-customers.csv', 'customersFile: up/../data/hybrid-customers.csv'));
    writeFileSync(join(links, 'child.yaml'), 'extends: up/../plan.yaml\n');
    for (const file of ['data-through.yaml', 'child.yaml']) {
      const viaValue = await loadScenario(join(links, file), { allowedRoots: [real] });
      expect(viaValue.files?.books).toEqual(atTarget.files?.books);
      expect(viaValue.files?.books).not.toEqual(inLinks.files?.books);
    }
  });

  // A base's own paths were rewritten as text, relative(toDir, join(fromDir, value)): b2.yaml read by
  // itself took real/data's book, extended by c.yaml links/data's (opening ARR differed silently);
  // and a top file reached through a link two folders deep named real/real/data, a path nobody wrote.
  it("a base's data paths are found from the base's folder as the system opens them, however it is reached", async () => {
    mkdirSync(join(real, 'sub/deeper'), { recursive: true });
    for (const name of ['up', 'deep']) symlinkSync(name === 'up' ? '../real/sub' : '../real/sub/deeper', join(links, name === 'up' ? 'up2' : 'deep'));
    const atTarget = await loadScenario(join(real, 'plan.yaml'));
    const plan = readFileSync(join(real, 'plan.yaml'), 'utf8');
    writeFileSync(join(links, 'b2.yaml'), plan.replaceAll('customersFile: data/hybrid-customers.csv', 'customersFile: up2/../data/hybrid-customers.csv'));
    writeFileSync(join(links, 'c.yaml'), 'extends: b2.yaml\n');
    const direct = await loadScenario(join(links, 'b2.yaml'), { allowedRoots: [real] });
    const extended = await loadScenario(join(links, 'c.yaml'), { allowedRoots: [real] });
    expect(direct.files?.books).toEqual(atTarget.files?.books);
    expect(extended.files?.books).toEqual(direct.files?.books);
    writeFileSync(join(real, 'sub/deeper/top.yaml'), 'extends: ../../plan.yaml\n');
    const viaLink = await loadScenario(join(links, 'deep/top.yaml'), { allowedRoots: [real] });
    expect(viaLink.files?.books).toEqual(atTarget.files?.books);
  });

  // `notes.txt/..` is no folder to the system (ENOTDIR); taken away as text it read ./data's book.
  it('a `..` after a file inside a scenario is refused as the system refuses it, at the field and its line', async () => {
    writeFileSync(join(links, 'notes.txt'), 'n\n');
    const plan = readFileSync(join(real, 'plan.yaml'), 'utf8');
    const line = plan.split('\n').findIndex((l) => l.includes('customersFile: data/hybrid-customers.csv')) + 1;
    writeFileSync(join(links, 'after-file.yaml'), plan.replaceAll('customersFile: data/hybrid-customers.csv', 'customersFile: notes.txt/../data/hybrid-customers.csv'));
    writeFileSync(join(links, 'extends-after-file.yaml'), 'extends: notes.txt/../copy.yaml\n');
    const refusal = async (file: string) => (await loadScenario(join(links, file)).then(() => undefined, (e: unknown) => e)) as ScenarioError;
    const data = await refusal('after-file.yaml');
    expect(data).toBeInstanceOf(ScenarioError);
    expect(data.issues[0]).toMatchObject({ line, path: ['tiers', 1, 'existing', 'customersFile'] });
    expect(data.issues[0]!.message).toMatch(/not a directory/);
    const base = await refusal('extends-after-file.yaml');
    expect(base).toBeInstanceOf(ScenarioError);
    expect(base.issues[0]).toMatchObject({ line: 1, path: ['extends'] });
    expect(base.issues[0]!.message).toMatch(/not a directory/);
  });
});
