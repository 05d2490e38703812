#!/bin/bash
# Usage: bench/tail-phase-pairs.sh A_MARKED_DIST B_MARKED_DIST TRIALS PAIRS [OUT_PREFIX]
# Runs PAIRS pairs (A then B) of scenarios/example.yaml through two copies made by bench/tail-markers.py and
# prints, for each run, its tail (simulation done to report written), summarize, what follows summarize
# (charts, html, files) and the whole run, in ms of wall time. From the repository's root.
out=${5:-/tmp/tail-phase-pairs}
for i in $(seq 1 "$4"); do
  for b in A B; do
    d=$1; [ $b = B ] && d=$2
    node "$d/cli/main.js" run scenarios/example.yaml --trials "$3" --out "$out-$b" --quiet --no-progress 2>&1 | awk -v b=$b '/^TM/{t[$3]=$2} END{printf "%s tail %d summarize %d charts+rest %d total %d\n", b, t["report-written"]-t["sim-done"], t["summarize-end"]-t["summarize-start"], t["report-written"]-t["summarize-end"], t["report-written"]-t["process-start"]}'
  done
done
