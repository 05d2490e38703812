import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';

/** Every test file that opens a browser (playwright-core, or the helper that launches it), without test/helpers and this one. */
function browserTestFiles(dir = join(ROOT, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'helpers' ? [] : browserTestFiles(path);
    return e.name.endsWith('.test.ts') && e.name !== 'check-browser-script.test.ts' && /from 'playwright-core'|launchTestBrowser/.test(readFileSync(path, 'utf8')) ? [relative(ROOT, path)] : [];
  });
}

/**
 * scripts/check-browser.mjs, run by `npm test` first, names the tests that fail without a browser.
 * It named only test/report/report-browser.test.ts (and the README "the three report tests"), while
 * six files open one: a newcomer without Chromium saw more failures than announced.
 */
describe('npm test without a browser', () => {
  it('says at the start which tests will fail: every test file that opens one', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check-browser.mjs')], { cwd: ROOT, env: { ...process.env, ARRCAST_CHROMIUM: join(ROOT, 'no-such-browser') }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const files = browserTestFiles();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const [dir, name] = [file.slice(0, file.lastIndexOf('/')), file.slice(file.lastIndexOf('/') + 1).replace(/\.test\.ts$/, '')];
      // Named as the message groups them: a folder, then its files' names without .test.ts.
      const group = r.stderr.slice(r.stderr.indexOf(dir));
      expect(r.stderr, file).toContain(dir);
      expect(group.slice(0, group.search(/, test\/|\) will fail/)), file).toContain(name);
    }
  });
});
