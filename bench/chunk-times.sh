#!/bin/bash
# Usage: bash bench/chunk-times.sh MARKED_DIST [arrcast run options...]
# Each worker thread's time on its first chunks (ms from its w-task to its w-done marker, by chunk index) and
# the process's exit (ms from its start), for one run of scenarios/example.yaml (SCEN to change it) with the
# given options, e.g. `--trials 100000` or `--trials 20000 --workers 1`. MARKED_DIST is a copy of dist/ made
# by bench/start-markers.py (never dist/ itself). Shows how long the workers' code runs before V8 has
# optimised it: the first chunks of each thread against the steady ones.
set -e
dist="$1"; shift
out=$(mktemp -d)
TMARK=1 node "$dist/cli/main.js" run "${SCEN:-scenarios/example.yaml}" --out "$out/r" --quiet --no-progress "$@" 2>&1 >/dev/null | grep '^TM' | python3 -c "
import sys
start = {}; done = []; t0 = None; ex = None
for line in sys.stdin:
    f = line.split(); t = float(f[1]); k = f[2]
    if k == 'T0': t0 = float(f[3])
    elif k == 'w-task': start[f[3]] = t
    elif k == 'w-done': done.append((int(f[3]), round(t - start[f[3]])))
    elif k == 'exit': ex = t
print('chunk:ms', ' '.join('%d:%d' % d for d in sorted(done)[:12]), '| exit', round(ex - t0), 'ms')
"
rm -rf "$out"
