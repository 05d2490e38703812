// What the default --out check (src/cli/default-out-forecast.ts) costs a run whose default folder
// holds a report: the marker and summary.json read and parsed once. Usage: node bench/default-out-kind.mjs REPORT_DIR [N]
import { refuseDefaultOutOfOtherForecast } from '../dist/cli/default-out-forecast.js';
const [dir, n = '20'] = process.argv.slice(2);
const times = [];
for (let i = 0; i < Number(n); i++) {
  const t0 = process.cpuUsage();
  await refuseDefaultOutOfOtherForecast(dir, dir, false).catch(() => {});
  const t = process.cpuUsage(t0);
  times.push((t.user + t.system) / 1000);
}
times.sort((a, b) => a - b);
console.log(`CPU per check: median ${times[times.length >> 1].toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms over ${n}`);
