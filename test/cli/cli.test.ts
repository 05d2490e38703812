import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/** The CLI as a user runs it: the built dist/cli/main.js (npm test builds first). For what needs the real process. */
function arrcastBinary(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI in this process (buildProgram, exit codes as the binary gives them): for output and exit codes. */
const arrcast = arrcastInProcess;

const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-cli-'));
const minimal = join(ROOT, 'test/fixtures/minimal.yaml');

describe('arrcast run', () => {
  it('prints the summary table and writes summary.json, trials.csv and scenario.json', async () => {
    const out = join(tmp(), 'report');
    const r = arrcastBinary(['run', minimal, '--trials', '1500', '--seed', '11', '--workers', '0', '--out', out, '--outputs', 'default,trials']);
    expect(r.stderr).toContain(`wrote ${out}/`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Minimal: 1,500 trials, seed 11, EUR. Px = x% chance of coming in below.');
    expect(r.stdout).toMatch(/Recognized revenue\s+\d/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.trials).toBe(1500);
    expect(summary.seed).toBe('11');
    for (const m of ['revenue', 'bookings', 'endingArr']) {
      expect(Object.keys(summary.metrics[m]).sort()).toEqual(['max', 'mean', 'min', 'percentileIntervals', 'percentiles', 'sd', 'standardError']);
      expect(Object.keys(summary.metrics[m].percentiles)).toEqual(['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99']);
    }
    const csv = readFileSync(join(out, 'trials.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1501);
    expect(csv[0]!.startsWith('trial,revenue,bookings,endingArr,')).toBe(true);
    const first = csv[1]!.split(',');
    expect(first[0]).toBe('1');
    // The CSV's revenue column is each trial's value rounded to the cent: its mean is the summary's
    // mean within half a cent (each value is off by at most 0.005, so their mean is too).
    const revenues = csv.slice(1).map((row) => Number(row.split(',')[1]));
    expect(Math.abs(revenues.reduce((a, b) => a + b, 0) / revenues.length - summary.metrics.revenue.mean)).toBeLessThanOrEqual(0.005);
    expect(readdirSync(join(out, '..')).filter((f) => f.startsWith('.arrcast-tmp-'))).toEqual([]);
  });

  it('--help explains every option', async () => {
    const r = await arrcast(['run', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--trials', '--seed', '--workers', '--out', '--outputs', '--quiet', '--no-progress']) expect(r.stdout).toContain(opt);
    // What each output costs, and that the per-trial exports are not written by default.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('trials: trials.csv: one row per trial, every column, 79 MB');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('trials.csv and sipmath.json with --outputs');
    // The default --out is named after the file (defaultOutDir), not the scenario's `name:`.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('default: reports/<scenario file name> (reports/my-plan for my-plan.yaml');
    expect(r.stdout).not.toContain('<scenario name>');
    // --precision starts at --trials when given (simulateToPrecision's startTrials), not always at 10,000.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('keep adding trials (doubling, from --trials or else 10,000, in whole chunks of 1,000)');
  });

  it("merge's --help lists report.xlsx among the files it writes by default, as run's does", async () => {
    const r = await arrcast(['merge', '--help']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('report.html, report.xlsx, charts/');
  });

  it("merge's --help prices the outputs without run's workers: a merge has none", async () => {
    const merge = (await arrcast(['merge', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(merge).toContain('html: report.html: one page with every table and chart, 0.2 MB, ~0.3 s (draws the charts);');
    expect(merge).toContain('trials: trials.csv: one row per trial, every column, 79 MB, ~0.5 s;');
    expect(merge).not.toContain('worker');
    // run's help keeps saying when its work happens.
    expect((await arrcast(['run', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('vega loads while the workers simulate');
  });

  it('a bad option value exits 2 with a message and no stack trace', async () => {
    const r = await arrcast(['run', minimal, '--workers', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('workers must be a whole number >= 0 in plain digits (e.g. 2), got "lots"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an invalid scenario exits 2, prints located problems, and leaves an existing report untouched', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(minimal, 'utf8').replace('conversion: 0.05', 'conversion: 5'));
    const out = join(dir, 'report');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.json'), 'previous');
    const r = await arrcast(['run', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`arrcast: ${bad}:13:19 tiers[0].newBusiness.conversion: a rate must be within [0, 1]; did you mean 0.05 (or 5%)?\n`);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('previous');
  });

  it('refuses an --out that is not an arrcast report, before running, and deletes nothing', async () => {
    const dir = tmp();
    const precious = join(dir, 'precious');
    mkdirSync(precious);
    writeFileSync(join(precious, 'important.txt'), 'keep me');
    const r = await arrcast(['run', minimal, '--trials', '100', '--workers', '0', '--out', precious]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `arrcast: --out ${precious} is not an arrcast report (it holds important.txt) and a run replaces its output directory whole; pick a new or empty directory\n`,
    );
    expect(readFileSync(join(precious, 'important.txt'), 'utf8')).toBe('keep me');
  });

  it('replaces a previous report, and quotes tier names with commas or accents in trials.csv', async () => {
    const dir = tmp();
    const scenario = join(dir, 'eu.yaml');
    writeFileSync(scenario, readFileSync(minimal, 'utf8').replace('name: SMB', 'name: "Größe, EU"') + '  - name: Other\n    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 1000 }\n');
    const out = join(dir, 'report');
    expect((await arrcast(['run', scenario, '--trials', '50', '--workers', '0', '--out', out, '--outputs', 'all'])).code).toBe(0);
    expect((await arrcast(['run', scenario, '--trials', '60', '--workers', '0', '--out', out, '--outputs', 'summary,trials'])).code).toBe(0);
    // Replaced whole: the first run's report.html and sipmath.json are gone.
    expect(readdirSync(out).sort()).toEqual(['.arrcast-report', 'scenario.json', 'summary.json', 'trials.csv']);
    const [header, ...rows] = readFileSync(join(out, 'trials.csv'), 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(60);
    expect(header).toContain('"tier.Größe, EU.revenue"');
    // Same number of fields in the header and every row, once quoting is honoured.
    const fields = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.length - 1;
    expect(rows.every((row) => fields(row) === fields(header!))).toBe(true);
  });

  it('a missing file exits 2 naming it', async () => {
    const r = await arrcast(['run', 'no/such/plan.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('arrcast: no/such/plan.yaml does not exist\n');
  });
});

describe('arrcast run: interrupted', () => {
  // The previous report, written once and copied into each test's directory (a
  // report holds no path of its own: its marker says only that arrcast wrote it). Written in this
  // process: it is the test's starting point, not what it checks (the binary's exit and what it
  // leaves are), and a process of its own cost about a second of CPU.
  let previous: Promise<string> | undefined;
  const previousReport = (): Promise<string> =>
    (previous ??= (async () => {
      const out = join(tmp(), 'report');
      const r = await arrcast(['run', minimal, '--trials', '200', '--workers', '0', '--out', out, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      return out;
    })());

  // SIGINT: the same run in test/cli/signals.test.ts ('with workers, SIGINT mid-simulation stops the
  // pool'), which compares every file of the previous report; a run of its own here was the same work twice.
  it.each([['SIGTERM', 143]] as const)('%s stops the workers, exits %d, writes nothing and leaves the previous report', async (signal, code) => {
    const dir = tmp();
    const out = join(dir, 'report');
    cpSync(await previousReport(), out, { recursive: true });
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'run', join(ROOT, 'scenarios/example.yaml'), '--trials', '2000000', '--workers', '2', '--out', out], {
      cwd: ROOT,
      // The test hook prints when the first chunk is done: the pool has started and chunks run.
      env: { ...process.env, ARRCAST_PAUSE_AT: 'simulating' },
    });
    let stderr = '';
    const simulating = new Promise<void>((resolve) =>
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('paused at simulating')) resolve();
      }),
    );
    await simulating;
    child.kill(signal);
    const exit = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(exit).toBe(code);
    expect(stderr).toContain('arrcast: interrupted; no output was written');
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.arrcast-tmp-'))).toEqual([]);
  });
});

describe('arrcast run: decisions', () => {
  it('--target, --confidence: probabilities with intervals, budgets, what must be true, in the table and summary.json', async () => {
    const out = join(tmp(), 'report');
    const r = await arrcast(['run', minimal, '--trials', '2000', '--workers', '0', '--seed', '5', '--out', out, '--target', 'revenue=2.2M', '--target', 'SMB:endingArr=1.4M', '--confidence', '90%', '--outputs', 'summary,trials']);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Budget at 90% confidence (reached or beaten in 90% of trials = P10)');
    expect(r.stdout).toMatch(/revenue >= 2\.2M\s+\d+\.\d%\s+\[/);
    // Revenue of the minimal fixture is about 1.5M: no trial reaches 2.2M, every trial 1.4M of SMB ARR.
    expect(r.stdout).toContain('revenue >= 2.2M is reached in none of the 2,000 trials looked at');
    expect(r.stdout).toContain('SMB ending ARR >= 1.4M is reached in every one of the 2,000 trials looked at');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.decisions.confidence).toBe(0.9);
    expect(summary.decisions.targets.map((t: { label: string }) => t.label)).toEqual(['revenue >= 2.2M', 'SMB ending ARR >= 1.4M']);
    // P(revenue >= 2.2M) equals the share of trials in trials.csv at or above it.
    const rows = readFileSync(join(out, 'trials.csv'), 'utf8').trimEnd().split('\n').slice(1);
    const hits = rows.filter((row) => Number(row.split(',')[1]) >= 2.2e6).length;
    expect(summary.decisions.targets[0].probability.value).toBeCloseTo(hits / 2000, 12);
    // The 90% budget is the P10, with an interval around it.
    expect(summary.decisions.budgets.metrics.revenue.value).toBeCloseTo(summary.metrics.revenue.percentiles.p10, 6);
    expect(summary.metrics.revenue.percentileIntervals.p50[0]).toBeLessThanOrEqual(summary.metrics.revenue.percentiles.p50);
  });

  it('--precision reports how many trials it took', async () => {
    const out = join(tmp(), 'report');
    const r = await arrcast(['run', minimal, '--precision', '1%', '--trials', '1000', '--max-trials', '8000', '--workers', '0', '--out', out]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.precision.target).toBe(0.01);
    expect(summary.trials).toBe(summary.precision.trials);
    expect(r.stdout).toContain(`after ${summary.trials.toLocaleString('en-US')} trials; asked 1.0%`);
  });

  it.each([
    [['--target', 'revenue>120M'], 'is not a target: write revenue=120M'],
    [['--target', 'Nope:revenue=1M'], 'no tier is named "Nope"'],
    [['--confidence', '1.5'], 'confidence must be between 0 and 1'],
    [['--precision', '0'], 'precision must be between 0 and 1'],
    [['--outputs', 'html,pdf'], '--outputs: "pdf" is not an output; choose among summary, html, charts, csv, xlsx, trials, sipmath, all or default'],
  ])('bad decision options exit 2: %j', async (args, message) => {
    const r = await arrcast(['run', minimal, '--trials', '100', '--workers', '0', '--out', join(tmp(), 'r'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('arrcast validate, schema, init', () => {
  it('validate says ok for good files and exits 2 listing the problems of bad ones', async () => {
    expect((await arrcast(['validate', minimal])).stdout).toBe(`${minimal}: ok (Minimal, 1 tier)\n`);
    const bad = join(tmp(), 'bad.json');
    writeFileSync(bad, '{\n  "name": "x",\n  "tiers": [{ "name": "A", "newBusiness": { "leadsPerMonth": -3, "conversion": 0.1, "acv": 10 } }]\n}\n');
    const r = await arrcast(['validate', minimal, bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`arrcast: ${bad}:3:62 tiers[0].newBusiness.leadsPerMonth: this number must be >= 0, got -3\n`);
  });

  it('schema prints the JSON Schema', async () => {
    const r = await arrcast(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.title).toBe('arrcast scenario');
    expect(schema.properties.tiers.type).toBe('array');
  });

  it('init writes a starter that validates, and will not overwrite without --force', async () => {
    const file = join(tmp(), 'my-plan.yaml');
    expect((await arrcast(['init', file])).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect((await arrcast(['validate', file])).code).toBe(0);
    const again = await arrcast(['init', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`arrcast: ${file} exists; use --force to overwrite it\n`);
    expect((await arrcast(['init', file, '--force'])).code).toBe(0);
  });

  it('every command has --help', async () => {
    for (const cmd of ['run', 'validate', 'schema', 'init', 'merge']) {
      const r = await arrcast([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: arrcast ${cmd}`);
    }
  });

  it("--version prints package.json's version (the one part files record)", () => {
    const r = arrcastBinary(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('an unknown command exits 2', async () => {
    expect((await arrcast(['frobnicate'])).code).toBe(2);
  });

  it('after a usage error, the help it points to is the command in use (not "run with --help", read as arrcast run)', async () => {
    const missing = await arrcast(['compare']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("error: missing required argument 'scenarios'\n(arrcast compare --help for usage)\n");
    expect((await arrcast(['validate', '--frobnicate'])).stderr).toBe("error: unknown option '--frobnicate'\n(arrcast validate --help for usage)\n");
    expect((await arrcast(['frobnicate'])).stderr).toBe("error: unknown command 'frobnicate'\n(arrcast --help for usage)\n");
  });
});
