// Sums of 1,028 Beta(0.02, 5) shares through bindSum (deal by deal: S_4 cannot be built) with the source tree given (before: `git archive 368f961 | tar -x -C DIR`, then DIR/src):
// ms a sum, and a digest of the sums (the same before and after). Usage: npx tsx bench/smp16-review/failed-table-probe.mts SRC_DIR
const src = process.argv[2];
const { compileDistribution } = await import(`${src}/model/distribution-sampler.ts`);
const { createStream } = await import(`${src}/random/source.ts`);
const sum = compileDistribution({ dist: 'beta', alpha: 0.02, beta: 5 }).bindSum(createStream('fixsmp16/failed-table'));
sum(1028); // first use: builds what it builds
const N = 200;
const t0 = performance.now();
let total = 0;
for (let i = 0; i < N; i++) total += sum(1028 + 64 * (i % 3));
console.log(`${((performance.now() - t0) / N).toFixed(2)} ms a sum, total ${total}`);
