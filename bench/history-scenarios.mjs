// The compatibility sweep (seventeenth session, compat17): every scenario file arrcast has ever
// shipped or documented, at the commit that first had it, run through today's build.
//   node bench/history-scenarios.mjs [WORKDIR] [TRIALS]    (after npm run build; from the repo root)
// Collected: each distinct version of scenarios/*.yaml and test/fixtures/*.yaml in any commit of
// main (not --all: other branches were never shipped) that touched scenarios/, test/fixtures/,
// README.md or docs/; each distinct ```yaml block of any
// README.md; each distinct starter of src/scenario/starter.ts (what `arrcast init` wrote). A file
// is placed in a copy of scenarios/ and test/fixtures/ of the commit that first had it (its CSV
// books, pipelines, actuals and the files it extends), then `validate` and `run -n TRIALS -w 0`.
// Prints one line a file: exit codes, the first line of any message, and writes WORKDIR/sweep.json
// (each file, its commit, the exit codes and its summary.json).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';

const work = process.argv[2] ?? '/tmp/compat17-history';
const trials = process.argv[3] ?? '2000';
const cli = join(process.cwd(), 'dist/cli/main.js');
const git = (...a) => execFileSync('git', a, { maxBuffer: 1 << 28 }).toString();
const sha = (s) => createHash('sha1').update(s).digest('hex').slice(0, 10);
mkdirSync(work, { recursive: true });

const commits = git('log', '--reverse', 'main', '--format=%H', '--', 'scenarios', 'test/fixtures', 'README.md', 'docs', 'src/scenario/starter.ts')
  .trim().split('\n');
const files = new Map(); // content hash -> { kind, path, commit, text }
for (const c of commits) {
  const listing = git('ls-tree', '-r', c, '--', 'scenarios', 'test/fixtures').trim().split('\n').filter(Boolean);
  for (const row of listing) {
    const [meta, path] = row.split('\t');
    if (!/\.ya?ml$/.test(path)) continue;
    const blob = meta.split(' ')[2];
    if (!files.has(blob)) files.set(blob, { kind: 'file', path, commit: c, text: git('cat-file', 'blob', blob) });
  }
  let readme = '';
  try { readme = git('show', `${c}:README.md`); } catch { /* no README yet */ }
  const re = /```ya?ml\n([\s\S]*?)```/g;
  for (let m; (m = re.exec(readme)); ) {
    const h = sha(m[1]);
    if (files.has(h)) continue;
    // A block headed '# scenarios/NAME.yaml' is that file; others sit beside example.yaml.
    const named = /^# (scenarios\/[\w.-]+\.ya?ml)\n/.exec(m[1]);
    files.set(h, { kind: 'readme-block', path: named ? named[1] : `scenarios/readme-${h}.yaml`, commit: c, text: m[1] });
  }
  let starter = '';
  try { starter = git('show', `${c}:src/scenario/starter.ts`); } catch { /* none */ }
  const s = /export const STARTER_SCENARIO = `([\s\S]*?)`;/.exec(starter);
  if (s && !s[1].includes('${')) {
    const h = sha(s[1]);
    if (!files.has(h)) files.set(h, { kind: 'starter', path: `scenarios/starter-${h}.yaml`, commit: c, text: s[1].replace(/\\`/g, '`').replace(/\\\\/g, '\\') });
  }
}

const results = [];
for (const [key, f] of files) {
  const dir = join(work, `${f.commit.slice(0, 7)}`);
  if (!existsSync(join(dir, '.done'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', f.commit, '--', 'scenarios', 'test/fixtures'].filter((x) => {
      return x !== 'test/fixtures' || git('ls-tree', f.commit, 'test/fixtures').trim() !== '';
    }), { maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    writeFileSync(join(dir, '.done'), '');
  }
  const file = join(dir, f.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, f.text);
  const validate = spawnSync('node', [cli, 'validate', file], { encoding: 'utf8' });
  const out = join(work, 'out', key);
  const run = spawnSync('node', [cli, 'run', file, '-n', trials, '-w', '0', '-q', '--no-progress', '--outputs', 'summary', '-o', out], { encoding: 'utf8' });
  let tiers = null;
  if (run.status === 0) tiers = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const first = (s) => s.trim().split('\n')[0] ?? '';
  results.push({ key, ...f, text: undefined, validate: validate.status, run: run.status,
    message: first(validate.stderr || '') || first(run.stderr || ''), summary: tiers ? join(out, 'summary.json') : null });
  console.log(`${f.kind.padEnd(12)} ${f.commit.slice(0, 7)} ${f.path.padEnd(44)} validate=${validate.status} run=${run.status} ${first(validate.stderr || run.stderr || '').slice(0, 150)}`);
}
writeFileSync(join(work, 'sweep.json'), JSON.stringify(results, null, 1));
