import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { buildProgram } from '../../src/cli/program.js';
import { describeFailure } from '../../src/cli/exit-codes.js';
import { checkMergeReportOwner } from '../../src/cli/default-out-owner.js';
import { fixtureText } from '../helpers/fixtures.js';
import { MARKER_FILE, markerText } from '../../src/report/output-marker.js';
import { writeReport } from '../../src/report/write-report.js';
import { loadScenario } from '../../src/scenario/load.js';
import { parseScenario, type LoadedScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';

/**
 * `run a/plan.yaml` then `run b/plan.yaml`: two scenario files of one base name share the default
 * --out, reports/plan, and the second replaced the first's report without a word. The report's
 * marker now records its scenario file's real path; at a default --out a report of another file is
 * refused (exit 2, naming both), one of the same file (another spelling, a link, edited) replaced,
 * and an --out given, or a report whose marker names no file (older), is written as before. In a
 * folder of its own (process.chdir: the forks pool), few trials, summary only.
 */
/** A TypeError (the library's ArgumentError is one) with exactly this message. */
const typeErrorSaying = (message: string) => (e: unknown) => e instanceof TypeError && e.message === message;

describe('the default --out does not replace the report of another scenario file of the same name', () => {
  it('run and merge: refused for another file, replaced for the same file however it is reached', async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    process.chdir(dir);
    try {
      for (const d of ['a', 'b', 'c']) mkdirSync(d);
      writeFileSync('a/plan.yaml', fixtureText('minimal.yaml'));
      writeFileSync('b/plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'));
      symlinkSync('../a/plan.yaml', 'c/plan.yaml');
      const run = (file: string, ...args: string[]) => runCli('run', file, '--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary', ...args);
      const summary = () => readFileSync('reports/plan/summary.json');
      const a = realpathSync('a/plan.yaml');
      const b = realpathSync('b/plan.yaml');

      const recorded = () => JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario as unknown;
      expect((await run('a/plan.yaml')).code).toBe(0);
      // Relative to the report folder, so a project moved whole still names its own file.
      expect(recorded()).toBe('../../a/plan.yaml');
      const first = summary();
      const refused = await run('b/plan.yaml');
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`arrcast: --out defaults to reports/plan, which holds the report of another scenario file, "${a}", and this run of "b/plan.yaml" ("${b}") would replace it; give --out another directory`);
      expect(refused.err).not.toMatch(/\n\s+at /);
      expect(summary().equals(first)).toBe(true);

      // The same file: another spelling, through a link, edited, an absolute path: a re-run, replaced.
      expect((await run('./a/../a/plan.yaml', '--seed', '5')).code).toBe(0);
      expect((await run('c/plan.yaml', '--seed', '6')).code).toBe(0);
      writeFileSync('a/plan.yaml', `${fixtureText('minimal.yaml')}\n# edited\n`);
      expect((await run(a, '--seed', '7')).code).toBe(0);
      expect(JSON.parse(summary().toString()).seed).toBe('7');
      // The report's own scenario.json run into the report: its marker keeps naming a/plan.yaml (it
      // named the scenario.json, after which any plan.yaml replaced the report without a word).
      expect((await run('reports/plan/scenario.json', '--out', 'reports/plan')).code).toBe(0);
      expect(recorded()).toBe('../../a/plan.yaml');
      expect((await run('b/plan.yaml')).code).toBe(2);

      // Named, it is written: the user chose it. The marker then names b.
      expect((await run('b/plan.yaml', '--out', 'reports/plan')).code).toBe(0);
      expect(recorded()).toBe('../../b/plan.yaml');
      const second = summary();
      // merge's default --out too: parts of a's run do not replace b's report.
      expect((await runCli('run', 'a/plan.yaml', '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', 'parts/')).code).toBe(0);
      const merged = await runCli('merge', 'parts/', '--quiet', '--outputs', 'summary');
      expect(merged.code).toBe(2);
      expect(merged.err).toContain(`which holds the report of another scenario file, "${b}", and this run of "a/plan.yaml" ("${a}")`);
      expect(summary().equals(second)).toBe(true);

      // A report whose marker names no file (written before December 2026), or no usable path, is replaced, as before.
      for (const none of [undefined, '']) {
        writeFileSync(`reports/plan/${MARKER_FILE}`, markerText('report', none));
        expect((await runCli('merge', 'parts/', '--quiet', '--outputs', 'summary')).code).toBe(0);
        expect(recorded()).toBe('../../a/plan.yaml');
      }
      // A marker of December 2026's first builds (an absolute path) is read as it is.
      writeFileSync(`reports/plan/${MARKER_FILE}`, markerText('report', b));
      expect((await run('a/plan.yaml')).code).toBe(2);
      expect((await run('b/plan.yaml')).code).toBe(0);
      // A marker naming a file inside the report (its scenario.json, as those builds wrote it when it ran
      // into the report) says nothing of where the report came from: replaced, as one naming none.
      writeFileSync(`reports/plan/${MARKER_FILE}`, markerText('report', 'scenario.json'));
      expect((await run('a/plan.yaml')).code).toBe(0);

      // merge credits the report to the parts' file only when the file at their path from here hashes as
      // their scenario: from c/, a/plan.yaml is another file (and no link), and nothing is recorded.
      mkdirSync('c/a');
      writeFileSync('c/a/plan.yaml', readFileSync('b/plan.yaml'));
      process.chdir('c');
      expect((await runCli('merge', '../parts/', '--quiet', '--outputs', 'summary')).code).toBe(0);
      expect(JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario).toBeUndefined();
      process.chdir(dir);

      // A report written from a file named scenario.yaml is at reports/scenario, and so is its own
      // scenario.json's default --out: run again, it is the same report's scenario, not another file.
      writeFileSync('a/scenario.yaml', fixtureText('minimal.yaml'));
      expect((await run('a/scenario.yaml')).code).toBe(0);
      expect((await run('reports/scenario/scenario.json')).code).toBe(0);
      expect(JSON.parse(readFileSync(`reports/scenario/${MARKER_FILE}`, 'utf8')).scenario).toBe('../../a/scenario.yaml');
    } finally {
      process.chdir(saved);
    }
  });

  // Two runs at the default --out at once: both checked reports/plan before their runs, when neither
  // report was there, and the later one replaced the other file's report without a word (both exit 0).
  it("another file's report put at the default --out while this run simulates: refused at the move (exit 2), that report kept", async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    process.chdir(dir);
    try {
      for (const d of ['a', 'b', 'held']) mkdirSync(d);
      writeFileSync('a/plan.yaml', fixtureText('minimal.yaml'));
      writeFileSync('b/plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'));
      const args = ['--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary'];
      expect((await runCli('run', 'a/plan.yaml', ...args)).code).toBe(0);
      const aSummary = readFileSync('reports/plan/summary.json');
      // Held aside at the same depth, so its marker's relative path still names a/plan.yaml once back.
      renameSync('reports/plan', 'held/plan');
      // b's run: when it has begun simulating (past every check before the run), a's report arrives.
      let err = '';
      let code = 0;
      const arrive = (text: string) => {
        err += text;
        if (text.includes('paused at simulating')) renameSync('held/plan', 'reports/plan');
      };
      const program = buildProgram({ out: () => undefined, err: arrive }, (c) => (code = c), new AbortController().signal);
      process.env.ARRCAST_PAUSE_AT = 'simulating';
      try {
        await program.parseAsync(['node', 'arrcast', 'run', 'b/plan.yaml', ...args]);
      } catch (e) {
        const failure = describeFailure(e);
        err += `${failure.message}\n`;
        code = failure.code;
      } finally {
        delete process.env.ARRCAST_PAUSE_AT;
      }
      expect(err).toContain('paused at simulating');
      expect(err).toContain(`--out defaults to reports/plan, which holds the report of another scenario file, "${realpathSync('a/plan.yaml')}"`);
      expect(code).toBe(2);
      expect(readFileSync('reports/plan/summary.json')).toEqual(aSummary);
      expect(JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario).toBe('../../a/plan.yaml');
    } finally {
      process.chdir(saved);
    }
  });

  // merge's recheck as merge calls it (checkMergeReportOwner): a report of another file arriving at
  // the default --out after the check before the merge is refused at the move, not replaced; for
  // parts whose file is confirmed from here, and for parts whose file is not.
  it("merge's recheck: another file's report arriving at the default --out after the first check is refused", async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    process.chdir(dir);
    try {
      for (const d of ['a', 'b', 'held']) mkdirSync(d);
      writeFileSync('a/plan.yaml', fixtureText('minimal.yaml'));
      writeFileSync('b/plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'));
      expect((await runCli('run', 'a/plan.yaml', '--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary')).code).toBe(0);
      renameSync('reports/plan', 'held/plan');
      const out = join(realpathSync(dir), 'reports/plan');
      const notParts = async () => false;
      for (const [source, confirmed] of [['b/plan.yaml', realpathSync('b/plan.yaml')], ['gone/plan.yaml', undefined]] as const) {
        const { recheck } = await checkMergeReportOwner(out, 'reports/plan', source, confirmed, notParts, false);
        expect(recheck).toBeDefined();
        renameSync('held/plan', 'reports/plan');
        await expect(recheck!()).rejects.toThrow(/--out defaults to reports\/plan, which holds the report of (another scenario file,|the scenario file) "[^"]*a\/plan\.yaml"/);
        renameSync('reports/plan', 'held/plan');
      }
      // At a given --out there is nothing to check again.
      expect((await checkMergeReportOwner(out, 'reports/plan', 'b/plan.yaml', undefined, notParts, true)).recheck).toBeUndefined();
    } finally {
      process.chdir(saved);
    }
  });

  it('a project moved whole (mv p1 p2) re-runs at its default --out: the marker names the file relative to the report', async () => {
    const saved = process.cwd();
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    mkdirSync(join(parent, 'p1'));
    writeFileSync(join(parent, 'p1/plan.yaml'), fixtureText('minimal.yaml'));
    const run = () => runCli('run', 'plan.yaml', '--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary');
    try {
      process.chdir(join(parent, 'p1'));
      expect((await run()).code).toBe(0);
      process.chdir(parent);
      renameSync('p1', 'p2');
      process.chdir('p2');
      const again = await run();
      expect(again.err).not.toContain('another scenario file');
      expect(again.code).toBe(0);
    } finally {
      process.chdir(saved);
    }
  });

  // merge from a folder where the parts' file is not found (shards run in another folder): it replaced
  // whatever report was at the default --out, another scenario file's included, as nothing could be compared.
  it("merge whose parts' file cannot be confirmed from here: replaces its own file's report, refuses another's", async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    process.chdir(dir);
    try {
      for (const d of ['a', 'b']) mkdirSync(d);
      writeFileSync('a/plan.yaml', fixtureText('minimal.yaml'));
      writeFileSync('b/plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'));
      const a = realpathSync('a/plan.yaml');
      const recorded = () => JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario as unknown;
      expect((await runCli('run', 'a/plan.yaml', '--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary')).code).toBe(0);
      const first = readFileSync('reports/plan/summary.json');
      // Each folder's shards name their file as given there, "plan.yaml": not found from dir.
      for (const d of ['a', 'b']) {
        process.chdir(d);
        expect((await runCli('run', 'plan.yaml', '--trials', '300', '--workers', '0', '--seed', '9', '--shard', '1/1', '--out', `${dir}/parts-${d}/`)).code).toBe(0);
        process.chdir(dir);
      }
      const other = await runCli('merge', 'parts-b/', '--quiet', '--outputs', 'summary');
      expect(other.code).toBe(2);
      expect(other.err).toBe(
        `arrcast: --out defaults to reports/plan, which holds the report of the scenario file "${a}", not the scenario these parts ran (nor is the file they name, "plan.yaml": not found from here); give --out another directory, or remove reports/plan (or give --out reports/plan) to replace it\n`,
      );
      expect(readFileSync('reports/plan/summary.json').equals(first)).toBe(true);
      // a's own parts: the report's file loads as their scenario, so it is a re-run, and still a's.
      expect((await runCli('merge', 'parts-a/', '--quiet', '--outputs', 'summary')).code).toBe(0);
      expect(readFileSync('reports/plan/summary.json').equals(first)).toBe(false);
      expect(recorded()).toBe('../../a/plan.yaml');
    } finally {
      process.chdir(saved);
    }
  });

  // The README's "the same file run again is replaced however it is reached (edited, ...)": merge of
  // parts whose file was edited since the shards ran was refused, its message naming that file twice.
  it("merge of parts whose file was edited since replaces that file's report; another file's is refused, naming both", async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    process.chdir(dir);
    try {
      mkdirSync('a');
      writeFileSync('plan.yaml', fixtureText('minimal.yaml'));
      writeFileSync('a/plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'));
      const plan = realpathSync('plan.yaml');
      const recorded = () => JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario as unknown;
      const run = (file: string, ...args: string[]) => runCli('run', file, '--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary', ...args);
      expect((await run('plan.yaml')).code).toBe(0);
      expect((await runCli('run', 'plan.yaml', '--trials', '300', '--workers', '0', '--seed', '9', '--shard', '1/1', '--out', 'parts/')).code).toBe(0);
      writeFileSync('plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1250000'));
      const merged = await runCli('merge', 'parts/', '--quiet', '--outputs', 'summary');
      expect(merged.err).toMatch(/^wrote reports\/plan\/ from 1 part /);
      expect(merged.code).toBe(0);
      expect(JSON.parse(readFileSync('reports/plan/summary.json', 'utf8')).seed).toBe('9');
      expect(recorded()).toBe('../../plan.yaml');
      // a/plan.yaml's report (--out given) is another file's: refused, naming it and the edited plan.yaml.
      expect((await run('a/plan.yaml', '--out', 'reports/plan')).code).toBe(0);
      const refused = await runCli('merge', 'parts/', '--quiet', '--outputs', 'summary');
      expect(refused.code).toBe(2);
      expect(refused.err).toBe(
        `arrcast: --out defaults to reports/plan, which holds the report of the scenario file "${realpathSync('a/plan.yaml')}", not the scenario these parts ran (nor is the file they name, "plan.yaml": from here it is another scenario, "${plan}"); give --out another directory, or remove reports/plan (or give --out reports/plan) to replace it\n`,
      );
      expect(recorded()).toBe('../../a/plan.yaml');
    } finally {
      process.chdir(saved);
    }
  });

  // The library's writeReport without scenarioFile recorded no file: a later `run b/plan.yaml` replaced
  // the report it wrote of a/plan.yaml at reports/plan without a word. It records the file loadScenario
  // read; none for a scenario parsed from text; the report's own scenario.json keeps the file named.
  it('writeReport records the file loadScenario read, so a run of another file of its name does not replace its report', async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    process.chdir(dir);
    try {
      for (const d of ['a', 'b']) mkdirSync(d);
      writeFileSync('a/plan.yaml', fixtureText('minimal.yaml'));
      writeFileSync('b/plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'));
      const write = async (loaded: LoadedScenario) => {
        const sim = await simulate(loaded, { trials: 300, workers: 0, seed: 1 });
        await writeReport('reports/plan', sim, summarize(sim), { outputs: ['summary'] });
      };
      const recorded = () => JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario as unknown;
      await write(await loadScenario('a/plan.yaml'));
      expect(recorded()).toBe('../../a/plan.yaml');
      const first = readFileSync('reports/plan/summary.json');
      const refused = await runCli('run', 'b/plan.yaml', '--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary');
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`which holds the report of another scenario file, "${realpathSync('a/plan.yaml')}"`);
      expect(readFileSync('reports/plan/summary.json').equals(first)).toBe(true);
      // The report's own scenario.json, loaded and written into the report again: still a's report.
      await write(await loadScenario('reports/plan/scenario.json'));
      expect(recorded()).toBe('../../a/plan.yaml');
      // A scenario parsed from text names no file: its report's marker names none.
      await write(parseScenario(fixtureText('minimal.yaml'), 'plan.yaml'));
      expect(recorded()).toBeUndefined();
    } finally {
      process.chdir(saved);
    }
  });

  it('writeReport checks its scenarioFile option: a string, else TypeError', async () => {
    await expect(writeReport(join(tmpdir(), 'never-written'), {} as never, {} as never, { scenarioFile: 5 as never })).rejects.toSatisfy(typeErrorSaying("writeReport: scenarioFile must be a string, the scenario file's path (got number)"));
  });

  it('writeReport checks its renderChart option and what it resolves to: a TypeError naming the chart, no report and nothing left beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-render-option-'));
    const out = join(dir, 'r');
    await expect(writeReport(out, {} as never, {} as never, { renderChart: 'vega' as never })).rejects.toSatisfy(typeErrorSaying('writeReport: renderChart must be a function from a Vega-Lite spec to { svg, warnings } (got string)'));
    const sim = await simulate(parseScenario(fixtureText('minimal.yaml'), 'plan.yaml'), { trials: 300, workers: 0, seed: 1 });
    await expect(writeReport(out, sim, summarize(sim), { outputs: ['html'], renderChart: (async () => ({ svg: 42 })) as never })).rejects.toThrow(
      /^renderChart must resolve to \{ svg: string, warnings: string\[\] \}; for chart [\w-]+ it gave \{ svg \}$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writeReport's recheck runs just before the move, every file written: when it throws, the earlier report stays and nothing is left beside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    const sim = await simulate(parseScenario(fixtureText('minimal.yaml'), 'plan.yaml'), { trials: 300, workers: 0, seed: 1 });
    const out = join(dir, 'r');
    await writeReport(out, sim, summarize(sim), { outputs: ['summary'] });
    const first = readFileSync(join(out, 'summary.json'));
    const other = await simulate(parseScenario(fixtureText('minimal.yaml'), 'plan.yaml'), { trials: 300, workers: 0, seed: 2 });
    let seen: string[] = [];
    const refusal = new Error('the report there is not ours to replace');
    const recheck = async () => {
      // The new report's files are all written by now, in the temporary folder beside it.
      seen = readdirSync(dir);
      throw refusal;
    };
    await expect(writeReport(out, other, summarize(other), { outputs: ['summary'], recheck })).rejects.toBe(refusal);
    expect(seen.filter((n) => n.startsWith('.arrcast-tmp-')).length).toBe(1);
    expect(readFileSync(join(out, 'summary.json')).equals(first)).toBe(true);
    expect(readdirSync(dir)).toEqual(['r']);
    await expect(writeReport(out, other, summarize(other), { recheck: 'yes' as never })).rejects.toSatisfy(typeErrorSaying('writeReport: recheck must be a function, called just before the report is moved into place (got string)'));
  });
});
