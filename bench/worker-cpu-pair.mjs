#!/usr/bin/env node
// Worker CPU per trial of two builds in one process, in pairs: ROUNDS rounds of K chunks of 1,000 trials
// of each build (the order alternating from round to round), after 3 warm-up chunks each. On a shared
// machine the two builds of a pair run under the same load, so the median of the paired ratios is
// steadier than separate processes. Usage, after `npm run build`:
//   node bench/worker-cpu-pair.mjs SCENARIO|book BEFORE_DIST [AFTER_DIST] [--rounds R] [--chunks K]
// A copy of dist/ must sit where `node_modules` resolves (e.g. /tmp/x/dist-before beside a symlink
// /tmp/x/node_modules): a copy at /tmp/dist-before cannot import yaml or csv-parse.
import { benchScenario, chunkRunner } from './chunk-runner.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const rounds = Number(opt('--rounds', 16));
const chunks = Number(opt('--chunks', 4));
const [scenario = 'scenarios/example.yaml', before, after = 'dist'] = args;
if (!before) throw new Error('usage: node bench/worker-cpu-pair.mjs SCENARIO|book BEFORE_DIST [AFTER_DIST]');

const { file, cleanup } = benchScenario(scenario);

/** CPU microseconds per trial of `chunks` chunks from chunk c0. */
function perTrial(run, c0) {
  const start = process.cpuUsage();
  for (let c = 0; c < chunks; c++) run(c0 + c);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / (chunks * 1000);
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

try {
  const a = await chunkRunner(before, file, 3);
  const b = await chunkRunner(after, file, 3);
  const ta = [];
  const tb = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      ta.push(perTrial(a, r * chunks));
      tb.push(perTrial(b, r * chunks));
    } else {
      tb.push(perTrial(b, r * chunks));
      ta.push(perTrial(a, r * chunks));
    }
  }
  const ratios = ta.map((x, i) => tb[i] / x);
  console.log(
    `worker CPU per trial, ${scenario}: ${before} ${median(ta).toFixed(1)} us, ${after} ${median(tb).toFixed(1)} us; ` +
      `paired ratio median ${median(ratios).toFixed(3)} [${Math.min(...ratios).toFixed(3)}..${Math.max(...ratios).toFixed(3)}] over ${rounds} rounds of ${chunks} chunks`,
  );
} finally {
  cleanup();
}
