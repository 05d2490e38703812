import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import { sourceKey } from '../../src/model/column-key.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { hostileScenario, writeScenario } from './hostile-names-fixture.js';

/**
 * Names that are keys of Object.prototype, hold line/paragraph separators or the characters keys
 * and stream seeds are built with (`.`, `/`, `%`), work everywhere: a
 * full run writes its whole report (summary, CSVs, charts, HTML), and compare works, with the
 * name as tier name, as lead-source name, and beside a tier whose customers come from a file.
 */
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf', 'a\u2028b', 'p\u2029q', 'a.leads', 'p/leads.G', '100% %2E', '__proto__'];

const BOOK = 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator\nc1,Booked,12000,3,12,1,,\nc2,Booked,30000,7,12,1,,\n';

/** The built CLI in a child process (cwd the repository), without blocking this one: its exit status and stderr. */
function arrcastBinary(args: string[]): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }, (err, _stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      resolve({ status: err === null ? 0 : typeof code === 'number' ? code : -1, stderr });
    });
  });
}

/** The hostile-names scenario, plus a tier read from a customer file (books are looked up by tier name). */
function scenarioWithBook(name: string): { file: string; dir: string } {
  const json = JSON.parse(hostileScenario([{ name, grades: [name, 'B'] }, { name: 'Other' }], `Plan ${name}`)) as { tiers: unknown[] };
  json.tiers.push({ name: 'Booked', existing: { customersFile: 'book.csv', renewalRate: { dist: 'beta', mean: 0.9, sd: 0.02 } } });
  const written = writeScenario(JSON.stringify(json));
  writeFileSync(join(written.dir, 'book.csv'), BOOK);
  return written;
}

describe('prototype-named and separator-holding names work end to end', () => {
  it.each(NAMES)('tier and lead source named %j: run writes the whole report', async (name) => {
    const { file, dir } = scenarioWithBook(name);
    const out = join(dir, 'report');
    const r = await runCli('run', file, '-n', '300', '-w', '0', '--no-progress', '--outputs', 'all', '--out', out);
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(0);
    for (const f of ['summary.json', 'trials.csv', 'percentiles.csv', 'monthly.csv', 'report.html', 'sipmath.json', 'charts/breakdown.svg', 'charts/tornado.svg'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      openingArr: number;
      byTier: Record<string, { openingArr: number; revenue: { mean: number }; extras: Record<string, unknown> }>;
    };
    expect(Object.keys(summary.byTier)).toEqual([name, 'Other', 'Booked']);
    expect(summary.byTier[name]!.revenue.mean).toBeGreaterThan(0);
    expect(Object.hasOwn(summary.byTier[name]!.extras, sourceKey('leads', name))).toBe(true);
    // The report shows the source under its own name.
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`${escapeHtml(name)} leads`);
    // Each tier keeps its own book: the one from the file is not looked up on Object.prototype.
    expect(summary.byTier[name]!.openingArr).toBe(1_200_000);
    expect(summary.byTier.Booked!.openingArr).toBe(42_000);
    expect(summary.openingArr).toBe(2_442_000);
    expect(summary.byTier.Booked!.revenue.mean).toBeGreaterThan(30_000);
    expect(readFileSync(join(out, 'charts/breakdown.svg'), 'utf8')).toContain('<svg');
  });

  it.each(['__proto__', 'constructor', 'valueOf'])('a tier named %j reads its own customer book, in shards on workers, merged', async (name) => {
    const json = JSON.parse(hostileScenario([{ name: 'Other' }], `Book ${name}`)) as { tiers: unknown[] };
    json.tiers.unshift({ name, existing: { customersFile: 'book.csv', renewalRate: { dist: 'beta', mean: 0.9, sd: 0.02 } } });
    const { file, dir } = writeScenario(JSON.stringify(json));
    writeFileSync(join(dir, 'book.csv'), BOOK.replaceAll(',Booked,', `,${name},`));
    const parts = join(dir, 'parts/');
    // The binary (npm test builds it first), on the compiled worker: what a user runs. The two shards
    // run at once, as on two machines sharing parts/ (each writes its own temporary file, named
    // with its pid, and renames it to its own part file).
    const shards = await Promise.all(['1/2', '2/2'].map((shard) => arrcastBinary(['run', file, '-n', '2000', '-w', '2', '--no-progress', '--shard', shard, '--out', parts])));
    for (const r of shards) {
      expect(r.stderr).not.toContain('internal error');
      expect(r.status).toBe(0);
    }
    const out = join(dir, 'report');
    // The book lies outside the working directory, where a merge reads data files by default.
    const merged = await runCli('merge', parts, '-q', '--allow-path', dir, '--out', out);
    expect(merged.err).not.toContain('internal error');
    expect(merged.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { byTier: Record<string, { openingArr: number }> };
    expect(Object.keys(summary.byTier)).toEqual([name, 'Other']);
    expect(summary.byTier[name]!.openingArr).toBe(42_000);
  });

  it.each(['constructor', 'toString', 'a\u2028b', '__proto__'])('compare of two scenarios with a tier named %j', async (name) => {
    const a = scenarioWithBook(name);
    const b = writeScenario(hostileScenario([{ name, grades: [name, 'B'] }, { name: 'Other' }], `Other plan ${name}`));
    const out = join(a.dir, 'comparison');
    const r = await runCli('compare', a.file, b.file, '-n', '300', '-w', '0', '--no-progress', '--out', out);
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'comparison.json'))).toBe(true);
  });
});
