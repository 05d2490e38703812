#!/usr/bin/env node
// sha256 of summarize()'s JSON for every shipped scenario at a few trial counts, with a given build's dist/:
// two builds print the same lines when their summaries are byte-identical (the attribution with and without
// the prepared path: `prepared` computed first, as the CLI does, and summarize alone).
//   node bench/summary-digests.mjs [DIST] > A.txt; node bench/summary-digests.mjs OTHER/dist > B.txt; diff A.txt B.txt
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const load = async (p) => import(pathToFileURL(join(dist, p)).href);
const { loadScenario } = await load('scenario/load.js');
const { simulate } = await load('engine/simulate.js');
const { prepareAttribution } = await load('analysis/attribution/prepared.js');
const { summarize } = await load('analysis/summarize.js');
const counts = (process.env.DIGEST_TRIALS ?? '40,700,5000,60000').split(',').map(Number);
const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => join(root, 'scenarios', f));
const sha = (x) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
for (const file of files) {
  const loaded = await loadScenario(file);
  for (const trials of counts) {
    const sim = await simulate(loaded, { trials, seed: '3', workers: 2 });
    const prepared = prepareAttribution(sim);
    console.log(file.split('/').pop(), trials, sha(summarize(sim, { prepared })), sha(summarize(sim)), sha(prepared.badYears));
  }
}
