// Per-file CPU of a vitest run, for measuring the suite only (registered by bench/vitest.test-cpu.config.mjs,
// never by the suite's own config). Before and after each test file it reads /proc/self/stat of the fork:
// utime + stime (the fork and its worker threads) and cutime + cstime (its child processes once reaped:
// the CLI runs, Chromium, LibreOffice), and appends one JSON line per file to $CPU_LOG. Without isolation
// (vitest.config.ts) a fork runs this file again before each of its test files, so each file's figures
// start at its own import. Linux only (/proc).
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';

const TICKS = 100; // USER_HZ
/** utime, stime, cutime, cstime of this process, in clock ticks (proc(5): fields 14-17). */
function times() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [11, 12, 13, 14].map((i) => Number(fields[i]));
}
const start = times();
const startedAt = Date.now();
let file = '?';
// vitest passes the file's suite as the hook's second argument (the first is a context to destructure).
beforeAll(({}, suite) => {
  file = suite?.file?.filepath ?? suite?.filepath ?? '?';
});
afterAll(() => {
  const end = times();
  const own = (end[0] + end[1] - start[0] - start[1]) / TICKS;
  const children = (end[2] + end[3] - start[2] - start[3]) / TICKS;
  appendFileSync(process.env.CPU_LOG ?? 'test-cpu.jsonl', `${JSON.stringify({ file, own, children, wall: (Date.now() - startedAt) / 1000 })}\n`);
});
