#!/usr/bin/env bash
# Recompute every figure a run shows from its trials.csv, independently of arrcast's own code (type-7
# percentiles, means, worst-k means, P(target), P(X < A) written here), and check each place that shows
# it: the terminal tables (term.mjs), report.xlsx (xlsx.mjs), report.html's tables (html.mjs),
# monthly.csv (monthly.mjs), percentiles.csv (pcsv.mjs), the charts' data (exc.mjs, dist.mjs) and
# compare's terminal tables (cmpcheck.mjs). A shown figure passes when the trials' value rounds to it
# (half a unit of its last digit). Scenarios: many.yaml (9 tiers out of alphabetical order, prefix,
# accent and space look-alikes, a tier with no book, one with no new business, a 1e12 book, 1e-3 ACVs),
# its stressed copy many-down.yaml, and neg.yaml (churn-heavy, a tier with no leads, a target on every metric).
# Known: BigCo's P(B < A) in compare (1e-3 ACVs: trials.csv's cents cannot tell the trials' differences apart).
# What this script does not run: the re-forecasts from 5 and 11 closed months (only --as-of 1 here), the
# --with-stress run, the monthly-plan check (plancheck.mjs needs a plan run and plan.json that nothing here
# creates), the formatter sweep (fuzz.mjs, run on its own), and TIES=1 (set it to flag a figure rounded
# toward zero from an exact half). A figure passing here is within half a unit of its last digit: it does
# not tell a half rounded the wrong way from a right one (TIES=1 and fuzz.mjs do).
# Usage (from the repository, after npm run build): bash bench/trials-recheck/run.sh [TMPDIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd); out=${1:-$(mktemp -d)}; mkdir -p "$out"
cli="node $root/dist/cli/main.js"
cp "$here"/many.yaml "$here"/many-down.yaml "$here"/neg.yaml "$out"/
cd "$out"
$cli run many.yaml --trials 3000 --outputs all -t revenue=1.05T -t bookings=0.9T -t endingArr=1.0T -t Mid:revenue=2M -t 'Café:endingArr=3M' --no-progress --out out-many > many.txt 2>&1
$cli run many-down.yaml --trials 3000 --outputs all --quiet --no-progress --out out-down > /dev/null 2>&1
$cli compare many.yaml many-down.yaml --trials 3000 -t revenue=1.05T -t Mid:revenue=2M --no-progress --out out-cmp > cmp.txt 2>&1
$cli run neg.yaml --trials 2000 --outputs all -t revenue=3.2M -t bookings=2M -t endingArr=2.5M -t Legacy:endingArr=2M -t Growth:bookings=400k -t Zero:revenue=1 --no-progress --out out-neg > neg.txt 2>&1
$cli run "$root/scenarios/example.yaml" --actuals "$root/scenarios/example-actuals.csv" --as-of 1 --trials 2000 --outputs all -t revenue=110M -t SMB:endingArr=20M --no-progress --out out-rf1 > rf1.txt 2>&1
export NODE_PATH="$root/node_modules"
run() { echo "== $*"; (cd "$root" && node "$here/$1" "${@:2}") | tail -3; }
run term.mjs "$out/many.txt" "$out/out-many/trials.csv" 1000020100000
run term.mjs "$out/neg.txt" "$out/out-neg/trials.csv" 4000000
run term.mjs "$out/rf1.txt" "$out/out-rf1/trials.csv" 94000000
for d in out-many out-neg out-rf1; do
  run xlsx.mjs "$out/$d/report.xlsx" "$out/$d/trials.csv"
  run monthly.mjs "$out/$d"; run pcsv.mjs "$out/$d"; run exc.mjs "$out/$d"; run dist.mjs "$out/$d"
done
run html.mjs "$out/out-many" 1000020100000; run html.mjs "$out/out-neg" 4000000; run html.mjs "$out/out-rf1" 94000000
run cmpcheck.mjs "$out/cmp.txt" "$out/out-many/trials.csv" "$out/out-down/trials.csv"
