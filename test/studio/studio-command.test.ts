import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { StudioSession, type SessionOptions } from '../../src/studio/session.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT } from '../helpers/fixtures.js';

describe('arrcast studio: what it prints', () => {
  it('a hostile scenario name is one escaped line: it can print no address of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-cmd-'));
    const text = readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8').replace(/^name:.*$/m, 'name: "Evil\\u001b[2J\\u0085http://evil.example/?token=0\\u202e"');
    writeFileSync(join(dir, 'evil.yaml'), text);
    // Without a stop signal the command prints its address and closes at once.
    const r = await runCli('studio', join(dir, 'evil.yaml'), '--workers', '1', '--trials', '100', '--seed', 'a\u0007\nb');
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('arrcast studio: Evil\\u{1b}[2J\\u{85}http://evil.example/?token=0\\u{202e} (100 trials, seed a\\u{7}\\u{a}b)');
    expect(lines[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect(lines[2]).toBe('');
  });

  it('a scenario name with a line break is refused at its line (exit 2): a name is one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-cmd-'));
    writeFileSync(join(dir, 'evil.yaml'), readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8').replace(/^name:.*$/m, 'name: "Evil\\r\\nhttp://evil.example/?token=0"'));
    const r = await runCli('studio', join(dir, 'evil.yaml'), '--workers', '1', '--trials', '100');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/evil\.yaml:\d+:\d+ name: "Evil\\u\{d\}\\u\{a\}http:\/\/evil\.example\/\?token=0" holds a line break/);
  });
});

describe('arrcast studio --trials above the limit run takes', () => {
  // It started, answered the first 2,000 trials, failed every full answer ("--trials: must be ...")
  // and saved what-ifs whose header's command `arrcast run` refuses.
  it('is refused at the start, exit 2, as run refuses it, and prints no address', async () => {
    const r = await runCli('studio', join(ROOT, 'scenarios/example.yaml'), '--workers', '1', '--trials', '10000001');
    expect(r.err).toBe('arrcast: --trials: must be a whole number from 1 to 10,000,000 (got 10000001)\n');
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
  });
});

describe('arrcast studio --seed that run refuses', () => {
  // It started, printed its address and served a page whose every answer was refused
  // ("seed: must be 1 to 200 characters"), where `arrcast run --seed` exits 2 at once.
  it.each([
    ['empty', ''],
    ['201 characters', 'x'.repeat(201)],
  ])('%s: refused at the start, exit 2, as run refuses it, and prints no address', async (_, seed) => {
    const r = await runCli('studio', join(ROOT, 'scenarios/example.yaml'), '--workers', '1', '--trials', '100', '--seed', seed);
    expect(r.err).toBe('arrcast: --seed: must be 1 to 200 characters\n');
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
  });

  it('the library: a StudioSession checks its trials, seed and confidence as a run does, by name', async () => {
    const scenario = await openStudioScenario(join(ROOT, 'scenarios/example.yaml'));
    const engine = createEngine({ workers: 1 });
    try {
      const refusal = (options: SessionOptions) => {
        try {
          new StudioSession(scenario, engine, options);
          return undefined;
        } catch (err) {
          return err instanceof RunOptionError ? [err.option, err.message] : err;
        }
      };
      expect(refusal({ seed: '' })).toEqual(['seed', '--seed: must be 1 to 200 characters']);
      expect(refusal({ seed: 2 ** 53 })).toEqual(['seed', expect.stringContaining('a seed given as a number must be finite')]);
      expect(refusal({ trials: 0 })).toEqual(['trials', '--trials: must be a whole number from 1 to 10,000,000 (got 0)']);
      expect(refusal({ trials: 2.5 })).toEqual(['trials', '--trials: must be a whole number from 1 to 10,000,000 (got 2.5)']);
      expect(refusal({ trials: 300, seed: 'x'.repeat(200) })).toBeUndefined();
      // The confidence too, as decide() checks a run's: every answer of the page was refused (400) with 1.5 or NaN.
      expect(refusal({ confidence: 1.5 })).toEqual(['confidence', '--confidence: must be a share between 0 and 1, not included (got 1.5)']);
      expect(refusal({ confidence: NaN })).toEqual(['confidence', '--confidence: must be a share between 0 and 1, not included (got NaN)']);
      expect(refusal({ confidence: 0 })).toEqual(['confidence', '--confidence: must be a share between 0 and 1, not included (got 0)']);
      expect(refusal({ confidence: '0.9' as unknown as number })).toEqual(['confidence', '--confidence: must be a share between 0 and 1, not included (got string)']);
      expect(refusal({ confidence: 0.999 })).toBeUndefined();
    } finally {
      await engine.close();
    }
  });
});

