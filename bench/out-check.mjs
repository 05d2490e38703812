// Usage: node bench/out-check.mjs DIST DIR [N]: time prepareReportDir (the check of an --out, run twice per
// run: before the simulation and just before the rename) on DIR, an existing report, with the build in DIST
// (an absolute path to a dist/ folder); N checks (default 200) after 20 to warm up. Prints wall and CPU
// time per check. Compare two builds by alternating them (A B A B ...) on the same DIR.
const [dist, dir, n = '200'] = process.argv.slice(2);
if (!dist || !dir) {
  console.error('usage: node bench/out-check.mjs DIST DIR [N]');
  process.exit(2);
}
const { prepareReportDir } = await import(`${dist}/report/output-dir.js`);
for (let i = 0; i < 20; i++) await prepareReportDir(dir);
const t = process.cpuUsage();
const w = performance.now();
for (let i = 0; i < Number(n); i++) await prepareReportDir(dir);
const c = process.cpuUsage(t);
console.log(`${dist.split('/').slice(-1)[0]}: ${((performance.now() - w) / Number(n)).toFixed(3)} ms wall, ${((c.user + c.system) / 1000 / Number(n)).toFixed(3)} ms CPU per check`);
