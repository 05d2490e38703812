#!/usr/bin/env bash
# V8's optimizing-compiler churn in one arrcast run (all threads): TurboFan compilations, their summed
# job time, optimized functions thrown away at once by an invalidated dependency ("code dependencies":
# e.g. the first ArrayBuffer a thread detaches, which spends V8's detaching protector), and how many
# times the simulation's hot functions were compiled.
# Usage: bash bench/opt-churn.sh DIST [arrcast run options...]   e.g. bash bench/opt-churn.sh dist --trials 100000
set -eu
dist="$1"; shift
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
node --trace-opt --trace-deopt "$dist/cli/main.js" run "${SCEN:-scenarios/example.yaml}" --out "$out/r" --quiet --no-progress "$@" > "$out/trace" 2>&1
t="$out/trace"
echo "compilations $(grep -c 'completed compiling' "$t"), summed job ms $(grep -oE 'completed compiling.*took [0-9.]+, [0-9.]+, [0-9.]+' "$t" | awk -F'took ' '{split($2,a,", "); s+=a[1]+a[2]+a[3]} END {printf "%.0f", s}'), thrown away by a dependency $(grep -c 'marking dependent code' "$t")"
echo "mass invalidations (10 or more functions at once): $(awk '/marking dependent code/{c++; next} {if (c >= 10) printf "%d ", c; c=0}' "$t")"
echo "compiled (times): $(grep 'completed compiling' "$t" | grep -oE '<JSFunction (run|simulateChunk|runSource|draw|sign|split|btrs|fillRecord) ' | sort | uniq -c | awk '{printf "%s %s, ", $3, $1}')"
