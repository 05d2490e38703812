// node bench/main-thread-phases.mjs FILE.cpuprofile [PHASE_NAME_REGEX...]: the main thread's timeline from a --cpu-prof profile: each sample is given the innermost function on its stack whose name matches a phase (default: the run's phases, below), and the samples are summed by window of W ms (env W, default 50) from the profile's start, then in all. IDLE: the thread waited.
import fs from 'node:fs';
const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const phases = (process.argv.length > 3 ? process.argv.slice(3) : ['planSumTables','loadScenario','summarize$','drawCharts','renderChart','warmChartLibraries','writeWorkbook','reportSheets','percentilesCsv','monthlyCsv','reportHtml','buildCharts','writeReport','reportSimulation','simulateOn','simulationWarnings','located','sweep|removeStaleTemps','writeDirectoryAtomically','prepareAttribution','stepsInTurns','release','writeSipmath','toSVG','compile','parse']).map((s) => new RegExp('^(' + s + ')$'));
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const phaseOf = (id) => { for (let i = id; i !== undefined; i = parent.get(i)) { const n = byId.get(i).callFrame.functionName; for (const re of phases) if (re.test(n)) return n; } const f = byId.get(id).callFrame.functionName; return f === '(idle)' ? 'IDLE' : f === '(program)' ? '(program)' : f === '(garbage collector)' ? 'GC' : 'other'; };
let t = 0; const segs = [];
for (let i = 0; i < p.samples.length; i++) {
  t += (p.timeDeltas[i] ?? 0) / 1000; const d = (p.timeDeltas[i + 1] ?? 0) / 1000;
  const ph = phaseOf(p.samples[i]);
  const last = segs[segs.length - 1];
  if (last && last.ph === ph) { last.end = t + d; last.ms += d; } else segs.push({ ph, start: t, end: t + d, ms: d });
}
// merge short segments (< minMs) into a coarse view: aggregate consecutive windows of 50ms by dominant phase
const W = Number(process.env.W ?? 50); const win = new Map();
for (const s of segs) { const w = Math.floor(s.start / W); const m = win.get(w) ?? new Map(); m.set(s.ph, (m.get(s.ph) ?? 0) + s.ms); win.set(w, m); }
for (const [w, m] of [...win].sort((a, b) => a[0] - b[0])) { const list = [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '); console.log(`${(w * W).toString().padStart(6)} ms: ${list}`); }
const tot = new Map(); for (const s of segs) tot.set(s.ph, (tot.get(s.ph) ?? 0) + s.ms);
console.log('TOTAL', [...tot].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
