import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { OutputDirError, prepareOutputDir, prepareReportDir, reportForeignEntries } from '../../src/report/output-dir.js';
import { MARKER_FILE, markerText } from '../../src/report/output-marker.js';
import { resolveOutPath } from '../../src/report/resolve-out.js';
import { OWNER_FILE } from '../../src/report/temp-dir.js';
import { resolveOutFile } from '../../src/report/resolve-out-file.js';
import { prepareScoreDir, SCORE_FILES } from '../../src/report/score-output.js';
import { COMPARISON_FILE, prepareComparisonDir } from '../../src/cli/write-comparison.js';

/**
 * A sandbox standing for a user's machine: h/home (HOME), and work/plans (the current directory)
 * holding the user's files, a report an arrcast run wrote, and lookalikes.
 */
let root: string;
let home: string;
let cwd: string;
const saved = { cwd: process.cwd(), home: process.env.HOME };

/** Every entry under dir (links not followed), with the contents of files: to show nothing was deleted or added. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    out[relative(dir, path)] = e.isSymbolicLink() ? `-> ${readlinkSync(path)}` : e.isFile() ? readFileSync(path, 'utf8') : '/';
  }
  return out;
}

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-outdir-')));
  home = join(root, 'h', 'home');
  cwd = join(root, 'work', 'plans');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.bashrc'), 'the user’s settings');
  writeFileSync(join(cwd, 'plan.yaml'), 'the user’s scenario');
  mkdirSync(join(cwd, 'user'));
  writeFileSync(join(cwd, 'user', 'budget.xlsx'), 'the user’s budget');
  // A user folder whose names match a report's: it has no marker, so it is not one.
  mkdirSync(join(cwd, 'lookalike', 'summary.json'), { recursive: true });
  mkdirSync(join(cwd, 'lookalike', 'charts'));
  // An older arrcast's report: the right names, no marker.
  mkdirSync(join(cwd, 'legacy', 'charts'), { recursive: true });
  writeFileSync(join(cwd, 'legacy', 'summary.json'), '{}');
  writeFileSync(join(cwd, 'legacy', 'charts', 'tornado.svg'), '<svg/>');
  // A report this arrcast wrote.
  mkdirSync(join(cwd, 'report', 'charts'), { recursive: true });
  writeFileSync(join(cwd, 'report', MARKER_FILE), markerText('report'));
  writeFileSync(join(cwd, 'report', 'summary.json'), '{}');
  writeFileSync(join(cwd, 'report', 'charts', 'tornado.svg'), '<svg/>');
  mkdirSync(join(cwd, 'empty'));
  writeFileSync(join(cwd, 'notes.txt'), 'a file');
  symlinkSync(join(cwd, 'user'), join(cwd, 'link-to-user'));
  symlinkSync(cwd, join(cwd, 'link-to-cwd'));
  symlinkSync(join(cwd, 'report'), join(cwd, 'link-to-report'));
  symlinkSync(join(cwd, 'gone'), join(cwd, 'dangling'));
  process.chdir(cwd);
  process.env.HOME = home;
});

afterEach(() => {
  process.chdir(saved.cwd);
  if (saved.home === undefined) delete process.env.HOME;
  else process.env.HOME = saved.home;
});

describe('resolveOutPath: the one path an --out names', () => {
  it.each([
    ['nothere/..', () => cwd],
    ['nothere/../new', () => join(cwd, 'new')],
    ['./a/b/../../..', () => join(root, 'work')],
    ['link-to-report', () => join(cwd, 'report')],
    ['link-to-cwd/..', () => join(root, 'work')],
    ['link-to-user/new', () => join(cwd, 'user', 'new')],
    ['report/', () => join(cwd, 'report')],
  ])('%s', async (out, expected) => {
    expect(await resolveOutPath(out)).toBe(expected());
  });
});

describe('prepareReportDir refuses, exit 2 before anything runs, and changes nothing', () => {
  it.each([
    ['', '--out is empty'],
    ['nothere/..', 'is the current directory'],
    ['.', 'is the current directory'],
    ['./', 'is the current directory'],
    ['..', 'is a directory above the current one'],
    ['../..', 'is a directory above the current one'],
    ['./a/../..', 'is a directory above the current one'],
    ['../../h/home', 'is your home directory'],
    ['../../h/home/', 'is your home directory'],
    ['../../h', 'is a directory above your home directory'],
    ['/', 'is the root directory'],
    ['link-to-cwd', 'is the current directory'],
    ['link-to-cwd/x/..', 'is the current directory'],
    ['user', 'is not an arrcast report (it holds budget.xlsx)'],
    ['link-to-user', 'is not an arrcast report (it holds budget.xlsx)'],
    ['user/../user', 'is not an arrcast report (it holds budget.xlsx)'],
    ['lookalike', 'is not an arrcast report (it holds summary.json (a folder))'],
    ['legacy', 'looks like a report of an older arrcast, without the .arrcast-report file'],
    ['notes.txt', 'is a file, not a directory'],
    ['plan.yaml', 'is a file, not a directory'],
    ['dangling', 'is a symbolic link to <cwd>/gone, which does not exist; arrcast does not write through it'],
    ['notes.txt/sub', 'cannot be written: not a directory (ENOTDIR)'],
    ['x'.repeat(300), 'cannot be written: name too long (ENAMETOOLONG)'],
  ])('--out %j', async (out, message) => {
    const before = snapshot(root);
    const error = await prepareReportDir(out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputDirError);
    expect((error as Error).message).toContain(message.replace('<cwd>', cwd));
    expect(snapshot(root)).toEqual(before);
  });

  it('$HOME and a directory above it, given as absolute paths', async () => {
    await expect(prepareReportDir(home)).rejects.toThrow(`--out ${home} is your home directory`);
    await expect(prepareReportDir(dirname(home))).rejects.toThrow('is a directory above your home directory');
    symlinkSync(home, join(cwd, 'link-to-home'));
    await expect(prepareReportDir('link-to-home')).rejects.toThrow(`--out link-to-home is your home directory (${home})`);
  });

  it('a report holding a file arrcast did not write, a report of another kind, and a forged marker', async () => {
    writeFileSync(join(cwd, 'report', 'notes.md'), 'mine');
    await expect(prepareReportDir('report')).rejects.toThrow('is an arrcast report that also holds notes.md, which arrcast did not write');
    mkdirSync(join(cwd, 'cmp'));
    writeFileSync(join(cwd, 'cmp', MARKER_FILE), markerText('comparison'));
    await expect(prepareReportDir('cmp')).rejects.toThrow('is an arrcast comparison, not a report');
    for (const forged of ['{}', 'not json', JSON.stringify({ magic: 'arrcast', kind: 'report', version: '0.1.0' }), markerText('report').replace('"kind":"report"', '"kind":"other"')]) {
      writeFileSync(join(cwd, 'legacy', MARKER_FILE), forged);
      await expect(prepareReportDir('legacy')).rejects.toThrow('looks like a report of an older arrcast');
    }
    // A marker that is a directory is no marker.
    mkdirSync(join(cwd, 'lookalike', MARKER_FILE));
    await expect(prepareReportDir('lookalike')).rejects.toThrow(OutputDirError);
  });
});

describe('a report’s charts folder holds its charts’ files and nothing else', () => {
  // Names a chart of arrcast's could have had (lower case, .svg or .vl.json) but that no report
  // writes: a user's own chart saved beside the report's. Taken for arrcast's, they were deleted by
  // the next run into the report (exit 0, "wrote report/").
  it.each(['board-deck.svg', 'revenue-distribution-v2.svg', 'tornado-2025.vl.json', 'mine.vl.json'])('charts/%s is the user’s: the report is not replaced', async (name) => {
    writeFileSync(join(cwd, 'report', 'charts', name), 'the user’s chart');
    const before = snapshot(root);
    await expect(prepareReportDir('report')).rejects.toThrow(`is an arrcast report that also holds charts/${name}, which arrcast did not write`);
    expect(snapshot(root)).toEqual(before);
  });

  it('every chart file a report writes is arrcast’s', async () => {
    // The eight charts by name, written out here (not read from the code under test), each as spec and image.
    for (const chart of ['revenue-distribution', 'exceedance', 'monthly-fan', 'breakdown', 'arr-bridge', 'tornado', 'bad-years', 'capacity'])
      for (const ext of ['.vl.json', '.svg']) writeFileSync(join(cwd, 'report', 'charts', chart + ext), '{}');
    expect(await prepareReportDir('report')).toBe(join(cwd, 'report'));
  });
});

describe('prepareReportDir accepts what holds nothing of the user’s, and returns the resolved path', () => {
  it.each([
    ['new', () => join(cwd, 'new')],
    ['nothere/../new', () => join(cwd, 'new')],
    ['deep/er/new', () => join(cwd, 'deep', 'er', 'new')],
    ['empty', () => join(cwd, 'empty')],
    ['report', () => join(cwd, 'report')],
    ['link-to-report', () => join(cwd, 'report')],
    ['link-to-report/', () => join(cwd, 'report')],
  ])('--out %j', async (out, expected) => {
    const before = snapshot(root);
    expect(await prepareReportDir(out)).toBe(expected());
    // The probe made and removed what it tried, parents included.
    expect(snapshot(root)).toEqual(before);
  });
});

describe('prepareOutputDir for another kind', () => {
  it('takes its kind’s marker and entries only', async () => {
    const foreign = async (d: string) => readdirSync(d).filter((n) => n !== 'comparison.json');
    mkdirSync(join(cwd, 'cmp'));
    writeFileSync(join(cwd, 'cmp', MARKER_FILE), markerText('comparison'));
    writeFileSync(join(cwd, 'cmp', 'comparison.json'), '{}');
    expect(await prepareOutputDir('cmp', 'comparison', foreign)).toBe(join(cwd, 'cmp'));
    await expect(prepareOutputDir('report', 'comparison', foreign)).rejects.toThrow('is an arrcast report, not a comparison');
    await expect(prepareOutputDir('', 'comparison', reportForeignEntries)).rejects.toThrow('--out is empty; name the directory to write the comparison to');
    expect(existsSync(join(cwd, 'cmp', 'comparison.json'))).toBe(true);
    expect(lstatSync(join(cwd, 'link-to-report')).isSymbolicLink()).toBe(true);
  });
});

describe('an entry named as an output writes it, but not as it writes it, is the user’s: refused for every kind', () => {
  // Each output writes its files as regular files (and a report its charts/ as a directory of them):
  // a folder or a link under one of those names was made by someone else, and replacing the output
  // directory whole would delete what the folder holds (a user's notes in report.html/, before).
  const kinds = [
    { kind: 'report', prepare: (out: string) => prepareReportDir(out), file: 'summary.json', others: ['report.html', 'trials.csv', 'charts/tornado.svg', OWNER_FILE] },
    { kind: 'comparison', prepare: (out: string) => prepareComparisonDir(out), file: COMPARISON_FILE, others: ['comparison.svg', 'comparison.xlsx', OWNER_FILE] },
    { kind: 'score', prepare: (out: string) => prepareScoreDir(out), file: SCORE_FILES.json, others: [SCORE_FILES.csv, SCORE_FILES.html, OWNER_FILE] },
  ] as const;
  const cases = kinds.flatMap((k) => k.others.flatMap((entry) => (['a folder', 'a link'] as const).map((what) => [k.kind, entry, what, k] as const)));

  /** An output of `k`'s kind that arrcast wrote, with `entry` as a regular file: replaceable. */
  function output(k: (typeof kinds)[number], entry: string): string {
    const dir = join(cwd, `old-${k.kind}`);
    mkdirSync(join(dir, 'charts'), { recursive: true });
    if (k.kind !== 'report') rmdirSync(join(dir, 'charts'));
    writeFileSync(join(dir, MARKER_FILE), markerText(k.kind));
    writeFileSync(join(dir, k.file), '{}');
    writeFileSync(join(dir, entry), 'arrcast’s');
    return dir;
  }

  it.each(cases)('%s holding %s as %s', async (_kind, entry, what, k) => {
    const dir = output(k, entry);
    // The control: as a regular file, the entry is arrcast's and the output may be replaced.
    expect(await k.prepare(dir)).toBe(dir);
    rmSync(join(dir, entry));
    if (what === 'a folder') {
      mkdirSync(join(dir, entry));
      writeFileSync(join(dir, entry, 'notes.txt'), 'the user’s notes');
    } else symlinkSync(join(cwd, 'user', 'budget.xlsx'), join(dir, entry));
    const before = snapshot(root);
    const error = await k.prepare(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputDirError);
    expect((error as Error).message).toContain(`is an arrcast ${k.kind} that also holds ${entry} (${what}), which arrcast did not write`);
    expect(snapshot(root)).toEqual(before);
  });

  it('a report’s charts that is a link to a folder is refused as one', async () => {
    const dir = output(kinds[0], 'report.html');
    rmSync(join(dir, 'charts'), { recursive: true });
    symlinkSync(join(cwd, 'user'), join(dir, 'charts'));
    await expect(prepareReportDir(dir)).rejects.toThrow('also holds charts (a link), which arrcast did not write');
    expect(readFileSync(join(cwd, 'user', 'budget.xlsx'), 'utf8')).toBe('the user’s budget');
  });
});

