#!/usr/bin/env python3
# Usage: python3 bench/start-timeline.py ROUNDS TRIALS OUT_PARENT NAME=DIST[,VAR=VALUE...] ...
# Runs `node DIST/cli/main.js run SCENARIO --trials TRIALS --out OUT_PARENT/NAME --quiet --no-progress`
# for each variant in turn, ROUNDS times (A B A B ...), where each DIST is a copy made by
# bench/start-markers.py, and prints each run's markers in ms from the process's start, then the medians
# and, for each variant after the first, its ratio to the first round by round at the first chunk back
# and at exit. SCENARIO is $SCEN (default scenarios/example.yaml); $EXTRA adds options (e.g. "--workers 1").
# w-loaded is the last worker thread's. Note: --out's parent is listed in full when --out is checked (stale
# temporary directories are looked for there): a crowded parent such as a shared /tmp adds its listing.
import os
import statistics
import subprocess
import sys

rounds, trials, parent = int(sys.argv[1]), sys.argv[2], sys.argv[3]
variants = []
for v in sys.argv[4:]:
    name, rest = v.split('=', 1)
    dist, *pairs = rest.split(',')
    variants.append((name, dist, dict(p.split('=', 1) for p in pairs)))
scenario = os.environ.get('SCEN', 'scenarios/example.yaml')
extra = os.environ.get('EXTRA', '').split()
keys = ['action', 'loaded', 'out-ready', 'pool-create', 'tables-start', 'tables-end', 'w-loaded', 'send 0', 'back 0', 'back 1', 'exit']
runs = {name: [] for name, _, _ in variants}
for _ in range(rounds):
    for name, dist, env in variants:
        p = subprocess.run(['node', f'{dist}/cli/main.js', 'run', scenario, '--trials', trials, '--out', f'{parent}/{name}', '--quiet', '--no-progress', *extra],
                           env={**os.environ, 'TMARK': '1', **env}, capture_output=True, text=True)
        rows = [line.split() for line in p.stderr.splitlines() if line.startswith('TM ')]
        t0 = next(float(r[3]) for r in rows if r[2] == 'T0')
        at = {}
        for r in rows:
            if r[2] == 'T0':
                continue
            marker = 'pool-create' if r[2] == 'pool-create' else ' '.join(r[2:-1])
            ms = float(r[1]) - t0
            at[marker] = max(at.get(marker, 0), ms) if marker == 'w-loaded' else at.get(marker, ms)
        runs[name].append(at)
        print(name, p.returncode, ' '.join(f'{k}={at[k]:.0f}' for k in keys if k in at), flush=True)
print('medians:')
for name, _, _ in variants:
    print(name, ' '.join(f'{k}={statistics.median(r[k] for r in runs[name] if k in r):.0f}' for k in keys if any(k in r for r in runs[name])))
first = variants[0][0]
for name, _, _ in variants[1:]:
    for k in ['back 0', 'exit']:
        ratios = [b[k] / a[k] for a, b in zip(runs[first], runs[name]) if k in a and k in b]
        print(f'{name}/{first} {k}: ' + ' '.join(f'{x:.2f}' for x in ratios) + f' (median {statistics.median(ratios):.3f})')
