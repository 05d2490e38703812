// Ranking 17 inputs of 50,000 float32 draws (prepareInput), two builds alternated in one process, CPU time, and whether their arrays are identical.
//   node bench/rank-inputs-pair.mjs A_DIST B_DIST
const [distA, distB] = process.argv.slice(2);
const { createStream } = await import(`${distB}/random/source.js`);
const A = await import(`${distA}/analysis/attribution/input.js`);
const B = await import(`${distB}/analysis/attribution/input.js`);
const s = createStream('rank-pair');
const cols = Array.from({ length: 17 }, (_, k) => Float32Array.from({ length: 50000 }, () => (k % 3 === 0 ? s() : 0.5 + 0.3 * s() * s())));
const cpu = (f) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
const run = (M) => cpu(() => { for (const c of cols) M.prepareInput(c, 'own'); });
for (let i = 0; i < 3; i++) { run(A); run(B); }
const a = [], b = [];
for (let i = 0; i < 15; i++) { a.push(run(A)); b.push(run(B)); }
const med = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
const r = a.map((x, i) => b[i] / x).sort((p, q) => p - q);
console.log(`17 inputs of 50,000 ranked: A ${med(a).toFixed(1)} ms, B ${med(b).toFixed(1)} ms CPU, B/A median ${med(r).toFixed(3)} (${r[0].toFixed(3)}-${r[r.length-1].toFixed(3)}, 15 pairs)`);
const same = cols.every((c) => { const x = A.prepareInput(c, 'own'), y = B.prepareInput(c, 'own'); return ['order','percentile','bin','x','sorted'].every((f) => Buffer.compare(Buffer.from(x[f].buffer, x[f].byteOffset, x[f].byteLength), Buffer.from(y[f].buffer, y[f].byteOffset, y[f].byteLength)) === 0); });
console.log('identical', same);
