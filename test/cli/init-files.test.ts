import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess as arrcast } from '../helpers/cli.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

/**
 * What `arrcast init` may write over, and what it refuses (exit 2, nothing written, no stack
 * trace): the rules every other writer follows (resolveOutFile, writeFileAtomically), and for the
 * schema beside the scenario, that only arrcast's own schema is ever replaced, --force or not.
 */
const MAIN = join(ROOT, 'dist/cli/main.js');
const SCHEMA_TEXT = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
const SCHEMA_ADVICE = "init writes the scenario's JSON Schema there and replaces only arrcast's own, --force or not; move it away or write the scenario in another folder";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-init-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every path below `root` (relative), with what each is: to show that nothing was created or replaced. */
function tree(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((p) => {
      const info = lstatSync(join(root, p));
      const kind = info.isSymbolicLink() ? `-> ${readlinkSync(join(root, p))}` : info.isFIFO() ? 'fifo' : info.isDirectory() ? 'dir' : `file ${readFileSync(join(root, p), 'utf8').length}`;
      return `${p} ${kind}`;
    })
    .sort();
}

describe('arrcast init refuses what it must not write', () => {
  it("a file the template names that holds the user's own content (a CSV or base that only shares the name): kept, --force or not, nothing written; an earlier init's copy is replaced", async () => {
    const FOREIGN =
      "init replaces a file the template names only when it holds the template's own content, --force or not (--force replaces the scenario you name); move it away or write the scenario in another folder";
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/hybrid-pipeline.csv'), 'my,own\n1,2\n');
    writeFileSync(join(dir, 'example.yaml'), '# my own example\n');
    const before = tree(dir);
    for (const force of [[], ['--force']]) {
      const csv = await arrcast(['init', join(dir, 'plan.yaml'), '--template', 'hybrid-company', ...force]);
      expect([csv.stderr, csv.code]).toEqual([`arrcast: ${dir}/data/hybrid-pipeline.csv exists and is not the file the template writes there (the content differs); ${FOREIGN}\n`, 2]);
      const base = await arrcast(['init', join(dir, 'plan.yaml'), '--template', 'downside', ...force]);
      expect([base.stderr, base.code]).toEqual([`arrcast: ${dir}/example.yaml exists and is not the file the template writes there (the content differs); ${FOREIGN}\n`, 2]);
      expect(tree(dir)).toEqual(before);
    }
    // What an earlier init wrote (the template's bytes) is replaced with --force, as before.
    rmSync(join(dir, 'data/hybrid-pipeline.csv'));
    expect((await arrcast(['init', join(dir, 'plan.yaml'), '--template', 'hybrid-company'])).code).toBe(0);
    expect((await arrcast(['init', join(dir, 'plan.yaml'), '--template', 'hybrid-company', '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 'data/hybrid-pipeline.csv'), 'utf8')).toBe(readFileSync(join(ROOT, 'scenarios/data/hybrid-pipeline.csv'), 'utf8'));
  });

  it('a scenario path that is a symlink to nothing: the link target is not created, --force or not', async () => {
    mkdirSync(join(dir, 'w'));
    mkdirSync(join(dir, 'e'));
    symlinkSync('../e/created.yaml', join(dir, 'w/plan.yaml'));
    const before = tree(dir);
    for (const force of [[], ['--force']]) {
      const r = await arrcast(['init', join(dir, 'w/plan.yaml'), ...force]);
      expect(r.stderr).toBe(`arrcast: ${dir}/w/plan.yaml is a symbolic link to ../e/created.yaml, which does not exist: remove the link or name another file\n`);
      expect(r.code).toBe(2);
      expect(tree(dir)).toEqual(before);
    }
    expect(existsSync(join(dir, 'e/created.yaml'))).toBe(false);
  });

  it("an arrcast.schema.json that is a symlink to a user's file, or a file that is not arrcast's schema: kept, --force or not, and nothing written", async () => {
    writeFileSync(join(dir, 'userfile.txt'), 'user data\n');
    mkdirSync(join(dir, 'linked'));
    symlinkSync('../userfile.txt', join(dir, 'linked/arrcast.schema.json'));
    mkdirSync(join(dir, 'other'));
    // JSON, and a JSON Schema, but not arrcast's.
    writeFileSync(join(dir, 'other/arrcast.schema.json'), '{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"my own"}\n');
    const before = tree(dir);
    for (const sub of ['linked', 'other'])
      for (const force of [[], ['--force']]) {
        const r = await arrcast(['init', join(dir, sub, 'p2.yaml'), ...force]);
        expect(r.stderr).toBe(`arrcast: ${dir}/${sub}/arrcast.schema.json exists and is not arrcast's JSON Schema; ${SCHEMA_ADVICE}\n`);
        expect(r.code).toBe(2);
        expect(tree(dir)).toEqual(before);
      }
    expect(readFileSync(join(dir, 'userfile.txt'), 'utf8')).toBe('user data\n');
  });

  it("replaces an arrcast.schema.json that is arrcast's (an older one, or one `arrcast schema` wrote), through a symlink too, keeping the link", async () => {
    const older = `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'arrcast scenario', type: 'object' })}\n`;
    writeFileSync(join(dir, 'arrcast.schema.json'), older);
    expect((await arrcast(['init', join(dir, 'plan.yaml')])).code).toBe(0);
    expect(readFileSync(join(dir, 'arrcast.schema.json'), 'utf8')).toBe(SCHEMA_TEXT);

    mkdirSync(join(dir, 'shared'));
    mkdirSync(join(dir, 'team'));
    writeFileSync(join(dir, 'shared/arrcast.schema.json'), older);
    symlinkSync('../shared/arrcast.schema.json', join(dir, 'team/arrcast.schema.json'));
    const r = await arrcast(['init', join(dir, 'team/plan.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'team/arrcast.schema.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'shared/arrcast.schema.json'), 'utf8')).toBe(SCHEMA_TEXT);
  });

  it("a file the template names whose place a link leads out of the scenario's folder (data/ a link, or data/x.csv a link to a user's file): refused, nothing written, --force or not", async () => {
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere/keep.txt'), 'user data\n');
    mkdirSync(join(dir, 'a'));
    symlinkSync('../elsewhere', join(dir, 'a/data'));
    mkdirSync(join(dir, 'b/data'), { recursive: true });
    symlinkSync('../../elsewhere/keep.txt', join(dir, 'b/data/hybrid-pipeline.csv'));
    const before = tree(dir);
    const cases = [
      { sub: 'a', named: 'data/hybrid-customers.csv', real: 'elsewhere/hybrid-customers.csv' },
      { sub: 'b', named: 'data/hybrid-pipeline.csv', real: 'elsewhere/keep.txt' },
    ];
    for (const { sub, named, real } of cases)
      for (const force of [[], ['--force']]) {
        const r = await arrcast(['init', join(dir, sub, 'plan.yaml'), '--template', 'hybrid-company', ...force]);
        expect(r.stderr).toBe(
          `arrcast: ${dir}/${sub}/${named} is a file the template names, and it resolves to ${dir}/${real}, outside the scenario's folder ${dir}/${sub} (a link leads out of it), where run and validate would refuse to read it; init wrote none of its files: remove the link, or write the scenario in another folder\n`,
        );
        expect(r.code).toBe(2);
        expect(tree(dir)).toEqual(before);
      }
    expect(readFileSync(join(dir, 'elsewhere/keep.txt'), 'utf8')).toBe('user data\n');
    // A scenario's folder reached through a link is its real folder: what the template names stays inside it, and validates.
    symlinkSync('elsewhere', join(dir, 'via'));
    const w = await arrcast(['init', join(dir, 'via/plan.yaml'), '--template', 'downside']);
    expect(w.code).toBe(0);
    expect(readdirSync(join(dir, 'elsewhere')).sort()).toEqual(['arrcast.schema.json', 'example.yaml', 'keep.txt', 'plan.yaml']);
    expect((await arrcast(['validate', join(dir, 'via/plan.yaml')])).code).toBe(0);
  });

  it('a `..` after a link to a folder: the schema and the files the template names go beside the scenario, where the system puts it', async () => {
    mkdirSync(join(dir, 'real/sub'), { recursive: true });
    symlinkSync('real/sub', join(dir, 'up'));
    const r = await arrcast(['init', `${dir}/up/../plan.yaml`, '--template', 'hybrid-company']);
    expect(r.code).toBe(0);
    // Each file named as the scenario was given, which a shell opens where init wrote it (they were named by their absolute paths).
    const given = (name: string) => `${dir}/up/../${name}`;
    expect(r.stdout).toBe(
      `wrote ${given('plan.yaml')}, ${given('data/hybrid-customers.csv')}, ${given('data/hybrid-pipeline.csv')} and ${given('arrcast.schema.json')}; next: arrcast validate ${given('plan.yaml')} && arrcast run ${given('plan.yaml')}\n`,
    );
    const again = await arrcast(['init', given('plan.yaml'), '--template', 'hybrid-company']);
    expect([again.stderr, again.code]).toEqual([`arrcast: ${given('plan.yaml')}, ${given('data/hybrid-customers.csv')}, ${given('data/hybrid-pipeline.csv')} exist; use --force to overwrite them\n`, 2]);
    expect((await arrcast(['init', given('plan.json')])).stderr).toBe(`arrcast: ${given('plan.json')}: arrcast writes a commented YAML scenario, not JSON; name it ${given('plan.yaml')} (arrcast reads YAML and JSON alike)\n`);
    mkdirSync(join(dir, 'real/d/arrcast.schema.json'), { recursive: true });
    expect((await arrcast(['init', given('d/q.yaml')])).stderr).toBe(`arrcast: ${given('d/arrcast.schema.json')} is a directory; ${SCHEMA_ADVICE}\n`);
    rmSync(join(dir, 'real/d'), { recursive: true });
    // Before: plan.yaml in real/, but data/ and arrcast.schema.json beside `up/..` taken as text (dir).
    expect(readdirSync(dir).sort()).toEqual(['real', 'up']);
    expect(readdirSync(join(dir, 'real')).sort()).toEqual(['arrcast.schema.json', 'data', 'plan.yaml', 'sub']);
    expect(readdirSync(join(dir, 'real/data')).sort()).toEqual(['hybrid-customers.csv', 'hybrid-pipeline.csv']);
    expect((await arrcast(['validate', join(dir, 'real/plan.yaml')])).code).toBe(0);
  });

  it('every file init names, and each printed next command, opens what init wrote (a missing folder before `..` does not open)', async () => {
    mkdirSync(join(dir, 'real/sub'), { recursive: true });
    symlinkSync('real/sub', join(dir, 'up'));
    // up/../x/../p.yaml: the text takes x/.. away, the system does not go through a missing x. It was
    // printed as given, and its "next: arrcast validate" exited 2; up/../new/p.yaml opens once init made new/.
    const cases = [
      { given: `${dir}/up/../x/../plan3.yaml`, template: [], real: join(dir, 'real/plan3.yaml') },
      { given: `${dir}/up/../x/../plan5.yaml`, template: ['--template', 'hybrid-company'], real: join(dir, 'real/plan5.yaml') },
      { given: `${dir}/up/../new/plan4.yaml`, template: [], real: join(dir, 'real/new/plan4.yaml'), asGiven: true },
    ];
    for (const c of cases) {
      const r = await arrcast(['init', c.given, ...c.template]);
      expect([r.stderr, r.code]).toEqual(['', 0]);
      const [, wrote, validate, run] = /^wrote (.*); next: arrcast validate (.*) && arrcast run (.*)\n$/.exec(r.stdout)!;
      expect([validate, run]).toEqual([c.asGiven ? c.given : c.real, c.asGiven ? c.given : c.real]);
      for (const named of wrote!.split(/, | and /)) expect(existsSync(named), named).toBe(true);
      expect((await arrcast(['validate', validate!])).code).toBe(0);
    }
    expect((await arrcast(['init', `${dir}/up/../x/../plan6.json`])).stderr).toBe(
      `arrcast: ${dir}/up/../x/../plan6.json: arrcast writes a commented YAML scenario, not JSON; name it ${join(dir, 'real/plan6.yaml')} (arrcast reads YAML and JSON alike)\n`,
    );
  });

  it('a directory named arrcast.schema.json: refused before anything is written (no scenario left behind)', async () => {
    mkdirSync(join(dir, 'arrcast.schema.json'));
    const before = tree(dir);
    for (const args of [['init', join(dir, 'q.yaml')], ['init', join(dir, 'q.yaml'), '--template', 'downside', '--force']]) {
      const r = await arrcast(args);
      expect(r.stderr).toBe(`arrcast: ${dir}/arrcast.schema.json is a directory; ${SCHEMA_ADVICE}\n`);
      expect(r.code).toBe(2);
      expect(tree(dir)).toEqual(before);
    }
  });

  it('the scenario named arrcast.schema.json: refused, as the schema would replace it', async () => {
    const r = await arrcast(['init', join(dir, 'arrcast.schema.json')]);
    expect(r.stderr).toBe(`arrcast: ${dir}/arrcast.schema.json is where init writes the JSON Schema (arrcast.schema.json); name the scenario another way\n`);
    expect(r.code).toBe(2);
    expect(tree(dir)).toEqual([]);
  });

  it('a scenario named as a file its template names (downside extends example.yaml): refused, not written over by one of them', async () => {
    const r = await arrcast(['init', join(dir, 'example.yaml'), '--template', 'downside']);
    expect(r.stderr).toBe(`arrcast: ${dir}/example.yaml is both the scenario and a file the template names (example.yaml); name the scenario another way\n`);
    expect(r.code).toBe(2);
    expect(tree(dir)).toEqual([]);
  });

  const badNames: Array<[string, (d: string) => string, (d: string) => string]> = [
    ['an empty name', () => '', () => 'arrcast: the file to write is empty: name the scenario file, e.g. arrcast init my-plan.yaml'],
    ['a name ending in / (a folder to be)', (d) => `${d}/newdir/`, (d) => `arrcast: ${d}/newdir/ names a directory (it ends in /); name the scenario file to write, e.g. ${d}/newdir/my-plan.yaml`],
    // `.` and `..` last name directories (README): taken as text, file.txt/. replaced file.txt; the advice names a place a file can go.
    ['a name whose last part is . below a file', (d) => `${d}/file.txt/.`, (d) => `arrcast: ${d}/file.txt/. names a directory (its last part is .); name the scenario file to write, e.g. ${d}/my-plan.yaml`],
    ['a name whose last part is .. (a folder to be)', (d) => `${d}/newdir/sub/..`, (d) => `arrcast: ${d}/newdir/sub/.. names a directory (its last part is ..); name the scenario file to write, e.g. ${d}/newdir/sub/../my-plan.yaml`],
    ['an existing folder', (d) => d, (d) => `arrcast: ${d} is a directory; name the scenario file to write, e.g. ${d}/my-plan.yaml`],
    ['a folder nothing can be created in', () => '/sys/x.yaml', () => 'arrcast: /sys/x.yaml cannot be written: permission denied (EACCES) in /sys'],
    ['a name too long', (d) => `${d}/${'a'.repeat(300)}.yaml`, (d) => `arrcast: ${d}/${'a'.repeat(300)}.yaml cannot be used: name too long (ENAMETOOLONG)`],
    ['a path below a file', (d) => `${d}/file.txt/plan.yaml`, (d) => `arrcast: ${d}/file.txt/plan.yaml cannot be used: not a directory (ENOTDIR)`],
  ];
  it.each(badNames)('%s: exit 2 with a message naming the problem, nothing written', async (_, name, message) => {
    writeFileSync(join(dir, 'file.txt'), 'x');
    const before = tree(dir);
    const r = await arrcast(['init', name(dir)]);
    expect(r.stderr).toBe(`${message(dir)}\n`);
    expect(r.code).toBe(2);
    expect(tree(dir)).toEqual(before);
  });
});

describe('arrcast init and FIFOs (the binary: a blocking open would hang it)', () => {
  /** The binary in `cwd`, given a few seconds: one that hangs is killed (SIGKILL, as it ignored SIGTERM) and shows as r.signal. */
  const init = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [MAIN, 'init', ...args], { cwd, encoding: 'utf8', timeout: 5_000, killSignal: 'SIGKILL' });

  it.each([
    ['arrcast.schema.json is a FIFO', 'arrcast.schema.json', ['x.yaml']],
    ['the scenario is a FIFO, with --force', 'plan.yaml', ['plan.yaml', '--force']],
  ])('%s: refused at once with exit 2, the FIFO left as it was, nothing written', (_, fifo, args) => {
    execFileSync('mkfifo', [join(dir, fifo)]);
    const r = init(dir, ...args);
    expect(r.signal).toBe(null);
    expect(r.stderr).toBe(`arrcast: ${fifo} is a FIFO (named pipe), not a regular file: arrcast writes its output only as a regular file and never replaces anything else\n`);
    expect(r.status).toBe(2);
    expect(tree(dir)).toEqual([`${fifo} fifo`]);
  });
});
