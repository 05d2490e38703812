// node bench/signal-child-cpu.mjs SCENARIO TRIALS WORKERS [STEP] [SIGNAL]: the built CLI's `run` started with
// ARRCAST_PAUSE_AT=STEP (default simulating), sent SIGNAL (default SIGINT) once at its "paused at" line, as
// test/cli/signals.test.ts does; prints its exit code, the end of its stderr and its CPU (this process's
// children's user + system time from /proc/self/stat, Linux only). Run from the repository, after a build.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [scenario, trials, workers, step = 'simulating', signal = 'SIGINT'] = process.argv.slice(2);
const childrenCpu = () => {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in USER_HZ ticks
};
const out = join(mkdtempSync(join(tmpdir(), 'arrcast-signal-cpu-')), 'report');
const child = spawn(process.execPath, ['dist/cli/main.js', 'run', scenario, '--trials', trials, '--workers', workers, '--out', out], {
  env: { ...process.env, ARRCAST_PAUSE_AT: step },
  stdio: ['pipe', 'ignore', 'pipe'],
});
let stderr = '';
let sent = false;
child.stderr.on('data', (d) => {
  stderr += d;
  if (!sent && stderr.includes(`paused at ${step}`)) {
    sent = true;
    child.kill(signal);
  }
});
child.on('exit', (code) => console.log(`${scenario}: exit ${code}, ${JSON.stringify(stderr.slice(-120))}, child CPU ${childrenCpu().toFixed(2)} s`));
