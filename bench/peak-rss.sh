#!/usr/bin/env bash
# Peak resident memory (KB) and wall time of one CLI run of the example per build, builds in turn.
# Usage: bash bench/peak-rss.sh TRIALS DIST... (e.g. bash bench/peak-rss.sh 1000000 /tmp/main/dist dist)
set -eu
trials=$1; shift
out=$(mktemp -d); tv=$(mktemp)
for d in "$@"; do
  /usr/bin/time -v node "$d/cli/main.js" run scenarios/example.yaml --trials "$trials" --out "$out/r" --quiet --no-progress >/dev/null 2>"$tv"
  echo "$trials $d $(awk '/Maximum resident/ {print $NF}' "$tv") KB, wall $(awk '/Elapsed/ {print $NF}' "$tv")"
  rm -rf "$out/r"
done
rm -rf "$out" "$tv"