describe('nothing is written inside an arrcast output (a report, comparison or score is replaced whole)', () => {
  // A folder, a scenario or a part put inside one made it refused as holding what arrcast did not
  // write (or, named as one of its files, deleted with it by the next run writing there).
  function outputs(): void {
    for (const kind of ['comparison', 'score'] as const) {
      mkdirSync(join(cwd, `old-${kind}`));
      writeFileSync(join(cwd, `old-${kind}`, MARKER_FILE), markerText(kind));
    }
  }
  const places = [
    ['report/sub', 'report'],
    ['report/charts/new', 'report'],
    ['link-to-report/deep/er', 'report'],
    ['old-comparison/x', 'comparison'],
    ['old-score/x/', 'score'],
  ] as const;

  it.each(places)('a directory output at %s (inside a %s)', async (out, kind) => {
    outputs();
    const before = snapshot(root);
    for (const prepare of [prepareReportDir, prepareComparisonDir, prepareScoreDir]) {
      const error = await prepare(out).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputDirError);
      expect((error as Error).message).toContain(`is inside the arrcast ${kind} ${join(cwd, out.split('/')[0]!.replace('link-to-', ''))}`);
    }
    expect(snapshot(root)).toEqual(before);
  });

  it.each(places)('a single file (fit --out, init) at %s/f.yaml (inside a %s)', async (out, kind) => {
    outputs();
    const before = snapshot(root);
    const error = await resolveOutFile(`${out.replace(/\/$/, '')}/f.yaml`, { inputs: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputDirError);
    expect((error as Error).message).toContain(`is inside the arrcast ${kind}`);
    expect(snapshot(root)).toEqual(before);
  });

  it('the control: the same places in a user’s folder, or beside an output, are written', async () => {
    outputs();
    for (const out of ['user/sub', 'user/charts/new', 'report-beside/x']) {
      expect(await prepareReportDir(out)).toBe(join(cwd, out));
      expect(await resolveOutFile(`${out}/f.yaml`, { inputs: [] })).toBe(join(cwd, out, 'f.yaml'));
    }
  });
});

