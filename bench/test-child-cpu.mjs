// Every Node process of a measured suite run, with its CPU: loaded before each process's own code by
//   NODE_OPTIONS="--import $PWD/bench/test-child-cpu.mjs" CHILD_LOG=/tmp/children.jsonl npx vitest run ...
// (children inherit NODE_OPTIONS), it appends one JSON line at the process's exit: its script and first
// arguments, and process.cpuUsage() (its own threads, workers included; not its children's). A process
// killed by a signal it does not handle (SIGKILL) writes no line. Worker threads load it too (they
// inherit NODE_OPTIONS) and would write the whole process's CPU at their exit: they write nothing.
// For measuring only.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const log = process.env.CHILD_LOG;
if (log && isMainThread) {
  const started = Date.now();
  process.on('exit', (code) => {
    const { user, system } = process.cpuUsage();
    const line = { argv: process.argv.slice(1, 4), pid: process.pid, ppid: process.ppid, code, cpu: (user + system) / 1e6, wall: (Date.now() - started) / 1000 };
    try {
      appendFileSync(log, `${JSON.stringify(line)}\n`);
    } catch {
      // measuring must never fail a test
    }
  });
}
