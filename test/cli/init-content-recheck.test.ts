import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * init --force replaces a file the template names only when it holds the template's content: that
 * is checked again just before the moves (the write's recheck), as the places are. A user's own
 * pipeline written over an earlier init's copy while init ran was replaced. Here the change comes
 * once init has checked, when it starts writing (writeFilesAtomically wrapped to make it).
 */
const during = vi.hoisted(() => ({ change: undefined as (() => void) | undefined }));
vi.mock('../../src/report/atomic-file.js', async (original) => {
  const real = await original<typeof import('../../src/report/atomic-file.js')>();
  return {
    ...real,
    writeFilesAtomically: async (...args: Parameters<typeof real.writeFilesAtomically>) => {
      during.change?.();
      return real.writeFilesAtomically(...args);
    },
  };
});

// The forks pool keeps its module cache from file to file (isolate: false): a file before this one
// may have loaded the CLI with the real writer. Loaded afresh it takes the mock; the files after get the real one.
vi.resetModules();
afterAll(() => {
  vi.doUnmock('../../src/report/atomic-file.js');
  vi.resetModules();
});
const { arrcastInProcess: arrcast } = await import('../helpers/cli.js');

describe('init --force checks a named file’s content again before it writes', () => {
  it('a file the template names that a user changed while init ran is kept; nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-init-recheck-'));
    const plan = join(dir, 'plan.yaml');
    expect((await arrcast(['init', plan, '--template', 'hybrid-company'])).code).toBe(0);
    const csv = join(dir, 'data/hybrid-pipeline.csv');
    const planText = readFileSync(plan, 'utf8');
    writeFileSync(plan, '# changed plan\n');
    const mine = 'my,own\n1,2\n';
    during.change = () => writeFileSync(csv, mine);
    const r = await arrcast(['init', plan, '--template', 'hybrid-company', '--force']);
    during.change = undefined;
    expect([r.stderr, r.code]).toEqual([
      `arrcast: ${csv} was changed while init ran and is not the file the template writes there; init stopped and wrote none of its files\n`,
      2,
    ]);
    expect(readFileSync(csv, 'utf8')).toBe(mine);
    // Nothing else replaced either: the scenario keeps what was there.
    expect(readFileSync(plan, 'utf8')).toBe('# changed plan\n');
    expect(planText).not.toBe('# changed plan\n');
  });
});
