import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadedFromPart } from '../../src/engine/merge.js';
import { PartFileError } from '../../src/engine/part-format.js';
import { readCsvBytes } from '../../src/scenario/csv-table.js';
import { loadScenario } from '../../src/scenario/load.js';
import { checkOpened, isInside, scenarioPathPolicy, workingDirectoryPathPolicy } from '../../src/scenario/path-policy.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { fixtureText, ROOT, writeFiles } from '../helpers/fixtures.js';

/**
 * A scenario reads only files inside the folder tree of the scenario file given to arrcast (for a
 * chain of `extends`, the top file's), unless the user allows more (--allow-path, allowedRoots).
 * Issue 10, class 3: `extends: ../../../../etc/shadow` printed that file.
 */

const WIDEN = 'a scenario may read only files inside the folder tree of the scenario file given to arrcast; allow another folder with --allow-path DIR (allowedRoots in the library)';
const MINIMAL = fixtureText('minimal.yaml');
const BOOK = 'id,tier,arr,next_renewal,term_months\nc1,SMB,1200,3,12\n';
/** A scenario whose one tier reads its book from `path`. */
const withBook = (path: string) => `name: Book\ntiers:\n  - name: SMB\n    existing: { customersFile: ${path}, renewalRate: 0.9 }\n`;
/** A scenario whose one tier reads its opening pipeline from `path`. */
const withPipeline = (path: string) =>
  `name: Pipe\ntiers:\n  - name: SMB\n    newBusiness: { leadsPerMonth: 10, conversion: 0.1, acv: 1000, openingPipeline: { file: ${path} } }\n`;

/** The message loading `file` throws, with the temporary folder written `<dir>` and its parent `<tmp>`. */
async function refusal(file: string, dir: string, allowedRoots?: string[]): Promise<string> {
  try {
    await loadScenario(file, { allowedRoots });
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return err.message.split(realpathSync(dir)).join('<dir>').split(dir).join('<dir>');
  }
  throw new Error(`${file} loaded without error`);
}

