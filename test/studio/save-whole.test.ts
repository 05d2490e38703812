import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Refusal } from '../../src/studio/http-guard.js';
import { saveOverlay } from '../../src/studio/save.js';
import { ROOT } from '../helpers/fixtures.js';
import { MARKER_FILE, markerText } from '../../src/report/output-marker.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-save-whole-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusalOf = async (p: Promise<unknown>) => {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Refusal);
  return { status: (err as Refusal).status, message: (err as Refusal).message, field: (err as Refusal).field };
};

describe('arrcast studio: a save is whole or not at all', () => {
  it('a write cut off part-way (a 16 KiB file-size limit, EFBIG) leaves no file and no temporary file, and says why', () => {
    const sub = join(dir, 'limited');
    mkdirSync(sub);
    writeFileSync(join(sub, 'plan.yaml'), 'name: plan\n');
    // A child under `ulimit -f 16`: writing past 16 KiB fails with EFBIG (node ignores SIGXFSZ), after the first 16 KiB are on disk.
    const script = `
      const { saveOverlay } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/studio/save.ts')).href)});
      const r = await saveOverlay(process.argv[1], 'big.yaml', '#'.repeat(1 << 20)).then(() => ({ ok: true }), (e) => ({ status: e.status, message: e.message, field: e.field }));
      process.stdout.write(JSON.stringify(r));`;
    const out = execFileSync('bash', ['-c', 'ulimit -f 16 && exec "$0" --import tsx --input-type=module -e "$1" "$2"', process.execPath, script, sub], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ status: 500, message: 'could not write big.yaml: file too large (EFBIG)' });
    expect(readdirSync(sub)).toEqual(['plan.yaml']);
  });

  it('a file that appears under the name is never replaced, nor a folder or a link there (409, field name)', async () => {
    const sub = join(dir, 'taken');
    mkdirSync(sub);
    writeFileSync(join(sub, 'mine.yaml'), 'kept\n');
    mkdirSync(join(sub, 'folder.yaml'));
    symlinkSync(join(sub, 'mine.yaml'), join(sub, 'link.yaml'));
    symlinkSync(join(sub, 'nowhere'), join(sub, 'dangling.yaml'));
    for (const file of ['mine.yaml', 'folder.yaml', 'link.yaml', 'dangling.yaml'])
      expect(await refusalOf(saveOverlay(sub, file, 'new\n')), file).toEqual({ status: 409, message: `${file} already exists; choose another name`, field: 'name' });
    expect(readFileSync(join(sub, 'mine.yaml'), 'utf8')).toBe('kept\n');
    expect(readdirSync(sub).sort()).toEqual(['dangling.yaml', 'folder.yaml', 'link.yaml', 'mine.yaml']);
  });

  it('a save that succeeds leaves the one file with the whole text, and nothing beside it', async () => {
    const sub = join(dir, 'fine');
    mkdirSync(sub);
    const text = `# saved\n${'x: 1\n'.repeat(50_000)}`;
    expect(await saveOverlay(sub, 'what if.yaml', text)).toBe(join(sub, 'what if.yaml'));
    expect(readFileSync(join(sub, 'what if.yaml'), 'utf8')).toBe(text);
    expect(readdirSync(sub)).toEqual(['what if.yaml']);
  });

  it('a scenario opened from an arrcast report (its scenario.json) saves nothing into the report (409), which the next run replaces whole', async () => {
    const report = join(dir, 'report');
    mkdirSync(report);
    writeFileSync(join(report, MARKER_FILE), markerText('report'));
    writeFileSync(join(report, 'scenario.json'), '{}');
    const { status, message } = await refusalOf(saveOverlay(report, 'what if.yaml', 'extends: scenario.json\n'));
    expect(status).toBe(409);
    expect(message).toMatch(new RegExp(`^what if\\.yaml is inside the arrcast report ${realpathSync(report)} \\(it holds arrcast's marker file \\${MARKER_FILE}`));
    expect(message).toContain('copy the scenario out of it to save what-ifs beside it');
    expect(readdirSync(report).sort()).toEqual([MARKER_FILE, 'scenario.json']);
  });

  it('a scenario further down in a report, or reached through a link to its folder, is refused naming the report, not its own folder', async () => {
    const report = join(dir, 'report-up');
    mkdirSync(join(report, 'charts', 'deep'), { recursive: true });
    writeFileSync(join(report, MARKER_FILE), markerText('report'));
    symlinkSync(join(report, 'charts', 'deep'), join(dir, 'link-to-deep'));
    for (const folder of [join(report, 'charts', 'deep'), join(dir, 'link-to-deep')]) {
      const { status, message } = await refusalOf(saveOverlay(folder, 'w.yaml', 'x: 1\n'));
      expect(status).toBe(409);
      // Before, the folder's text was walked: the link's path is in no report, and the what-if went into it.
      expect(message).toContain(`w.yaml is inside the arrcast report ${realpathSync(report)} (it holds arrcast's marker file ${MARKER_FILE}; charts is a name the report writes itself`);
    }
    expect(readdirSync(join(report, 'charts', 'deep'))).toEqual([]);
  });
});
