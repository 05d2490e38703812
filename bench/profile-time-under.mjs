// node bench/profile-time-under.mjs FILE.cpuprofile NAME...: from a --cpu-prof profile, the time (ms) of the samples (each the time since the one before)
// with a function called NAME on their stack (the first frame of that name counted once), and the functions
// those samples were in when taken (self time), the 8 largest. The "buildCharts' CPU" and "summarize 209
// (countBuckets 60, ...)" figures of bench/RESULTS.md's spm25 section.
import fs from 'node:fs';
const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const names = process.argv.slice(3);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const under = new Map(names.map((n) => [n, { ms: 0, self: new Map() }]));
for (let i = 0; i < p.samples.length; i++) {
  const ms = (p.timeDeltas[i] ?? 0) / 1000;
  const leaf = byId.get(p.samples[i]).callFrame.functionName || '(anonymous)';
  const seen = new Set();
  for (let id = p.samples[i]; id !== undefined; id = parent.get(id)) {
    const f = byId.get(id).callFrame.functionName;
    if (!under.has(f) || seen.has(f)) continue;
    seen.add(f);
    const u = under.get(f);
    u.ms += ms;
    u.self.set(leaf, (u.self.get(leaf) ?? 0) + ms);
  }
}
for (const [name, u] of under) {
  const top = [...u.self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(', ');
  console.log(`${name} ${u.ms.toFixed(0)} ms${top ? ` (${top})` : ''}`);
}