/** Each case: the files of a fresh folder (`plans/` holds the scenario given to arrcast), links to make, and the one line refused. */
const refused: Array<{ name: string; files: Record<string, string>; links?: Array<[string, string]>; expected: string }> = [
  {
    name: 'extends: a sibling folder (../)',
    files: { 'shared/base.yaml': MINIMAL, 'plans/plan.yaml': 'extends: ../shared/base.yaml\n' },
    expected: `<dir>/plans/plan.yaml:1:10 extends: "../shared/base.yaml" resolves to <dir>/shared/base.yaml and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'extends: an absolute path to a system file (never opened, never quoted)',
    files: { 'plans/plan.yaml': 'name: x\nextends: /etc/shadow\n' },
    expected: `<dir>/plans/plan.yaml:2:10 extends: "/etc/shadow" is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'extends: ../ many times over',
    files: { 'plans/plan.yaml': 'extends: ../../../../../../../../etc/passwd\n' },
    expected: `<dir>/plans/plan.yaml:1:10 extends: "../../../../../../../../etc/passwd" resolves to /etc/passwd and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'extends: a link inside the folder to a file outside',
    files: { 'secret.yaml': MINIMAL, 'plans/plan.yaml': 'extends: base.yaml\n' },
    links: [['../secret.yaml', 'plans/base.yaml']],
    expected: `<dir>/plans/plan.yaml:1:10 extends: "base.yaml" resolves to <dir>/secret.yaml and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'extends: a path through a linked folder that points outside',
    files: { 'other/base.yaml': MINIMAL, 'plans/plan.yaml': 'extends: linked/base.yaml\n' },
    links: [['../other', 'plans/linked']],
    expected: `<dir>/plans/plan.yaml:1:10 extends: "linked/base.yaml" resolves to <dir>/other/base.yaml and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'extends: a missing file outside is refused as outside, not "not found" (no existence probe)',
    files: { 'plans/plan.yaml': 'extends: ../nothing/here.yaml\n' },
    expected: `<dir>/plans/plan.yaml:1:10 extends: "../nothing/here.yaml" resolves to <dir>/nothing/here.yaml and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'extends: a base inside the tree cannot reach out of the top file’s tree (the chain’s root is the top file’s folder)',
    files: { 'plans/sub/mid.yaml': 'extends: ../../outside.yaml\n', 'outside.yaml': MINIMAL, 'plans/plan.yaml': 'extends: sub/mid.yaml\n' },
    expected: `<dir>/plans/sub/mid.yaml:1:10 extends: "../../outside.yaml" resolves to <dir>/outside.yaml and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'customersFile: an absolute path to /etc/passwd (its first line is never printed)',
    files: { 'plans/plan.yaml': withBook('/etc/passwd') },
    expected: `<dir>/plans/plan.yaml:4:32 tiers[0].existing.customersFile: "/etc/passwd" is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'customersFile: a parent folder',
    files: { 'books.csv': BOOK, 'plans/plan.yaml': withBook('../books.csv') },
    expected: `<dir>/plans/plan.yaml:4:32 tiers[0].existing.customersFile: "../books.csv" resolves to <dir>/books.csv and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'customersFile: a link to a file outside',
    files: { 'books.csv': BOOK, 'plans/plan.yaml': withBook('data/books.csv') },
    links: [['../../books.csv', 'plans/data/books.csv']],
    expected: `<dir>/plans/plan.yaml:4:32 tiers[0].existing.customersFile: "data/books.csv" resolves to <dir>/books.csv and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'customersFile: a device (never opened: /proc/kmsg would block)',
    files: { 'plans/plan.yaml': withBook('/proc/kmsg') },
    expected: `<dir>/plans/plan.yaml:4:32 tiers[0].existing.customersFile: "/proc/kmsg" is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'openingPipeline.file: outside',
    files: { 'pipe.csv': 'id,tier,amount,probability,close_month\no1,SMB,5000,0.3,2\n', 'plans/plan.yaml': withPipeline('../pipe.csv') },
    expected: `<dir>/plans/plan.yaml:4:92 tiers[0].newBusiness.openingPipeline.file: "../pipe.csv" resolves to <dir>/pipe.csv and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
  {
    name: 'customersFile written in a base in a subfolder, pointing out of the top file’s tree: blamed on the base’s line',
    files: { 'plans/sub/base.yaml': withBook('../../books.csv'), 'books.csv': BOOK, 'plans/plan.yaml': 'extends: sub/base.yaml\n' },
    expected: `<dir>/plans/sub/base.yaml:4:32 tiers[0].existing.customersFile: "../books.csv" resolves to <dir>/books.csv and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
  },
];

describe('paths a scenario names must stay inside its folder tree', () => {
  it.each(refused)('$name', async ({ files, links, expected }) => {
    const dir = writeFiles(files);
    for (const [target, at] of links ?? []) {
      spawnSync('mkdir', ['-p', join(dir, at, '..')]);
      symlinkSync(target, join(dir, at));
    }
    expect(await refusal(join(dir, 'plans/plan.yaml'), dir)).toBe(expected);
  });

  it('inside the tree is fine: subfolders, ./ and a link that stays inside', async () => {
    const dir = writeFiles({
      'plans/data/books.csv': BOOK,
      'plans/bases/base.yaml': withBook('../data/books.csv'),
      'plans/plan.yaml': 'extends: ./bases/base.yaml\n',
    });
    symlinkSync('data', join(dir, 'plans/alias'));
    const loaded = await loadScenario(join(dir, 'plans/plan.yaml'));
    expect(loaded.files?.books?.SMB?.size).toBe(1);
    const viaLink = writeFiles({ 'plans/data/books.csv': BOOK, 'plans/plan.yaml': withBook('alias/books.csv') });
    symlinkSync('data', join(viaLink, 'plans/alias'));
    expect((await loadScenario(join(viaLink, 'plans/plan.yaml'))).files?.books?.SMB?.size).toBe(1);
  });

  it('allowedRoots (--allow-path) widens it, folder by folder', async () => {
    const dir = writeFiles({ 'shared/base.yaml': withBook('../books/b.csv'), 'books/b.csv': BOOK, 'plans/plan.yaml': 'extends: ../shared/base.yaml\n' });
    const plan = join(dir, 'plans/plan.yaml');
    expect(await refusal(plan, dir, [join(dir, 'shared')])).toBe(
      `<dir>/shared/base.yaml:4:32 tiers[0].existing.customersFile: "../books/b.csv" resolves to <dir>/books/b.csv and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
    );
    const loaded = await loadScenario(plan, { allowedRoots: [join(dir, 'shared'), join(dir, 'books')] });
    expect(loaded.files?.books?.SMB?.size).toBe(1);
    expect((await loadScenario(plan, { allowedRoots: [dir] })).files?.books?.SMB?.size).toBe(1);
  });

  it('an allowed folder does not allow its sibling with a common prefix (/a/shared vs /a/shared-secret)', async () => {
    const dir = writeFiles({ 'shared-secret/b.csv': BOOK, 'shared/x': '', 'plans/plan.yaml': withBook('../shared-secret/b.csv') });
    expect(await refusal(join(dir, 'plans/plan.yaml'), dir, [join(dir, 'shared')])).toBe(
      `<dir>/plans/plan.yaml:4:32 tiers[0].existing.customersFile: "../shared-secret/b.csv" resolves to <dir>/shared-secret/b.csv and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
    );
  });

  // `lnk/..` in an allowed folder goes up from where lnk points, as `ls` and the scenario's own folder
  // take it: shared/lnk -> ../books/2026, so shared/lnk/.. is books/. Taken as text it was shared/:
  // books/ refused, and shared/'s tree (never named) readable.
  it('an allowed folder through lnk/.. is the folder the system finds there, not the text', async () => {
    const dir = realpathSync(
      writeFiles({ 'books/2026/.keep': '', 'books/b.csv': BOOK, 'shared/secret.csv': BOOK, 'plans/plan.yaml': withBook('../books/b.csv'), 'plans/nosy.yaml': withBook('../shared/secret.csv') }),
    );
    symlinkSync('../books/2026', join(dir, 'shared/lnk'));
    const allowed = [`${dir}/shared/lnk/..`]; // not path.join, which takes lnk/.. away as text
    expect((await scenarioPathPolicy(join(dir, 'plans/plan.yaml'), allowed)).roots).toEqual([join(dir, 'plans'), join(dir, 'books')]);
    expect((await workingDirectoryPathPolicy(allowed)).roots[1]).toBe(join(dir, 'books'));
    expect((await loadScenario(join(dir, 'plans/plan.yaml'), { allowedRoots: allowed })).files?.books?.SMB?.size).toBe(1);
    expect(await refusal(join(dir, 'plans/nosy.yaml'), dir, allowed)).toBe(
      `<dir>/plans/nosy.yaml:4:32 tiers[0].existing.customersFile: "../shared/secret.csv" resolves to <dir>/shared/secret.csv and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
    );
  });

  it('the example scenarios read their data from inside their own folder', async () => {
    expect((await loadScenario(join(ROOT, 'scenarios/hybrid-company.yaml'))).files?.books).toBeDefined();
  });
});

