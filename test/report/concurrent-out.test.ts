import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixtureText, scenarioFrom } from '../helpers/fixtures.js';

/**
 * Runs writing beside one another at the same moment (shards into one new parts/ directory, runs
 * into sibling --out directories under a new parent). What another run does between two steps of
 * this one is done here, deterministically, by hooks around the file-system calls src makes:
 * `node:fs/promises` is replaced for this file's imports of src by the real module with hooks after
 * mkdir, writeFile and open, and after a realpath that fails. A hook stands for the other run
 * (another shard's part written, an empty parent its probe made removed, a directory it made).
 */
const hooks = vi.hoisted(() => ({
  afterMkdir: undefined as ((path: string) => void) | undefined,
  afterWriteFile: undefined as ((path: string) => void) | undefined,
  afterOpen: undefined as ((path: string) => void) | undefined,
  realpathFailed: undefined as ((path: string) => void) | undefined,
  beforeRm: undefined as ((path: string) => void) | undefined,
}));

type Fs = typeof import('node:fs/promises');
let probePartOutput: typeof import('../../src/cli/shard-commands.js').probePartOutput;
let writePartFile: typeof import('../../src/engine/part-file.js').writePartFile;
let partFileName: typeof import('../../src/engine/part-file.js').partFileName;
let PartFileError: typeof import('../../src/engine/part-format.js').PartFileError;
let PART_MAGIC: string;
let prepareReportDir: typeof import('../../src/report/output-dir.js').prepareReportDir;
let writeDirectoryAtomically: typeof import('../../src/report/atomic-dir.js').writeDirectoryAtomically;
let resolveOutPath: typeof import('../../src/report/resolve-out.js').resolveOutPath;
let DanglingLinkError: typeof import('../../src/report/resolve-out.js').DanglingLinkError;
let writeFileAtomically: typeof import('../../src/report/atomic-file.js').writeFileAtomically;
let cleanUpNow: typeof import('../../src/engine/exit-cleanup.js').cleanUpNow;
let OWNER_MAGIC: string;
let part: import('../../src/engine/simulate.js').SimulationPart;

// vitest runs test files one after another in a fork with their modules kept (isolate: false): the
// mock is set up, and src loaded afresh under it, for this file only, and undone after it.
beforeAll(async () => {
  vi.doMock('node:fs/promises', async (importOriginal) => {
    const real = await importOriginal<Fs>();
    const mocked: Fs = {
      ...real,
      mkdir: (async (...args: Parameters<Fs['mkdir']>) => {
        const made = await real.mkdir(...args);
        hooks.afterMkdir?.(String(args[0]));
        return made;
      }) as Fs['mkdir'],
      writeFile: async (...args: Parameters<Fs['writeFile']>) => {
        await real.writeFile(...args);
        hooks.afterWriteFile?.(String(args[0]));
      },
      open: async (...args: Parameters<Fs['open']>) => {
        const handle = await real.open(...args);
        hooks.afterOpen?.(String(args[0]));
        return handle;
      },
      rm: (async (...args: Parameters<Fs['rm']>) => {
        hooks.beforeRm?.(String(args[0]));
        return real.rm(...args);
      }) as Fs['rm'],
      realpath: (async (...args: Parameters<Fs['realpath']>) => {
        try {
          return await real.realpath(...args);
        } catch (err) {
          hooks.realpathFailed?.(String(args[0]));
          throw err;
        }
      }) as Fs['realpath'],
    };
    return { ...mocked, default: mocked };
  });
  vi.resetModules();
  ({ probePartOutput } = await import('../../src/cli/shard-commands.js'));
  ({ writePartFile, partFileName } = await import('../../src/engine/part-file.js'));
  ({ PartFileError, PART_MAGIC } = await import('../../src/engine/part-format.js'));
  ({ prepareReportDir } = await import('../../src/report/output-dir.js'));
  ({ writeDirectoryAtomically } = await import('../../src/report/atomic-dir.js'));
  ({ resolveOutPath, DanglingLinkError } = await import('../../src/report/resolve-out.js'));
  ({ writeFileAtomically } = await import('../../src/report/atomic-file.js'));
  ({ cleanUpNow } = await import('../../src/engine/exit-cleanup.js'));
  ({ OWNER_MAGIC } = await import('../../src/report/temp-dir.js'));
  const { simulateShard } = await import('../../src/engine/simulate.js');
  part = await simulateShard(scenarioFrom(fixtureText('minimal.yaml')), { trials: 200, seed: 1, workers: 0, shard: { index: 0, count: 2 } });
});

afterAll(() => {
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-concurrent-')));
  hooks.afterMkdir = hooks.afterWriteFile = hooks.afterOpen = hooks.realpathFailed = hooks.beforeRm = undefined;
});

/** A hook that acts once, on the first call for `path`. */
function once(path: string, act: () => void): (p: string) => void {
  let done = false;
  return (p) => {
    if (done || p !== path) return;
    done = true;
    act();
  };
}

