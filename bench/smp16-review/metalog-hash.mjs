// Hash of metalog draws of the heavy fit from the named streams, with the build given as argv[2] (a dist dir).
const dist = process.argv[2];
const { createStream } = await import(`${dist}/random/source.js`);
const { fitMetalog } = await import(`${dist}/math/metalog.js`);
const { metalog } = await import(`${dist}/random/metalog.js`);
function hashDraws(n, draw) {
  const bytes = new Uint8Array(8); const view = new DataView(bytes.buffer); let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) { view.setFloat64(0, draw(i)); for (let b = 0; b < 8; b++) h = Math.imul(h ^ bytes[b], 0x01000193) >>> 0; }
  return h.toString(16).padStart(8, '0');
}
const heavy = fitMetalog([{ p: 0.1, x: 40000 }, { p: 0.5, x: 60000 }, { p: 0.9, x: 300000 }], { lower: 0 });
const unbounded = fitMetalog([{ p: 0.1, x: -2 }, { p: 0.5, x: 0 }, { p: 0.9, x: 5 }]);
for (const [name, n, fit] of [['test/golden/metalog-end-cells/919', 70000, heavy], ['test/golden/metalog-end-cells/794', 110000, unbounded], ['test/golden/metalog-end-cells/39', 180000, heavy]]) {
  const d = metalog(createStream(name));
  console.log(name, n, hashDraws(n, () => d(fit)));
}
