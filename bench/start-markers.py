#!/usr/bin/env python3
# Usage: python3 bench/start-markers.py SRC_DIST DST_DIST
# Copies a build's dist/ and adds start-up markers to the copy (never to the build itself), for the time
# before a run's first chunk is back: with TMARK=1 in the environment, the copy's CLI bundle and worker
# bundle print "TM <epoch ms> <marker> <thread id>" to stderr at: the bundle's first line (bundle-start,
# with "T0 <performance.timeOrigin>", the process's start), main(), the run's action (action), the
# scenario loaded (loaded), --out checked (out-ready), the pool created (pool-create N), the aggregate
# tables built (tables-start, tables-end), chunks 0 and 1 sent (send N) and back (back N, to 2), exit; in
# each worker thread: its bundle's first line (w-bundle-start), its module loaded (w-loaded), chunks 0 to 39
# received and done (w-task N, w-done N). bench/start-timeline.py runs such copies, alternating.
# The patterns are checked: a bundle that no longer has them fails here rather than marking nothing.
import os
import re
import shutil
import sys

src, dst = sys.argv[1], sys.argv[2]
if os.path.exists(dst):
    shutil.rmtree(dst)
shutil.copytree(src, dst)
TM = ("const __tm = (n) => { if (process.env.TMARK) process.stderr.write(`TM ${(performance.timeOrigin + "
      "performance.now()).toFixed(1)} ${n} ${require('node:worker_threads').threadId}\\n`); };\n")


def bundle(path):
    # From spd24 on, the bundles are scripts beside small ES modules that run them (their code caches,
    # no longer the patched text's, are ignored: the copy runs without them).
    script = path[:-3] + '.bundle.cjs'
    return script if os.path.exists(script) else path


def out_ready_line(path):
    m = re.search(r'      const out = await prepareReportDir\(shown\d*\);\n', open(bundle(path)).read())
    assert m, 'prepareReportDir(shown...) in ' + path
    return m.group(0)


def patch(path, first, pairs):
    path = bundle(path)
    s = open(path).read()
    # After the createRequire line of esbuild's banner (the markers use require), the shebang's next line in main.js;
    # in a script bundle, its first line (require is its loader's).
    at = 0 if path.endswith('.cjs') else s.index('\n', s.index('createRequire')) + 1
    assert at < 400, path
    s = s[:at] + TM + first + s[at:]
    for old, new in pairs:
        assert old in s, old
        s = s.replace(old, new, 1)
    open(path, 'w').write(s)


OUT_READY = out_ready_line(dst + '/cli/main.js')
# The tables: built by the main thread alone (to spd25), or with the pool's threads (shared-table-build.ts, from spd26).
SERIAL_TABLES = '  const tables = new TableHandoff(planSumTables(plan), Math.max(threads, pool.threads.length));'
TABLE_PAIRS = ([(SERIAL_TABLES, '  __tm("tables-start"); const __tb = planSumTables(plan); __tm("tables-end");\n  const tables = new TableHandoff(__tb, Math.max(threads, pool.threads.length));')]
               if SERIAL_TABLES in open(bundle(dst + '/cli/main.js')).read() else
               [('  const tables = new TableHandoff(await poolSumTables(', '  __tm("tables-start"); const tables = new TableHandoff(await poolSumTables('),
                ('  throwIfAborted(signal);\n  const local = new AbortController();', '  __tm("tables-end"); throwIfAborted(signal);\n  const local = new AbortController();')])
patch(dst + '/cli/main.js',
      '__tm("T0 " + performance.timeOrigin.toFixed(1)); __tm("bundle-start"); process.on("exit", () => __tm("exit"));\n', [
          ('async function main(argv) {', 'async function main(argv) {\n  __tm("main");'),
          ('      const loaded = await loadScenario(file2, { allowedRoots: opts.allowPath });\n',
           '      __tm("action");\n      const loaded = await loadScenario(file2, { allowedRoots: opts.allowPath });\n      __tm("loaded");\n'),
          # esbuild numbers the variable (shown2, shown3, ...) by what else the bundle holds: found, not guessed.
          (OUT_READY, OUT_READY + '      __tm("out-ready");\n'),
          ('function createWorkerPool(threads, options = {}) {', 'function createWorkerPool(threads, options = {}) {\n  __tm("pool-create " + threads);'),
          *TABLE_PAIRS,
          ('      result = await untilPoolEmptied(\n', '      if (spec.index < 2) __tm("send " + spec.index);\n      result = await untilPoolEmptied(\n'),
          ('  const accept = (spec, result) => {\n', '  const accept = (spec, result) => {\n    if (spec.index < 3) __tm("back " + spec.index);\n'),
      ])
patch(dst + '/engine/worker.js', '__tm("w-bundle-start");\n', [
    ('function runChunk(task) {\n',
     'function runChunk(task) {\n  if (task.chunk < 40) __tm("w-task " + task.chunk);\n  try { return runChunkMarked(task); } finally { if (task.chunk < 40) __tm("w-done " + task.chunk); }\n}\nfunction runChunkMarked(task) {\n'),
    ('queueMicrotask(() => markLoaded(workerData));', 'queueMicrotask(() => { __tm("w-loaded"); markLoaded(workerData); });')
    if not os.path.exists(dst + '/engine/worker.bundle.cjs') else
    ('queueMicrotask(() => markLoaded(import_node_worker_threads2.workerData));',
     'queueMicrotask(() => { __tm("w-loaded"); markLoaded(import_node_worker_threads2.workerData); });'),
])
