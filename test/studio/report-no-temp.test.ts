import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import { ROOT } from '../helpers/fixtures.js';

const engine = createEngine({ workers: 1 });
afterAll(() => engine.close());

describe("the studio's 'download report' writes nothing to disk", () => {
  // It made a folder in the system's temporary directory, wrote report.html there and read it
  // back: a second Ctrl-C (or a kill) while the page was drawn left /tmp/arrcast-studio-* behind,
  // though the CLI said "temporary files removed".
  it('no file or folder appears in the temporary directory while the report is made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-report-no-temp-'));
    copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
    const scenario = await openStudioScenario(join(dir, 'example.yaml'));
    const session = new StudioSession(scenario, engine, { trials: 400, seed: 3 });
    const watched = mkdtempSync(join(dir, 'tmp-'));
    const events: string[] = [];
    const watcher = watch(watched, (event, name) => events.push(`${event} ${name}`));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = watched;
    try {
      expect(tmpdir()).toBe(watched);
      const html = (await session.reportHtml({ drivers: { '0/conversion': { central: 0.025 } }, market: null, confidence: 0.8 })).toString('utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain('<svg');
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    // Let the watcher deliver what it saw.
    await new Promise((resolve) => setTimeout(resolve, 100));
    watcher.close();
    expect(events).toEqual([]);
    expect(readdirSync(watched)).toEqual([]);
  });
});
