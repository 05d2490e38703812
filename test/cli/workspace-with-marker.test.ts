import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARKER_FILE } from '../../src/report/output-marker.js';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A report's contents copied, dotfiles and all, into a workspace holding the user's files (`cp -a
 * rep/. ws/`): ws/ holds arrcast's marker but can never be replaced (a run into it is refused as
 * holding files arrcast did not write), so every command writes below it, as before the marker
 * check came in (exit 0 at 351ea8f), except under the report's own names (the next run into ws/
 * would delete it, were ws/ ever cleared of the user's files).
 */
const HISTORY = `month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr\n${Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000,30,300000,5000000,100000,90000`).join('\n')}\n`;

describe('commands writing inside a workspace holding a copied report', () => {
  it('run, run --shard, init and fit write below it; run into it, or under its charts/, is refused (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-ws-'));
    const scenario = join(ROOT, 'test/fixtures/minimal.yaml');
    const rep = join(dir, 'rep');
    const ws = join(dir, 'ws');
    expect((await runCli('run', scenario, '--trials', '300', '--workers', '0', '-q', '--out', rep)).code).toBe(0);
    mkdirSync(join(ws, 'data'), { recursive: true });
    execFileSync('cp', ['-a', `${rep}/.`, ws]);
    copyFileSync(scenario, join(ws, 'm.yaml'));
    writeFileSync(join(ws, 'h.csv'), HISTORY);
    const m = join(ws, 'm.yaml');
    const ok = [
      ['run', m, '--trials', '300', '--workers', '0', '-q', '--out', join(ws, 'reports/q3')],
      ['run', m, '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', join(ws, 'parts') + '/'],
      ['init', join(ws, 'plans/p.yaml')],
      ['fit', join(ws, 'h.csv'), '--out', join(ws, 'plans/f.yaml')],
    ];
    for (const args of ok) {
      const r = await runCli(...args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
    }
    expect(readdirSync(join(ws, 'parts'))).toEqual(['shard-1-of-1.arrcast-part']);
    expect(readdirSync(join(ws, 'plans')).sort()).toEqual(['arrcast.schema.json', 'f.yaml', 'p.yaml']);
    const before = readdirSync(ws, { recursive: true }).sort();
    const into = await runCli('run', m, '--trials', '300', '--workers', '0', '-q', '--out', ws);
    expect(into.code).toBe(2);
    expect(into.err).toContain('which arrcast did not write');
    for (const args of [
      ['run', m, '--trials', '300', '--workers', '0', '-q', '--out', join(ws, 'charts/new')],
      ['run', m, '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', join(ws, 'charts/p.arrcast-part')],
      ['fit', join(ws, 'h.csv'), '--out', join(ws, 'charts/f.yaml')],
    ]) {
      const r = await runCli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`is inside the arrcast report ${ws} (it holds arrcast's marker file ${MARKER_FILE}; charts is a name the report writes itself`);
    }
    expect(readdirSync(ws, { recursive: true }).sort()).toEqual(before);
  });

  it('an --out with a trailing / is shown once with one: wrote DIR/, not DIR//', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-ws-'));
    const scenario = join(ROOT, 'test/fixtures/minimal.yaml');
    const r = await runCli('run', scenario, '--trials', '300', '--workers', '0', '-q', '--out', join(dir, 'new') + '//');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${join(dir, 'new')}/ in `);
    // B differs from A in a driver: compare refuses one forecast given twice.
    writeFileSync(join(dir, 'b.yaml'), `${readFileSync(scenario, 'utf8')}stress: { leads: -0.2 }\n`);
    const compared = await runCli('compare', scenario, join(dir, 'b.yaml'), '--trials', '300', '--workers', '0', '--out', join(dir, 'cmp') + '/');
    expect(compared.code).toBe(0);
    expect(compared.err).toContain(`wrote ${join(dir, 'cmp')}/: comparison.json`);
    expect((await runCli('run', scenario, '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', join(dir, 'parts') + '/')).code).toBe(0);
    const merged = await runCli('merge', join(dir, 'parts'), '-q', '--out', join(dir, 'merged') + '/');
    expect(merged.code).toBe(0);
    expect(merged.err).toContain(`wrote ${join(dir, 'merged')}/ from 1 part`);
  });
});
