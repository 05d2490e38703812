#!/bin/bash
# Usage: bash bench/main-alloc-sampling.sh SRC_DIST DST_DIST, then run DST_DIST/cli/main.js with ARRCAST_ALLOCPROF=FILE; read FILE with bench/main-alloc-sum.mjs
# Samples the main thread's allocations (collected objects included) from the 10th chunk to the last.
set -e
rm -rf "$2"; cp -r "$1" "$2"
python3 - "$2/cli/main.js" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
def patch(old, new):
    global s
    assert s.count(old) >= 1, old
    s = s.replace(old, new, 1)
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
patch("const require = arrcastCreateRequire(import.meta.url);\n", "const require = arrcastCreateRequire(import.meta.url);\n" + rec)
patch("    options.onProgress?.(done, trials);\n    leading.arrived", "    options.onProgress?.(done, trials);\n    __rec(done, trials);\n    leading.arrived")
open(p, 'w').write(s)
PY
