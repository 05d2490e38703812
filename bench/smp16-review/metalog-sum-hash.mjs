// Hash of 70 sums of 1,000 quantiles ACVs (40k/60k/300k, lower 0) through compileDistribution's bindSum, with the build given (a dist dir).
const dist = process.argv[2];
const { createStream } = await import(`${dist}/random/source.js`);
const { compileDistribution } = await import(`${dist}/model/distribution-sampler.js`);
function hashDraws(n, draw) {
  const bytes = new Uint8Array(8); const view = new DataView(bytes.buffer); let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) { view.setFloat64(0, draw(i)); for (let b = 0; b < 8; b++) h = Math.imul(h ^ bytes[b], 0x01000193) >>> 0; }
  return h.toString(16).padStart(8, '0');
}
const sum = compileDistribution({ dist: 'quantiles', quantiles: { p10: 40000, p50: 60000, p90: 300000 }, lower: 0 }).bindSum(createStream('test/golden/metalog-end-cells/919'));
console.log(hashDraws(70, () => sum(1000)));
