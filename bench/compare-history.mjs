// The compatibility comparison (seventeenth session, compat17): the scenario files of an old
// commit, run by that commit's engine and by today's, compared by tier on the means and standard
// deviations of revenue, bookings and ending ARR.
//   git worktree add /tmp/compat17-old-C C --detach; ln -s $PWD/node_modules /tmp/compat17-old-C/
//   (cd /tmp/compat17-old-C && npm run build)
//   node bench/compare-history.mjs OLD_WORKTREE [TRIALS] [WORKDIR] [FILE...]  (from today's repo root, built)
// FILE...: other scenario files to compare (absolute paths; a file fit or the studio wrote), else
// every YAML file under the old commit's scenarios/ and test/fixtures/.
// Each side: `run FILE -n TRIALS -w 0` with the file's own seed, trials.csv read back. The two
// runs use different generators unless both have the same GENERATOR_ID, so they are compared as
// independent samples: a Welch z on the means, and on log(sd) a z with the standard error
// sqrt((kurtosis - 1) / (4 n)) per side (the delta method, from each sample's own kurtosis).
// Flagged: |z| > 3.29 (two-sided 0.001 each; over ~100 comparisons a commit, about 0.1 false
// flags expected). Power: a mean shift of (3.29 + 0.84) x sqrt(2 / n) sds is found 80% of the time,
// 0.058 sd at n = 10,000. Bit-identical columns are reported as such.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';
import { createHash } from 'node:crypto';

const oldTree = process.argv[2];
const trials = Number(process.argv[3] ?? 10000);
const work = process.argv[4] ?? '/tmp/compat17-compare';
const today = process.cwd();
const commit = execFileSync('git', ['-C', oldTree, 'rev-parse', '--short', 'HEAD']).toString().trim();
const skip = new Set(['model-limit-midway.yaml', 'smb-lead-driven-before.yaml']); // a run the model stops; a names fixture
const given = process.argv.slice(5);
const listing = given.length ? given : execFileSync('git', ['-C', oldTree, 'ls-files', 'scenarios', 'test/fixtures']).toString().trim().split('\n')
  .filter((p) => /\.ya?ml$/.test(p) && !skip.has(basename(p)));

function runOn(tree, cliDir, file, tag) {
  const text = readFileSync(resolve(tree, file));
  const key = createHash('sha1').update(text).update(tag).digest('hex').slice(0, 12);
  const out = join(work, `${tag}-${key}-${trials}`);
  if (!existsSync(join(out, 'trials.csv'))) {
    const args = [join(cliDir, 'dist/cli/main.js'), 'run', resolve(tree, file), '-n', String(trials), '-w', '0', '-q', '-o', out];
    // Builds since --outputs write trials.csv only when asked (the first wrote it always).
    if (hasOutputs(cliDir)) args.push('--outputs', 'summary,trials', '--no-progress');
    const r = spawnSync('node', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n')[0] };
  }
  return { columns: readColumns(join(out, 'trials.csv')), summary: join(out, 'summary.json') };
}

function hasOutputs(cliDir) {
  const help = spawnSync('node', [join(cliDir, 'dist/cli/main.js'), 'run', '--help'], { encoding: 'utf8' }).stdout;
  return help.includes('--outputs');
}

function readColumns(path) {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const wanted = header.map((h, i) => [h, i]).filter(([h]) => /^(revenue|bookings|endingArr)$|^tier\..*\.(revenue|bookings|endingArr)$/.test(h));
  const cols = Object.fromEntries(wanted.map(([h]) => [h, new Float64Array(lines.length - 1)]));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    for (const [h, i] of wanted) cols[h][r - 1] = Number(cells[i]);
  }
  return cols;
}

function moments(x) {
  const n = x.length;
  let m = 0; for (const v of x) m += v; m /= n;
  let m2 = 0, m4 = 0; for (const v of x) { const d = v - m; m2 += d * d; m4 += d * d * d * d; }
  const varS = m2 / (n - 1);
  const kurt = m2 > 0 ? (m4 / n) / ((m2 / n) ** 2) : 3;
  return { n, mean: m, sd: Math.sqrt(varS), kurt };
}

mkdirSync(work, { recursive: true });
const rows = [];
for (const file of listing) {
  const old = runOn(oldTree, oldTree, file, `old-${commit}`);
  const now = runOn(oldTree, today, file, 'today');
  if (old.error || now.error) { console.log(`${commit} ${file}: old ${old.error ?? 'ok'}; today ${now.error ?? 'ok'}`); continue; }
  for (const [col, a] of Object.entries(old.columns)) {
    const b = now.columns[col];
    if (!b) { console.log(`${commit} ${file} ${col}: no such column today`); continue; }
    const identical = a.length === b.length && a.every((v, i) => v === b[i]);
    const A = moments(a), B = moments(b);
    const se = Math.sqrt(A.sd ** 2 / A.n + B.sd ** 2 / B.n);
    const zMean = se > 0 ? (B.mean - A.mean) / se : (A.mean === B.mean ? 0 : Infinity);
    const seLogSd = Math.sqrt((A.kurt - 1) / (4 * A.n) + (B.kurt - 1) / (4 * B.n));
    const zSd = A.sd > 0 && B.sd > 0 ? Math.log(B.sd / A.sd) / seLogSd : (A.sd === B.sd ? 0 : Infinity);
    const flag = identical ? 'IDENTICAL' : Math.abs(zMean) > 3.29 || Math.abs(zSd) > 3.29 ? 'DIFFERS' : 'within MC error';
    rows.push({ commit, file, col, old: A, today: B, zMean, zSd, flag });
    console.log(`${commit} ${file.padEnd(36)} ${col.padEnd(30)} mean ${A.mean.toPrecision(6)} -> ${B.mean.toPrecision(6)} (z ${zMean.toFixed(2)}) sd ${A.sd.toPrecision(4)} -> ${B.sd.toPrecision(4)} (z ${zSd.toFixed(2)}) ${flag}`);
  }
}
writeFileSync(join(work, `compare-${commit}-${trials}.json`), JSON.stringify(rows, null, 1));
