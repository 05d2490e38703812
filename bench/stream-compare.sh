#!/bin/bash
# trials.csv written while the run simulates against the one written at the end, for one set of run
# options: the same run twice, --out under a folder that exists (streamed) and under one that does not
# (written from the store once the run is over); says whether the two files are the same bytes and
# whether anything was left beside the report. Run from the repository, after npm run build.
# Usage: bash bench/stream-compare.sh NAME SCENARIO [run options...]
name=$1; shift
base=$(mktemp -d "${TMPDIR:-/tmp}/arrcast-stream-compare-XXXXXX")
mkdir -p "$base/exists"
node dist/cli/main.js run "$@" --quiet --no-progress --out "$base/missing/r" >/dev/null 2>"$base/a.err"; ra=$?
node dist/cli/main.js run "$@" --quiet --no-progress --out "$base/exists/r" >/dev/null 2>"$base/b.err"; rb=$?
if [ $ra != 0 ] || [ $rb != 0 ]; then echo "$name: exit $ra $rb"; tail -2 "$base/a.err" "$base/b.err"; exit 1; fi
if cmp -s "$base/missing/r/trials.csv" "$base/exists/r/trials.csv"; then echo "$name: same, $(wc -c <"$base/exists/r/trials.csv") bytes"; else echo "$name: DIFFER"; fi
left=$(ls -A "$base/exists" | grep -vx r)
[ -n "$left" ] && echo "$name: LEFT BESIDE THE REPORT: $left"
rm -r "$base"