describe('a folder holding a marker among the user’s files is no output: it can never be replaced, so writing in it is allowed', () => {
  // A report's contents copied with their dotfiles into a workspace (`cp -a rep/. ws/`, rsync, tar):
  // every write below ws/ was refused as 'inside the arrcast report .../ws', while ws/ itself can
  // never be replaced (it holds files arrcast did not write).
  function workspace(): string {
    const ws = join(cwd, 'ws');
    mkdirSync(join(ws, 'data'), { recursive: true });
    writeFileSync(join(ws, MARKER_FILE), markerText('report'));
    writeFileSync(join(ws, 'summary.json'), '{}');
    writeFileSync(join(ws, 'report.html'), '<html>');
    writeFileSync(join(ws, 'm.yaml'), 'the user’s scenario');
    writeFileSync(join(ws, 'history.csv'), 'month');
    return ws;
  }

  it('a directory or a file below it, in a new folder or one of the user’s, is written', async () => {
    const ws = workspace();
    await expect(prepareReportDir('ws')).rejects.toThrow('is an arrcast report that also holds data, history.csv, m.yaml, which arrcast did not write');
    for (const out of ['ws/reports/q3', 'ws/data/run', 'ws/x']) expect(await prepareReportDir(out)).toBe(join(ws, out.slice(3)));
    expect(await prepareComparisonDir('ws/cmp')).toBe(join(ws, 'cmp'));
    for (const out of ['ws/plans/f.yaml', 'ws/data/f.yaml', 'ws/f.yaml']) expect(await resolveOutFile(out, { inputs: [] })).toBe(join(ws, out.slice(3)));
  });

  it.each([['ws/charts/new'], ['ws/charts/f.yaml'], ['ws/trials.csv/x']])('but never under one of the output’s own names (%s): the next run writing the output would delete it', async (out) => {
    const ws = workspace();
    const before = snapshot(root);
    const entry = out.split('/')[1];
    const expected = `is inside the arrcast report ${ws} (it holds arrcast's marker file ${MARKER_FILE}; ${entry} is a name the report writes itself`;
    if (!out.endsWith('.yaml')) await expect(prepareReportDir(out)).rejects.toThrow(expected);
    await expect(resolveOutFile(out.endsWith('.yaml') ? out : `${out}/f.yaml`, { inputs: [] })).rejects.toThrow(expected);
    expect(snapshot(root)).toEqual(before);
  });

  it('an output replaceable but for the path’s own first step is refused: the write would make a replaceable report hold it', async () => {
    // The check ignores the entry the path goes through, so it says the same before and after the write made it.
    mkdirSync(join(cwd, 'report', 'notes'));
    const error = await prepareReportDir('report/notes/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputDirError);
    expect((error as Error).message).toContain(`is inside the arrcast report ${join(cwd, 'report')} (it holds arrcast's marker file ${MARKER_FILE} and nothing else arrcast did not write)`);
    // notes/ already makes the report one no run replaces: a place beside it is written.
    expect(await prepareReportDir('report/new/x')).toBe(join(cwd, 'report', 'new', 'x'));
  });

  it('an output further up is found through a non-replaceable one: a replaceable report holding the workspace refuses', async () => {
    const ws = workspace();
    rmSync(join(cwd, 'report'), { recursive: true });
    mkdirSync(join(cwd, 'report'));
    writeFileSync(join(cwd, 'report', MARKER_FILE), markerText('report'));
    const inner = join(cwd, 'report', 'ws');
    execFileSync('cp', ['-a', `${ws}/.`, inner]);
    await expect(prepareReportDir(join(inner, 'q3'))).rejects.toThrow(`is inside the arrcast report ${join(cwd, 'report')} (it holds`);
  });
});
