// The field names every earlier arrcast wrote to summary.json (compat17), for
// test/report/summary-fields-history.test.ts: the report tests' scenario with targets
// (test/report/fixture.ts: TWO_TIERS + TARGETS_YAML) run by each given build, 2,000 trials.
//   for C in 650a599 254805c 3b11f62 13798eb 3dc41b5; do
//     git worktree add /tmp/compat17-old-$C $C --detach; ln -s $PWD/node_modules /tmp/compat17-old-$C/
//     (cd /tmp/compat17-old-$C && npm run build); done
//   node bench/summary-fields-history.mjs /tmp/compat17-old-650a599 /tmp/compat17-old-254805c ...
// Writes test/fixtures/summary-fields-history.json: each path (objects' keys joined by '.', a list
// of objects as '[]', a list of numbers or null as the field itself) with the first build that
// wrote it. A build older than the scenario's targets (650a599) runs it without them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function fieldPaths(summary) {
  const out = new Set();
  const walk = (v, p) => {
    if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object')) { for (const x of v) walk(x, `${p}[]`); return; }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) { for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`); return; }
    out.add(p);
  };
  walk(summary, '');
  return out;
}

const source = readFileSync('test/report/fixture.ts', 'utf8');
const literal = (name) => new RegExp(`export const ${name} = \`([\\s\\S]*?)\`;`).exec(source)[1];
const dir = mkdtempSync(join(tmpdir(), 'summary-fields-'));
const withTargets = literal('TWO_TIERS') + literal('TARGETS_YAML');
writeFileSync(join(dir, 'with-targets.yaml'), withTargets);
writeFileSync(join(dir, 'no-targets.yaml'), literal('TWO_TIERS'));
const first = {};
for (const tree of process.argv.slice(2)) {
  const commit = execFileSync('git', ['-C', tree, 'rev-parse', '--short=7', 'HEAD']).toString().trim();
  const out = join(dir, commit);
  let run = spawnSync('node', [join(tree, 'dist/cli/main.js'), 'run', join(dir, 'with-targets.yaml'), '-n', '2000', '-w', '0', '-q', '-o', out], { encoding: 'utf8' });
  if (run.status !== 0 && /unknown key "targets"/.test(run.stderr))
    run = spawnSync('node', [join(tree, 'dist/cli/main.js'), 'run', join(dir, 'no-targets.yaml'), '-n', '2000', '-w', '0', '-q', '-o', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${commit}: ${run.stderr}`);
  const paths = [...fieldPaths(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')))].sort();
  for (const p of paths) first[p] ??= commit;
  console.log(`${commit}: ${paths.length} fields`);
}
writeFileSync('test/fixtures/summary-fields-history.json', `${JSON.stringify({ scenario: 'test/report/fixture.ts TWO_TIERS + TARGETS_YAML, 2,000 trials', madeBy: 'bench/summary-fields-history.mjs', firstWrittenBy: first }, null, 1)}\n`);
