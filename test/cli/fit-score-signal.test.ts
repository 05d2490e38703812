import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/program.js';
import { describeFailure, EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A signal (Ctrl-C, SIGTERM) that arrives while `arrcast fit` or `arrcast score` runs is honoured:
 * exit 130, "no output was written", the earlier file kept, no temporary file left, and no
 * scores printed as if the command had finished. main.ts turns the signal into an abort; here the
 * abort has come before the command reaches its output.
 */
let dir: string;
let report: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-signal-'));
  writeFileSync(join(dir, 'plan.yaml'), 'name: Signal\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n');
  report = join(dir, 'report');
  const r = await runCli('run', join(dir, 'plan.yaml'), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', report, '--outputs', 'summary,trials');
  if (r.code !== 0) throw new Error(r.err);
  writeFileSync(join(dir, 'outcomes.csv'), 'tier,metric,value\ntotal,revenue,11000000\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `arrcast ...args` with the abort already signalled. */
async function interrupted(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const abort = new AbortController();
  abort.abort();
  let out = '';
  let err = '';
  const program = buildProgram({ out: (t) => (out += t), err: (t) => (err += t) }, () => undefined, abort.signal);
  try {
    await program.parseAsync(['node', 'arrcast', ...args]);
    return { code: EXIT.ok, out, err };
  } catch (e) {
    const failure = describeFailure(e);
    return { code: failure.code, out, err: `${err}${failure.message}\n` };
  }
}

describe('a signal during fit or score', () => {
  it('fit --force keeps the earlier file and leaves no temporary file', async () => {
    const out = join(dir, 'fitted.yaml');
    writeFileSync(out, 'mine\n');
    const r = await interrupted('fit', join(ROOT, 'scenarios/example-history.csv'), '--out', out, '--force');
    expect(r).toEqual({ code: EXIT.interrupted, out: '', err: 'arrcast: interrupted; no output was written\n' });
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).filter((f) => f.includes('arrcast-tmp'))).toEqual([]);
  });

  it('score prints no scores and writes no --out', async () => {
    const r = await interrupted('score', report, '--actuals', join(dir, 'outcomes.csv'), '--out', join(dir, 'scores'));
    expect(r).toEqual({ code: EXIT.interrupted, out: '', err: 'arrcast: interrupted; no output was written\n' });
    expect(readdirSync(dir)).not.toContain('scores');
  });
});
