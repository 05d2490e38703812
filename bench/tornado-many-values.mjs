// How often the tornado's P10 end of a discrete driver of K equally weighted values (about n / K
// trials each) is taken from one value's trials rather than the band, and how often those are too
// few (< 6) for an interval: K = 1,000 at n = 2,000 over 200 seeds (the review of left19).
// Usage: npm run build && node bench/tornado-many-values.mjs [dist dir]
const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
const { prepareInput, drawnAtomAt } = await import(`${dist}/analysis/attribution/input.js`);
let s = 12345;
const rnd = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
const K = 1000, n = 2000, runs = 200;
let atom = 0, few = 0;
for (let r = 0; r < runs; r++) {
  const v = Float32Array.from({ length: n }, () => 0.01 + (0.04 * Math.floor(rnd() * K)) / K);
  const d = drawnAtomAt(prepareInput(v, 'own'), 0.1);
  if (d) {
    atom++;
    if (v.filter((x) => x === d.value).length < 6) few++;
  }
}
console.log({ K, n, runs, endFromOneValue: atom, ofThemUnder6Trials: few });