describe('arrcast studio: more targets than a saved what-if can hold', () => {
  // Each state's overlay lists every target the page shows, and a scenario file lists at most 50:
  // the file's 50 and one --target started a studio whose every answer was refused
  // ("targets.metrics: may hold at most 50 items, got 51"), where run takes the 51.
  const withTargets = (n: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-targets-'));
    const metrics = Array.from({ length: n }, (_, i) => `    - { metric: revenue, value: ${100 + i}M }\n`).join('');
    writeFileSync(join(dir, 'plan.yaml'), `${readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8')}\ntargets:\n  metrics:\n${metrics}`);
    return join(dir, 'plan.yaml');
  };

  it('are refused at the start, exit 2, naming --target, and no address is printed', async () => {
    const r = await runCli('studio', withTargets(50), '--workers', '1', '--trials', '100', '--target', 'revenue=99M');
    expect(r.err).toBe("arrcast: --target: the scenario's 50 targets and those given make 51; the studio writes its targets into each what-if, a scenario file, which holds at most 50: give fewer\n");
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
  });

  it("from the library, the refusal's path names the option the caller wrote (targets), the message the CLI's flag", async () => {
    const err = await openStudioScenario(withTargets(50), { targets: [{ metric: 'revenue', value: 99e6 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunOptionError);
    // before: ['target'], the flag's name, which openStudioScenario's options do not have.
    expect((err as RunOptionError).path).toEqual(['targets']);
    expect((err as RunOptionError).message).toMatch(/^--target: the scenario's 50 targets and those given make 51/);
  });

  it('50 in all start it, and a state with every target moved is answered', async () => {
    const scenario = await openStudioScenario(withTargets(49), { targets: [{ metric: 'revenue', value: 99e6 }] });
    expect(scenario.controls.targets).toHaveLength(50);
    const state = { drivers: {}, market: null, targets: scenario.controls.targets.map((t) => t.value + 1), confidence: 0.8 };
    expect((await scenario.scenarioOf(state)).loaded.scenario.targets?.metrics).toHaveLength(50);
  });
});

describe('arrcast studio on a scenario whose chain of bases is as long as a chain may be', () => {
  // Each what-if extends the scenario, one file more: the studio was refused with the chain's own
  // message at the second file ("f1.yaml:1:10 extends: a chain of more than 16 files ..."), which
  // run reads without a word.
  const chain = (files: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-chain-'));
    writeFileSync(join(dir, 'f0.yaml'), readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8'));
    for (let i = 1; i < files; i++) writeFileSync(join(dir, `f${i}.yaml`), `extends: f${i - 1}.yaml\ntrials: ${100 + i}\n`);
    return join(dir, `f${files - 1}.yaml`);
  };

  it('is refused at the start (exit 2) saying why, at the file given; one file shorter opens', async () => {
    const file = chain(16);
    expect((await runCli('validate', file)).code).toBe(0);
    const r = await runCli('studio', file, '--workers', '1', '--trials', '100');
    expect(r.err).toBe(`arrcast: ${file} extends: f15.yaml and its bases are a chain of 16 files, the most a chain may have, and each what-if of the studio extends f15.yaml: merge two of them to open it in the studio\n`);
    expect([r.out, r.code]).toEqual(['', 2]);
    expect((await openStudioScenario(chain(15))).controls.drivers.length).toBeGreaterThan(0);
  });
});

describe('arrcast studio on a scenario that is a link to a file outside its folder', () => {
  // Run reads the file given, link or not; each what-if extends it by name, which the folder policy
  // refuses. The refusal of the chain's length caught every refusal of `extends` and said "a chain
  // of 16 files ... merge two of them" here, hiding the cause and its remedy (--allow-path).
  const linked = () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-studio-link-')));
    mkdirSync(join(dir, 'plans'));
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere/real.yaml'), readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8'));
    symlinkSync('../elsewhere/real.yaml', join(dir, 'plans/plan.yaml'));
    return dir;
  };

  it('is refused at the start (exit 2) with the real cause, at the file given; with --allow-path it opens', async () => {
    const dir = linked();
    const file = join(dir, 'plans/plan.yaml');
    const r = await runCli('studio', file, '--workers', '1', '--trials', '100');
    expect(r.err).toBe(
      `arrcast: ${file} each what-if of the studio extends plan.yaml, which is refused: "plan.yaml" resolves to ${dir}/elsewhere/real.yaml and is outside the scenario's folder ${dir}/plans: a scenario may read only files inside the folder tree of the scenario file given to arrcast; allow another folder with --allow-path DIR (allowedRoots in the library)\n`,
    );
    expect([r.out, r.code]).toEqual(['', 2]);
    expect((await openStudioScenario(file, { allowedRoots: [join(dir, 'elsewhere')] })).controls.drivers.length).toBeGreaterThan(0);
  });
});

describe('arrcast studio on `lnk/../plan.yaml` (lnk a link to a folder)', () => {
  // Read as run reads it, the system taking `..` up from where the link points; its messages named
  // the scenario by its absolute path, not as given.
  it('names the file as given, as validate does, and opens it from the folder the system finds', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-studio-dots-')));
    mkdirSync(join(dir, 'real/sub'), { recursive: true });
    symlinkSync('real/sub', join(dir, 'up'));
    writeFileSync(join(dir, 'real/plan.yaml'), readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8'));
    writeFileSync(join(dir, 'real/bad.yaml'), readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8').replace(/^trials:.*$/m, 'trials: -5'));
    const bad = `${dir}/up/../bad.yaml`;
    const refused = await runCli('studio', bad, '--workers', '1', '--trials', '100');
    expect([refused.out, refused.code]).toEqual(['', 2]);
    expect(refused.err.startsWith(`arrcast: ${bad}:`)).toBe(true);
    expect(refused.err).toBe((await runCli('validate', bad)).err);
    const opened = await openStudioScenario(`${dir}/up/../plan.yaml`);
    expect([opened.file, opened.dir, opened.base]).toEqual([`${dir}/up/../plan.yaml`, join(dir, 'real'), 'plan.yaml']);
  });

  it('reads each file by the path the system opens: a base ./plan.yaml is not lnk/../plan.yaml, which extends it', async () => {
    // Kept by its text path (resolve), ./plan.yaml was read as the text of up/../plan.yaml (real/plan.yaml):
    // a cycle, or a base that extends itself ever further; validate reads the two files.
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-studio-dots-base-')));
    mkdirSync(join(dir, 'real/sub'), { recursive: true });
    symlinkSync('real/sub', join(dir, 'up'));
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8'));
    writeFileSync(join(dir, 'real/plan.yaml'), 'extends: ../plan.yaml\nname: Real\n');
    const given = `${dir}/up/../plan.yaml`;
    const opened = await openStudioScenario(given, { allowedRoots: [dir] });
    const run = await loadScenario(given, { allowedRoots: [dir] });
    expect([opened.loaded.scenario.name, opened.loaded.hash]).toEqual(['Real', run.hash]);
  });
});
