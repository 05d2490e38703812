// The field names every earlier arrcast wrote to summary.json, and today's, for
// test/report/summary-fields-history.test.ts (compat17, fixcompat17). For each shipped scenario
// (today's scenarios/*.yaml): the summaries the earlier builds wrote for that file as it stood at
// their commit (bench/compare-history.mjs's runs, 10,000 trials, found by its key: sha1 of the
// file's text and `old-COMMIT`), and today's build on today's file at the test's trial count; and
// today's re-forecast of the example from its actuals with --plan (REFORECAST).
//   for C in 650a599 254805c 3b11f62 13798eb 3dc41b5; do   (once: compare-history.mjs's runs)
//     git worktree add /tmp/compat17-old-$C $C --detach; ln -s $PWD/node_modules /tmp/compat17-old-$C/
//     (cd /tmp/compat17-old-$C && npm run build); node bench/compare-history.mjs /tmp/compat17-old-$C; done
//   npm run build; node bench/summary-fields-history.mjs [COMPARE_DIR] [COMMIT...]
// Writes test/fixtures/summary-fields-history.json: for each scenario file, each field path with the
// first build that wrote it, then ' today' if today's build writes it too ('today' alone if new;
// 'later' if a build after those five wrote it and today's no longer does: re-making the fixture
// never forgets a field). A path joins objects' keys with '.', a list of objects is '[]', a list of
// numbers or null is the field itself; a tier's name is folded to <tier> and a lead source's to
// <source> (so the paths of scenarios that differ only in names agree).
// The test repeats fieldPaths; keep the two the same.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = 'test/fixtures/summary-fields-history.json';

/** The re-forecast's key in the fixture: the example's run from its actuals with --plan. */
export const REFORECAST = 'example.yaml --actuals example-actuals.csv --plan';

/** The test's trial count (test/report/summary-fields-history.test.ts: TRIALS). */
export const TRIALS = 100;

export function fieldPaths(summary) {
  const fold = new Map();
  for (const [tier, t] of Object.entries(summary.byTier ?? {})) {
    fold.set(tier, '<tier>');
    // A lead-driven tier's drivers are keyed by source (A, or A/inbound since the channels).
    for (const d of ['conversion', 'leadsPerMonth'])
      for (const [k, v] of Object.entries(t?.drivers?.[d] ?? {})) if (v !== null && typeof v === 'object' && 'mean' in v) fold.set(k, '<source>');
  }
  const out = new Set();
  const walk = (v, p) => {
    if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object')) { for (const x of v) walk(x, `${p}[]`); return; }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) { for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`); return; }
    out.add(p.split('.').map((s) => fold.get(s) ?? s).join('.'));
  };
  walk(summary, '');
  return out;
}

if (process.argv[1]?.endsWith('summary-fields-history.mjs')) {
  const compare = process.argv[2] ?? '/tmp/compat17-compare';
  const commits = process.argv.length > 3 ? process.argv.slice(3) : ['650a599', '254805c', '3b11f62', '13798eb', '3dc41b5'];
  const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();
  // Beside each file's plan run, the example's re-forecast from its shipped actuals with that plan
  // (today's fields only: the five earlier builds' re-forecasts were not kept).
  const runs = [...scenarios.map((f) => ({ key: f, file: f, extra: () => [] })), { key: REFORECAST, file: 'example.yaml', extra: (d) => ['--actuals', 'scenarios/example-actuals.csv', '--plan', join(d, 'example.yaml')] }];
  const dir = mkdtempSync(join(tmpdir(), 'summary-fields-'));
  // Without an earlier build's run (the compare dir is temporary), its fields are kept from the fixture.
  const kept = existsSync(FIXTURE) ? JSON.parse(readFileSync(FIXTURE, 'utf8')).scenarios : {};
  const fixture = { madeBy: 'bench/summary-fields-history.mjs', earlierBuilds: commits, todayTrials: TRIALS, scenarios: {} };
  for (const { key: file, file: scenario, extra } of runs) {
    const first = {};
    for (const c of file === scenario ? commits : []) {
      let text;
      try { text = execFileSync('git', ['show', `${c}:scenarios/${file}`], { stdio: ['ignore', 'pipe', 'ignore'] }); } catch { continue; } // not shipped yet
      const key = createHash('sha1').update(text).update(`old-${c}`).digest('hex').slice(0, 12);
      const summary = join(compare, `old-${c}-${key}-10000`, 'summary.json');
      const paths = existsSync(summary)
        ? [...fieldPaths(JSON.parse(readFileSync(summary, 'utf8')))].sort()
        : Object.entries(kept[file] ?? {}).filter(([, w]) => w.split(' ')[0] === c).map(([p]) => p);
      if (!existsSync(summary) && !kept[file]) throw new Error(`${c} ${file}: no run at ${summary} and none in the fixture (run bench/compare-history.mjs first)`);
      for (const p of paths) first[p] ??= c;
      console.log(`${file} ${c}: ${paths.length} fields`);
    }
    const out = join(dir, file);
    const run = spawnSync('node', ['dist/cli/main.js', 'run', join('scenarios', scenario), ...extra(dir), '-n', String(TRIALS), '-w', '0', '-q', '--no-progress', '--outputs', 'summary', '-o', out], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`today ${file}: ${run.stderr}`);
    const paths = [...fieldPaths(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')))].sort();
    for (const p of paths) first[p] = first[p] === undefined ? 'today' : `${first[p]} today`;
    // A field the fixture had (an earlier run of this script: some build wrote it) stays, without
    // ' today' if today's build no longer writes it: the test then asks for it in the README's list.
    for (const [p, w] of Object.entries(kept[file] ?? {})) first[p] ??= w.split(' ')[0] === 'today' ? 'later' : w.split(' ')[0];
    console.log(`${file} today: ${paths.length} fields`);
    fixture.scenarios[file] = Object.fromEntries(Object.keys(first).sort().map((p) => [p, first[p]]));
  }
  rmSync(dir, { recursive: true, force: true });
  // One field a line: the file is large, and a diff of it should show the fields that changed.
  const body = Object.entries(fixture.scenarios).map(([f, paths]) =>
    `  ${JSON.stringify(f)}: {\n${Object.entries(paths).map(([p, w]) => `   ${JSON.stringify(p)}: ${JSON.stringify(w)}`).join(',\n')}\n  }`).join(',\n');
  const head = JSON.stringify({ ...fixture, scenarios: undefined }, null, 1).replace(/\n}$/, '');
  writeFileSync(FIXTURE, `${head},\n "scenarios": {\n${body}\n }\n}\n`);
}
