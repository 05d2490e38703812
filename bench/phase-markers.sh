#!/bin/bash
# Usage: bash bench/phase-markers.sh SRC_DIST DST_DIST
# Copies a build's dist/ and adds phase markers to the copy's CLI bundle (never to the build itself):
# with ARRCAST_PAUSE_AT=log, the pause hook (src/cli/pause-hook.ts) prints, at each step of a run
# (loaded, simulating, every 50,000th trial, the last chunk, summarising, summarised, each report file,
# renaming), "STEP <epoch ms> <step> rss=... heapU=... heapT=... ext=... ab=..." (process.memoryUsage(),
# MiB) to stderr, and at the heavier steps a line "SMAPS ..." (bench/phase-smaps.cjs: /proc/self/smaps
# resident MiB by mapping kind). bench/rss-timeline.py runs such a copy and samples the process's RSS.
# The patterns are checked: a bundle that no longer has them fails here rather than marking nothing.
# The markers go into the copy's command line bundle, cli/main.bundle.cjs (cli/main.js only loads it);
# the copy's code caches are removed: a patched bundle is not the one its cache was made of (the
# checksum would reject it anyway), so a copy starts as a build without caches: compare copies only.
set -e
rm -rf "$2"; cp -r "$1" "$2"; rm -f "$2"/cli/*.cache "$2"/cli/vendor/*.cache "$2"/engine/*.cache
python3 - "$2/cli/main.bundle.cjs" "$(cd "$(dirname "$0")" && pwd)/phase-smaps.cjs" <<'PY'
import sys
p, smaps = sys.argv[1], sys.argv[2]
s = open(p).read()
def patch(old, new):
    global s
    assert old in s, old
    s = s.replace(old, new, 1)
mark = ('if (/lastchunk|progress|summaris|svg|renaming/.test(step)) require(%r)(step); '
        'const __m=process.memoryUsage();process.stderr.write(`STEP ${Date.now()} ${step} rss=${__m.rss>>20} '
        'heapU=${__m.heapUsed>>20} heapT=${__m.heapTotal>>20} ext=${__m.external>>20} ab=${__m.arrayBuffers>>20}\\n`);') % smaps
patch('  return async (step) => {\n    if (step !== at) return;',
      '  return async (step) => {\n    if (setting === "log") { ' + mark + ' return; }\n    if (step !== at) return;')
patch('  const { reforecast, ...summarized } = summarize2(sim', '  await options.onStep?.("summarising");\n  const { reforecast, ...summarized } = summarize2(sim')
patch('    onProgress?.(done, total);\n',
      '    onProgress?.(done, total);\n    if (done === total && hook) void hook("lastchunk"); else if (hook && done % 50000 === 0) void hook("progress" + done);\n')
open(p, 'w').write(s)
PY
