#!/bin/bash
# Usage: bash bench/paced-workers.sh SRC_DIST DST_DIST
# A copy of a build whose workers hand back, for chunk k, chunk (k mod 8)'s results (simulated once per
# thread) (copied into the task's buffers), after waiting ARRCAST_PACE_MS: the main thread
# sees chunks come back at a set rate (a quiet machine's: 2 workers x 74 ms = 27 chunks a second),
# whatever the machine's load, with little CPU spent by the workers. For the main thread's heap only.
# The worker is engine/worker.bundle.cjs (engine/worker.js only loads it); the copy's code caches are
# removed (the checksum would reject the patched bundle's anyway): compare copies with copies only.
# Each pattern is checked: one no longer found fails here rather than pacing nothing. (Its first, the
# chunk's call as worker.ts had it before runChunk returned simulateChunk's result itself, no longer
# matches: update it and __replay's result to worker.ts's runChunk before using this.)
set -e
rm -rf "$2"; cp -r "$1" "$2"; rm -f "$2"/cli/*.cache "$2"/cli/vendor/*.cache "$2"/engine/*.cache
python3 - "$2/engine/worker.bundle.cjs" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
old = "result = task.actuals ? reforecastChunk(reforecastOf(task, task.actuals), task.seed, task.chunk, task.trials, task.buffers) : simulateChunk(planOf(task), task.seed, task.chunk, task.trials, task.buffers, void 0, task.tierRows);"
assert old in s, 'paced-workers: the chunk call not found in ' + p
s = s.replace(old, "result = __replay(task);")
assert "var fault = parseFault(" in s, 'paced-workers: "var fault = parseFault(" not found in ' + p
s = s.replace("var fault = parseFault(", r'''
const __cache = new Map();
const __pause = new Int32Array(new SharedArrayBuffer(4));
function __replay(task) {
  const c = __cache.get(task.chunk % 8);
  let result;
  if (!c) {
    result = simulateChunk(planOf(task), task.seed, task.chunk % 8, task.trials, task.buffers, void 0, task.tierRows);
    __cache.set(task.chunk % 8, { wide: result.wide.slice(), narrow: result.narrow.slice(), sums: result.componentSums.slice() });
  } else {
    const wide = new Float64Array(task.buffers.wide, 0, c.wide.length); wide.set(c.wide);
    const narrow = new Float32Array(task.buffers.narrow, 0, c.narrow.length); narrow.set(c.narrow);
    const componentSums = new Float64Array(task.buffers.sums, 0, c.sums.length); componentSums.set(c.sums);
    result = { chunk: task.chunk, trials: task.trials, wide, narrow, componentSums };
  }
  Atomics.wait(__pause, 0, 0, Number(process.env.ARRCAST_PACE_MS ?? 74));
  return result;
}
var fault = parseFault(''', 1)
open(p, 'w').write(s)
PY
