#!/bin/bash
# Usage: bash bench/main-heap-marks.sh SRC_DIST DST_DIST [sample]
# Copy of a build whose CLI records the main thread's heap at every chunk (in simulate's accept) and prints,
# at the last chunk: heapUsed deltas (allocation per chunk when no GC ran), GCs seen (heapUsed decreasing),
# heapTotal, new space size/used, RSS. With `sample`, it instead samples the main thread's allocations
# (collected objects included) from the 10th chunk to the last into the file ARRCAST_ALLOCPROF names:
# read it with bench/main-alloc-sum.mjs.
# The markers go into the copy's command line bundle, cli/main.bundle.cjs (cli/main.js only loads it);
# the copy's code caches are removed: a patched bundle is not the one its cache was made of (the
# checksum would reject it anyway), so a copy starts as a build without caches: compare copies only.
set -e
rm -rf "$2"; cp -r "$1" "$2"; rm -f "$2"/cli/*.cache "$2"/cli/vendor/*.cache "$2"/engine/*.cache
python3 - "$2/cli/main.bundle.cjs" "${3:-marks}" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
def patch(old, new):
    global s
    assert s.count(old) >= 1, old
    s = s.replace(old, new, 1)
if sys.argv[2] == 'sample':
    rec = r'''
    const __insp = require('node:inspector'); let __sess; let __chunks = 0;
    function __rec(done, total) {
      __chunks++;
      if (__chunks === 10) {
        __sess = new __insp.Session(); __sess.connect();
        __sess.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      }
      if (done === total && __sess) {
        __sess.post('HeapProfiler.stopSampling', (err, r) => {
          require('node:fs').writeFileSync(process.env.ARRCAST_ALLOCPROF, JSON.stringify({ chunks: __chunks - 10, profile: r.profile }));
        });
      }
    }
    '''
else:
    rec = r'''
    const __v8 = require('node:v8');
    const __H = new Float64Array(20001); let __drops = 0, __last = 0;
    function __rec(done, total) {
      const k = Math.round(done / 1000);
      const u = __v8.getHeapStatistics().used_heap_size;
      __H[k] = u; if (u < __last) __drops++; __last = u;
      if (done === total) {
        const n = Math.round(total / 1000);
        const a = Math.max(2, Math.floor(n / 10)), b = n;
        const d = [];
        for (let i = a + 1; i <= b; i++) if (__H[i] >= __H[i - 1] && __H[i - 1] > 0) d.push(__H[i] - __H[i - 1]);
        d.sort((x, y) => x - y);
        const mean = d.reduce((x, y) => x + y, 0) / d.length;
        const per = `median ${d[d.length >> 1]} mean ${mean.toFixed(0)} over ${d.length} GC-free intervals of ${b - a}`;
        const ns = __v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
        const m = process.memoryUsage();
        process.stderr.write(`ALLOC chunks ${a}..${b}: B/chunk ${per} (heapUsed decreased ${__drops} times in the run) heapTotal=${(m.heapTotal/1048576).toFixed(1)}MiB heapUsed=${(m.heapUsed/1048576).toFixed(1)}MiB new_space=${(ns.space_size/1048576).toFixed(1)}MiB(used ${(ns.space_used_size/1048576).toFixed(1)}) rss=${(m.rss/1048576).toFixed(0)}MiB\n`);
      }
    }
    '''

# The bundle is a script run as a function of CommonJS's names (src/engine/script-bundle.ts): `require` is
# its parameter, and these functions, first in its body, are hoisted.
s = rec + s
patch("    options.onProgress?.(done, trials);\n    leading.arrived", "    options.onProgress?.(done, trials);\n    __rec(done, trials);\n    leading.arrived")
open(p, 'w').write(s)
PY
