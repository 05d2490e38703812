import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, writeFiles } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * validate stops at a signal (main.ts's handlers abort the signal it is given) with the interrupted
 * exit code and without "ok": it went on to the end and said ok with exit 0, so a CI job that timed
 * out and sent SIGTERM passed.
 */
describe('arrcast validate and a signal', () => {
  it('a signal before it starts: exit 130, no ok', async () => {
    const r = await arrcastInProcess(['validate', join(ROOT, 'scenarios/example.yaml')], {}, AbortSignal.abort());
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('arrcast: interrupted; no output was written\n');
    expect(r.code).toBe(130);
  });

  it('a signal while a large customer book is read: exit 130, no ok', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `c${i},E,${1000 + (i % 5000)},${(i % 12) + 1},12`);
    const dir = writeFiles({ 's.yaml': 'name: big\ntiers:\n  - name: E\n    existing: { customersFile: c.csv, renewalRate: 0.9 }\n', 'c.csv': `id,tier,arr,next_renewal,term_months\n${rows.join('\n')}\n` });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 0);
    const r = await arrcastInProcess(['validate', join(dir, 's.yaml')], {}, stop.signal);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(130);
  });

  it('no signal: ok, exit 0', async () => {
    const r = await arrcastInProcess(['validate', join(ROOT, 'scenarios/example.yaml')], {}, new AbortController().signal);
    expect(r.stdout).toContain(': ok (');
    expect(r.code).toBe(0);
  });
});
