import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureText } from '../helpers/fixtures.js';
import { MARKER_FILE } from '../../src/report/output-marker.js';

// A gate before the report is written, after merge's first check of the default --out's owner: the
// first call armed waits at it until released (a test's only way in between the check and the move).
const gate = vi.hoisted(() => ({ armed: undefined as undefined | { reached: () => void; release: Promise<void> } }));
vi.mock('../../src/cli/report-run.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/cli/report-run.js')>();
  return {
    ...real,
    reportSimulation: async (...args: Parameters<typeof real.reportSimulation>) => {
      const g = gate.armed;
      gate.armed = undefined;
      if (g) {
        g.reached();
        await g.release;
      }
      return real.reportSimulation(...args);
    },
  };
});

// The forks pool runs files one after another with their module cache kept (isolate: false): a file
// before this one may have loaded the CLI with the real report-run, whose merge never reaches the gate
// (the test waited out its timeout). Loaded afresh, it takes the mock; the files after get the real one.
vi.resetModules();
afterAll(() => {
  vi.doUnmock('../../src/cli/report-run.js');
  vi.resetModules();
});
const { runCli } = await import('../helpers/in-process-cli.js');

/** The files of a directory tree with their contents. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  return out;
}

/**
 * merge checks whose report is at the default --out twice: before it writes, and again just before
 * the move (checkMergeReportOwner's recheck). End to end: two merges of different scenario files of
 * one name (a/plan.yaml, b/plan.yaml) share reports/plan; b's passes the first check while nothing
 * is there, a's finishes meanwhile; b's then exits 2 at the move, naming a's file, and a's report is
 * left whole, with nothing of b's written beside it. In-process, few trials, summary only.
 */
describe("merge's recheck of the report's owner just before the move", () => {
  it('the later of two merges of different scenarios at one default --out exits 2; the first one\'s report is whole', async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-merge-owner-'));
    process.chdir(dir);
    try {
      for (const d of ['a', 'b']) mkdirSync(d);
      writeFileSync('a/plan.yaml', fixtureText('minimal.yaml'));
      writeFileSync('b/plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'));
      for (const s of ['a', 'b']) expect((await runCli('run', `${s}/plan.yaml`, '--trials', '200', '--workers', '0', '--shard', '1/1', '--out', `parts-${s}/`)).code).toBe(0);
      const a = realpathSync('a/plan.yaml');

      let reached!: () => void;
      const atGate = new Promise<void>((resolve) => (reached = resolve));
      let release!: () => void;
      gate.armed = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
      const later = runCli('merge', 'parts-b/', '--quiet', '--outputs', 'summary');
      await atGate;
      // b's merge has checked reports/plan (nothing there) and waits; a's merge writes it.
      const first = await runCli('merge', 'parts-a/', '--quiet', '--outputs', 'summary');
      expect(first.code).toBe(0);
      const written = tree('reports/plan');
      // a's: its marker names a/plan.yaml (relative to the report), and its summary is there.
      expect(JSON.parse(written[`/${MARKER_FILE}`]!).scenario).toBe('../../a/plan.yaml');
      expect(written['/summary.json']).toBeDefined();
      release();
      const refused = await later;
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`--out defaults to reports/plan, which holds the report of another scenario file, "${a}"`);
      expect(refused.err).not.toMatch(/\n\s+at /);
      // a's report whole, and nothing else in reports/ (b's temporary directory removed).
      expect(tree('reports/plan')).toEqual(written);
      expect(readdirSync('reports')).toEqual(['plan']);
    } finally {
      process.chdir(saved);
    }
  });
});
