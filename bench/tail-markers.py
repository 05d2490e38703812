#!/usr/bin/env python3
# Usage: python3 bench/tail-markers.py SRC_DIST DST_DIST
# Copies a build's dist/ and adds markers of a run's tail (after the simulation) to the copy, never to the
# build itself: the copy's CLI prints "TM <epoch ms> <marker> [what]" to stderr at the process's start
# (process-start, performance.timeOrigin), the simulation's end (sim-done), summarize's start and end, each
# chart drawn on the main thread (main-drawn NAME or job id), and the report written (report-written); with
# a chart thread (spd23b's experiment, `git show fbf3f43`), its start, its ready and each chart it drew.
# bench/tail-phase-pairs.sh runs two such copies in turn. A marker whose code is gone fails here, not silently.
import os
import shutil
import sys

src, dst = sys.argv[1], sys.argv[2]
if os.path.exists(dst):
    shutil.rmtree(dst)
shutil.copytree(src, dst)
# The markers go into the command line's bundle, cli/main.bundle.cjs (cli/main.js only loads it); the copy's
# code caches are removed: a patched bundle is not the one its cache was made of (the checksum would reject it
# anyway), so a copy starts as a build without caches: compare copies with copies only.
for folder in ('cli', 'cli/vendor', 'engine'):
    if os.path.isdir(os.path.join(dst, folder)):
        for name in os.listdir(os.path.join(dst, folder)):
            if name.endswith('.cache'):
                os.remove(os.path.join(dst, folder, name))
T = 'process.stderr.write(`TM ${(performance.timeOrigin+performance.now()).toFixed(0)} '
worker = dst + '/report/chart-worker.js'
if os.path.exists(worker):
    s = open(worker).read()
    for old, new in [('(drawn) => port.postMessage(', '(drawn) => (' + T + 'helper-drawn ${request.id}\\n`), port.postMessage('),
                     ('warnings: [...drawn.warnings] })', 'warnings: [...drawn.warnings] }))'),
                     ('() => port.postMessage({ kind: "ready" })', '() => (' + T + 'helper-ready\\n`), port.postMessage({ kind: "ready" }))'),
                     ('var port = parentPort;', T + 'helper-start\\n`); var port = parentPort;')]:
        assert old in s, old
        s = s.replace(old, new, 1)
    open(worker, 'w').write(s)
main = dst + '/cli/main.bundle.cjs'
s = open(main).read()
for old, new, required in [
        ('job.resolve(await renderChart(job.spec));', 'job.resolve(await renderChart(job.spec)); ' + T + 'main-drawn ${job.id}\\n`);', False),
        ('const drawn = await render(chart.spec);', 'const drawn = await render(chart.spec); ' + T + 'main-drawn ${chart.name}\\n`);', False),
        ('const { sim, precision } = await running.finally(finish);', 'const { sim, precision } = await running.finally(finish); ' + T + 'sim-done\\n`);', True),
        ('const { reforecast, ...summarized } = summarize2(', T + 'summarize-start\\n`); const { reforecast, ...summarized } = summarize2(', True),
        ('const written = await located(sim.loaded);', T + 'summarize-end\\n`); const written = await located(sim.loaded);', True),
        ('if (!options.quiet) io.out(`${wrapText', T + 'report-written\\n`); if (!options.quiet) io.out(`${wrapText', True)]:
    if old in s:
        s = s.replace(old, new, 1)
    else:
        assert not required, old
# (The bundle has no #! line: the marker goes first, on its first line, which the loader's function head shares.)
s = 'process.stderr.write(`TM ${performance.timeOrigin.toFixed(0)} process-start\\n`);' + s
open(main, 'w').write(s)
