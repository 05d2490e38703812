#!/bin/bash
# Usage: bash bench/tail-pairs.sh N TRIALS COPY... : runs each phase-marked copy (bench/phase-markers.sh) in
# turn, N rounds, on scenarios/example.yaml at TRIALS trials (--out /tmp/tail-pairs-I, removed after), and
# prints a line a run: the tail (last chunk -> written), the summary (summarising -> summarised), summarised
# -> summary.json, the charts (summary.json -> the last chart's SVG), the last SVG -> written, and the ms
# from the start to written. NICE (e.g. NICE="nice -n 5") is put before node when set.
set -e
n=$1; trials=$2; shift 2
for i in $(seq "$n"); do for d in "$@"; do
  out=/tmp/tail-pairs-$i; rm -rf "$out"; s=$(date +%s%N)
  ARRCAST_PAUSE_AT=log $NICE node "$d/cli/main.js" run scenarios/example.yaml --trials "$trials" --out "$out" --quiet --no-progress 2>&1 | grep '^STEP' |
    awk -v d="$d" -v s0="$s" '{ t[$3] = $2; if ($3 ~ /\.svg$/) last = $2 } END { w = t["written"];
      printf "%s tail %d summary %d to-summary.json %d charts %d after-charts %d start-to-written %d\n", d, w - t["lastchunk"], t["summarised"] - t["summarising"], t["summary.json"] - t["summarised"], last - t["summary.json"], w - last, w - int(s0 / 1e6) }'
  rm -rf "$out"
done; done
