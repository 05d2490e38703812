#!/usr/bin/env bash
# Paired CPU of a small run, two builds: bench/small-run-cpu.mjs for A and B in the order A B B A, ROUNDS times
# (2 x ROUNDS pairs), then each figure's medians and the median of the pairwise ratios B/A.
# Usage, after building both: bash bench/small-run-pairs.sh A_DIST B_DIST ROUNDS TRIALS WORKERS
set -eu
A=$1; B=$2
for r in $(seq 1 "$3"); do
  for x in A B B A; do d=$A; [ "$x" = B ] && d=$B; echo "$x $(node bench/small-run-cpu.mjs "$d" "$4" "$5")"; done
done | python3 -c '
import sys, json, statistics as st
rows = [(l.split(" ", 1)[0], json.loads(l.split(" ", 1)[1])) for l in sys.stdin]
for key in ("mainMs", "processMs"):
    a = [r[key] for x, r in rows if x == "A"]; b = [r[key] for x, r in rows if x == "B"]
    ratios = sorted(bb / aa for aa, bb in zip(a, b))
    print(f"{key}: A median {st.median(a):.0f} ({min(a):.0f}-{max(a):.0f}), B median {st.median(b):.0f} ({min(b):.0f}-{max(b):.0f}), B/A by pair median {st.median(ratios):.3f} ({ratios[0]:.3f}-{ratios[-1]:.3f}), B below A in {sum(r < 1 for r in ratios)} of {len(ratios)} pairs")
'