describe('the file opened is checked too, not only its name (a link swapped in after the check)', () => {
  it('readCsvBytes with the policy check refuses a link to outside, after opening it', async () => {
    const dir = writeFiles({ 'books.csv': BOOK, 'plans/x': '' });
    symlinkSync('../books.csv', join(dir, 'plans/b.csv'));
    const policy = await scenarioPathPolicy(join(dir, 'plans/plan.yaml'));
    const path = join(dir, 'plans/b.csv');
    const err = await readCsvBytes(path, 'b.csv', undefined, checkOpened(policy, 'b.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as Error).message.split(realpathSync(dir)).join('<dir>')).toBe(
      `b.csv "b.csv" resolves to <dir>/books.csv and is outside the scenario's folder <dir>/plans: ${WIDEN}`,
    );
  });

  it.each<[string, string, boolean]>([
    ['/a', '/a', true],
    ['/a', '/a/b/c', true],
    ['/a', '/ab', false],
    ['/a', '/', false],
    ['/a/b', '/a', false],
    ['/', '/etc/passwd', true],
  ])('isInside(%s, %s) is %s', (root, path, inside) => {
    expect(isInside(root, path)).toBe(inside);
  });
});

describe('merge: a part names a scenario path that cannot be trusted', () => {
  it('its data files must be inside the working directory (or --allow-path), whatever source the part claims', async () => {
    const hybrid = await loadScenario(join(ROOT, 'scenarios/hybrid-company.yaml'));
    const scenario = JSON.parse(JSON.stringify(hybrid.scenario)) as { tiers: Array<{ existing?: { customersFile?: string } }> };
    const tier = scenario.tiers.find((t) => t.existing?.customersFile !== undefined)!;
    tier.existing!.customersFile = 'passwd';
    const header = { scenario: { name: 'x', source: '/etc/plan.yaml', hash: 'a'.repeat(64) }, resolvedScenario: scenario } as never;
    const err = await loadedFromPart({ file: 'p.arrcast-part', header }, await workingDirectoryPathPolicy()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartFileError);
    const cwd = realpathSync(process.cwd());
    expect((err as Error).message).toContain(`"passwd" resolves to /etc/passwd and is outside the working directory ${cwd}: the scenario of a part may read only files inside the working directory's tree; allow another folder with --allow-path DIR (allowedRoots in the library)`);
    expect((err as Error).message).not.toContain('root:');
  });
});

describe('arrcast validate --allow-path', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { encoding: 'utf8' });

  it('refuses outside with exit 2 and no stack trace; --allow-path (repeatable) lets it through', () => {
    const dir = writeFiles({ 'shared/base.yaml': MINIMAL, 'more/x': '', 'plans/plan.yaml': 'extends: ../shared/base.yaml\n' });
    const refusedRun = cli(['validate', join(dir, 'plans/plan.yaml')]);
    expect(refusedRun.status).toBe(2);
    expect(refusedRun.stderr.split(realpathSync(dir)).join('<dir>').split(dir).join('<dir>')).toBe(
      `arrcast: <dir>/plans/plan.yaml:1:10 extends: "../shared/base.yaml" resolves to <dir>/shared/base.yaml and is outside the scenario's folder <dir>/plans: ${WIDEN}\n`,
    );
    const allowed = cli(['validate', join(dir, 'plans/plan.yaml'), '--allow-path', join(dir, 'more'), '--allow-path', join(dir, 'shared')]);
    expect(allowed.stderr).toBe('');
    expect(allowed.status).toBe(0);
  });
});

it('the fixtures used here are what they seem', () => {
  expect(readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8')).toBe(MINIMAL);
});