describe('a shard’s probe of its --out', () => {
  it('never removes a part another shard wrote into the directory it made (removes its own probe only)', async () => {
    const parts = join(root, 'parts');
    const other = join(parts, 'shard-1-of-2.arrcast-part');
    // Shard 1 finishes and writes its part while this shard's probe file is there.
    hooks.afterWriteFile = (p) => {
      if (p.includes('.arrcast-tmp-') && !existsSync(other)) writeFileSync(other, 'shard 1’s finished part');
    };
    await probePartOutput(join(parts, 'shard-2-of-2.arrcast-part'), 'parts/');
    expect(readdirSync(parts)).toEqual(['shard-1-of-2.arrcast-part']);
    expect(readFileSync(other, 'utf8')).toBe('shard 1’s finished part');
  });

  it('is named so that one a shard killed before removing it (SIGKILL) is swept by the next part written there', async () => {
    const parts = join(root, 'parts');
    const file = join(parts, 'shard-2-of-2.arrcast-part');
    let probe: string | undefined;
    hooks.afterWriteFile = (p) => {
      if (p.includes('.arrcast-tmp-')) probe = p;
    };
    await probePartOutput(file, 'parts/');
    hooks.afterWriteFile = undefined;
    // The kill emulated: the probe left as it was made, by a process that is gone.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = probe!.replace(`-${process.pid}-`, `-${dead}-`);
    expect(left).not.toBe(probe);
    mkdirSync(parts, { recursive: true });
    writeFileSync(left, '');
    await writePartFile(file, part);
    expect(readdirSync(parts)).toEqual(['shard-2-of-2.arrcast-part']);
  });

  it('does not fail when another shard removed the new directory between its mkdir and its probe, and leaves nothing', async () => {
    const parts = join(root, 'parts');
    // The other shard's probe removes the (then empty) parts/ it made, just after this one's mkdir found it.
    hooks.afterMkdir = once(parts, () => rmdirSync(parts));
    await probePartOutput(join(parts, 'shard-2-of-2.arrcast-part'), 'parts/');
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('writing a part', () => {
  it('makes the directory again when another shard’s probe removed it just before the temporary file', async () => {
    const parts = join(root, 'parts');
    const file = join(parts, partFileName({ index: 0, count: 2 }));
    hooks.afterMkdir = once(parts, () => rmdirSync(parts));
    await writePartFile(file, part);
    expect(readdirSync(parts)).toEqual([partFileName({ index: 0, count: 2 })]);
    expect(readFileSync(file, 'latin1').startsWith(PART_MAGIC)).toBe(true);
  });

  it('leaves a file a user put at --out during the run as it is, refused (exit 2), and no temporary file', async () => {
    const file = join(root, 'p.part');
    hooks.afterOpen = (p) => {
      if (p.includes('.arrcast-tmp-') && !existsSync(file)) writeFileSync(file, 'USER DATA');
    };
    const err = await writePartFile(file, part).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartFileError);
    expect((err as Error).message).toBe(
      `${file} was put there while the shard ran and is not an arrcast part; it is left as it is and the part was not written (pick a new file, or move it away and run the shard again)`,
    );
    expect(readFileSync(file, 'utf8')).toBe('USER DATA');
    expect(readdirSync(root)).toEqual(['p.part']);
  });

  it('still replaces an arrcast part there (a rerun, or one written meanwhile)', async () => {
    const file = join(root, 'p.part');
    hooks.afterOpen = (p) => {
      if (p.includes('.arrcast-tmp-') && !existsSync(file)) writeFileSync(file, `${PART_MAGIC}an earlier part`);
    };
    await writePartFile(file, part);
    expect(readFileSync(file).length).toBeGreaterThan(100);
    expect(readFileSync(file, 'latin1').includes('an earlier part')).toBe(false);
    expect(readdirSync(root)).toEqual(['p.part']);
  });
});

describe('runs into sibling --out directories under a new parent', () => {
  it('the check does not fail when the other run’s probe removed the new parent between its mkdir and its probe, and leaves nothing', async () => {
    const saved = process.cwd();
    process.chdir(root);
    try {
      hooks.afterMkdir = once(join(root, 'fresh', 'x'), () => {
        rmdirSync(join(root, 'fresh', 'x'));
        rmdirSync(join(root, 'fresh'));
      });
      expect(await prepareReportDir('fresh/x/a')).toBe(join(root, 'fresh', 'x', 'a'));
      expect(readdirSync(root)).toEqual([]);
    } finally {
      process.chdir(saved);
    }
  });

  it('the write makes the parent again when the other run’s probe removed it just before the temporary directory', async () => {
    const out = join(root, 'fresh', 'x', 'a');
    hooks.afterMkdir = once(join(root, 'fresh', 'x'), () => rmdirSync(join(root, 'fresh', 'x')));
    await writeDirectoryAtomically(out, async (dir) => writeFileSync(join(dir, 'summary.json'), '{}'), { kind: 'report' });
    expect(readdirSync(join(root, 'fresh', 'x'))).toEqual(['a']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{}');
  });
});

describe('resolving --out while another run makes its directories', () => {
  it('a directory that appears between the two looks is a directory, not a symlink to nothing', async () => {
    const fresh = join(root, 'fresh');
    hooks.realpathFailed = once(fresh, () => mkdirSync(fresh));
    expect(await resolveOutPath(join(fresh, 'x'))).toBe(join(fresh, 'x'));
  });

  it('a symlink whose target appears between the two looks resolves to it', async () => {
    symlinkSync(join(root, 'target'), join(root, 'link'));
    hooks.realpathFailed = once(join(root, 'link'), () => mkdirSync(join(root, 'target')));
    expect(await resolveOutPath(join(root, 'link', 'x'))).toBe(join(root, 'target', 'x'));
  });

  it('a symlink to nothing is still one', async () => {
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    await expect(resolveOutPath(join(root, 'dangling', 'x'))).rejects.toThrow(DanglingLinkError);
    await expect(resolveOutPath(join(root, 'dangling', 'x'))).rejects.toThrow(`${join(root, 'dangling')} is a symbolic link to ${join(root, 'nowhere')}, which does not exist`);
  });
});

/**
 * A second Ctrl-C exits at once after the registered clean-ups (engine/exit-cleanup.ts). A write
 * into folders it had to make (--out new/deeper/report, a shard's new parts/ folder, fit --out
 * new/fitted.yaml) removed its temporary file or directory there, and left the folders, empty.
 * Here the clean-ups run (as main.ts runs them before exiting) while the write is under way, and
 * what is left is looked at at once, as the process would leave it.
 */
describe('a forced exit while writing into folders the write made', () => {
  it('a part: its temporary file and the folders go', async () => {
    const file = join(root, 'new/parts/p.arrcast-part');
    let left: string[] | undefined;
    hooks.afterOpen = (p) => {
      if (left !== undefined || !p.includes('.arrcast-tmp-')) return;
      cleanUpNow();
      left = readdirSync(root);
    };
    await writePartFile(file, part).catch(() => undefined);
    expect(left).toEqual([]);
  });

  it('a report: its temporary directory and the folders go', async () => {
    const out = join(root, 'new/deeper/report');
    let left: string[] | undefined;
    hooks.afterWriteFile = (p) => {
      if (left !== undefined || !p.endsWith('.arrcast-report')) return;
      cleanUpNow();
      left = readdirSync(root);
    };
    await writeDirectoryAtomically(out, async (dir) => writeFileSync(join(dir, 'summary.json'), '{}'), { kind: 'report' }).catch(() => undefined);
    expect(left).toEqual([]);
  });

  it('a single file: its temporary file and the folders go; a folder that was there stays', async () => {
    mkdirSync(join(root, 'plans'));
    const file = join(root, 'plans/new/fitted.yaml');
    let left: string[] | undefined;
    hooks.afterOpen = (p) => {
      if (left !== undefined || !p.includes('.arrcast-tmp-')) return;
      cleanUpNow();
      left = readdirSync(root, { recursive: true, encoding: 'utf8' });
    };
    await writeFileAtomically(file, 'tiers: []\n', { parents: true }).catch(() => undefined);
    expect(left).toEqual(['plans']);
  });
});

/**
 * Once the new output is in place, the previous one (moved aside to .arrcast-tmp-NAME-old-...) is
 * removed. It was claimed (given an owner file) only after an await, so a process killed in between
 * (SIGKILL, the OOM killer, power loss) left a whole previous report hidden beside --out with no
 * owner: no later run could prove it arrcast's, and it stayed for good.
 */
describe('the previous output moved aside', () => {
  it('is claimed before anything awaits after the swap', async () => {
    const out = join(root, 'report');
    const fill = async (dir: string) => writeFileSync(join(dir, 'summary.json'), '{}');
    await writeDirectoryAtomically(out, fill, { kind: 'report' });
    // What the first removal after the swap (the new output's owner file) sees, read at once.
    let seen: { removing: string; owner: string } | undefined;
    hooks.beforeRm = (p) => {
      if (seen !== undefined) return;
      const old = readdirSync(root).filter((n) => n.startsWith('.arrcast-tmp-report-old-'));
      const owner = join(root, old[0] ?? 'none', '.arrcast-temp-owner');
      seen = { removing: p, owner: existsSync(owner) ? (JSON.parse(readFileSync(owner, 'utf8')) as { magic: string }).magic : 'none' };
    };
    await writeDirectoryAtomically(out, fill, { kind: 'report' });
    expect(seen).toEqual({ removing: join(out, '.arrcast-temp-owner'), owner: OWNER_MAGIC });
    expect(readdirSync(root)).toEqual(['report']);
  });
});
