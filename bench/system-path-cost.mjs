// CPU per call of systemPath (scenario/system-path.ts), which loadScenario, the studio and init now
// run once per scenario path, and of the default --out's owner recheck before the move (one marker read).
// Usage: npm run build --silent && node bench/system-path-cost.mjs [calls]
import { performance } from 'node:perf_hooks';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const { systemPath } = await import(new URL('../dist/scenario/system-path.js', import.meta.url));
const { reportThere } = await import(new URL('../dist/report/report-scenario-file.js', import.meta.url));
const calls = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'arrcast-system-path-'));
mkdirSync(join(dir, 'real/sub'), { recursive: true });
symlinkSync('real/sub', join(dir, 'up'));
mkdirSync(join(dir, 'rep'));
writeFileSync(join(dir, 'rep/.arrcast-report'), JSON.stringify({ magic: 'written by arrcast; the next arrcast run with this --out replaces this directory whole', kind: 'report', version: '0.1.0', scenario: '../plan.yaml' }));
const time = async (label, f) => {
  for (let i = 0; i < 200; i++) await f();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) await f();
  const c = process.cpuUsage(c0);
  console.log(`${label}: ${((performance.now() - t0) / calls * 1000).toFixed(1)} us wall, ${((c.user + c.system) / calls).toFixed(1)} us CPU a call (${calls} calls)`);
};
await time('systemPath(plain path)', () => systemPath(join(dir, 'real/plan.yaml')));
await time('systemPath(up/../plan.yaml)', () => systemPath(join(dir, 'up') + '/../plan.yaml'));
await time('reportThere (the recheck of the default --out)', () => reportThere(join(dir, 'rep')));
