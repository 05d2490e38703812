#!/bin/bash
# The CLI's outputs over generated scenarios (test/helpers/generated-scenario.ts), compared byte for byte:
#  - run --workers 0 against --workers 2 (--outputs all: summary.json, trials.csv, sipmath.json,
#    percentiles.csv, monthly.csv, report.html, report.xlsx, charts);
#  - run --shard K/3 (workers 0 and 1) then merge, against the whole run, with --outputs all and default;
#  - the default outputs' summary.json, percentiles.csv, monthly.csv and report.xlsx against --outputs all's
#    (without trials.csv the run keeps counts as tallies and own draws for the leading trials only);
#  - a re-forecast (--actuals, 3 closed months of one of the scenario's own years) with 0 and 2 workers;
#  - --precision 0.05 --max-trials 4000 with 0 and 2 workers.
# Usage (after npm run build): bash bench/generated-cli.sh FROM TO [TRIALS]   (default trials 2500)
# Prints every difference (diff -rq) and "done N" a scenario. Works in a folder made by
# mktemp -d /tmp/arrcast-generated-cli-XXXXXX, removed at the end. The scenarios are written by
# bench/generated-write.mts, which imports the generator from test/helpers (the scenarios the test runs).
set -u
FROM=$1; TO=$2; T=${3:-2500}
HERE=$(cd "$(dirname "$0")/.." && pwd)
M=$HERE/dist/cli/main.js
W=$(mktemp -d /tmp/arrcast-generated-cli-XXXXXX)
trap 'rm -rf "$W"' EXIT
(cd "$HERE" && npx tsx bench/generated-write.mts "$W" "$FROM" "$TO" > /dev/null) || exit 1
cd "$W" || exit 1
run() { node "$M" run "$@" --quiet --no-progress 2>/dev/null || echo "$N: run $* exited $?"; }
for ((N = FROM; N < TO; N++)); do
  S=generated-$N/scenario.json; O=o$N
  run $S --trials $T --workers 0 --outputs all --out $O/all0
  run $S --trials $T --workers 2 --outputs all --out $O/all2
  run $S --trials $T --workers 0 --out $O/def
  for k in 1 2 3; do run $S --trials $T --workers $((k % 2)) --shard $k/3 --out $O/parts/; done
  node "$M" merge $O/parts/ --outputs all --out $O/mall --quiet 2>/dev/null || echo "$N: merge all exited $?"
  node "$M" merge $O/parts/ --out $O/mdef --quiet 2>/dev/null || echo "$N: merge default exited $?"
  diff -rq $O/all0 $O/all2 | sed "s/^/$N workers 0 vs 2: /"
  diff -rq $O/all0 $O/mall | sed "s/^/$N whole vs merged (all): /"
  diff -rq $O/def $O/mdef | sed "s/^/$N whole vs merged (default): /"
  for f in summary.json percentiles.csv monthly.csv report.xlsx; do cmp -s $O/def/$f $O/all0/$f || echo "$N default vs all: $f differs"; done
  run $S --actuals generated-$N/actuals.csv --as-of 3 --trials $T --workers 0 --outputs all --out $O/r0
  run $S --actuals generated-$N/actuals.csv --as-of 3 --trials $T --workers 2 --outputs all --out $O/r2
  diff -rq $O/r0 $O/r2 | sed "s/^/$N re-forecast workers 0 vs 2: /"
  run $S --precision 0.05 --max-trials 4000 --workers 0 --out $O/p0
  run $S --precision 0.05 --max-trials 4000 --workers 2 --out $O/p2
  diff -rq $O/p0 $O/p2 | sed "s/^/$N precision workers 0 vs 2: /"
  rm -rf $O
  echo "done $N"
done
