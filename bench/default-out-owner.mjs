// What the default --out owner check (src/cli/default-out-owner.ts) costs a run whose default folder
// holds a report: the scenario file's realpath and the marker read once. Usage: node bench/default-out-owner.mjs REPORT_DIR SCENARIO [N]
import { refuseDefaultOutOfOtherScenario, scenarioFileOf } from '../dist/cli/default-out-owner.js';
const [dir, scenario, n = '20'] = process.argv.slice(2);
const times = [];
for (let i = 0; i < Number(n); i++) {
  const t0 = process.cpuUsage();
  await refuseDefaultOutOfOtherScenario(dir, dir, scenario, await scenarioFileOf(scenario)).catch(() => {});
  const t = process.cpuUsage(t0);
  times.push((t.user + t.system) / 1000);
}
times.sort((a, b) => a - b);
console.log(`CPU per check: median ${times[times.length >> 1].toFixed(3)} ms, max ${times.at(-1).toFixed(3)} ms over ${n}`);
