#!/bin/bash
# act24b: a re-forecast whose posterior lies 2.5-3.8 prior scores out. 120 customers at 10,000, renewal
# 90% +- 5% (Beta(31.5, 3.5)), month 1 loses all 10 due: the 110 due later churn 33 on average (beta-binomial).
# Prints each build's mean churn at seeds 1-6, 4,000 trials.
# Usage: npm run build && bash bench/far-from-plan-churn.sh [BUILD_DIR ...]   (a BUILD_DIR holds dist/; default: .)
set -e
t=$(mktemp -d)
printf 'name: renewal far from plan\ntiers:\n  - name: E\n    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.9, sd: 0.05 }, priceUplift: 0 }\n' > "$t/far.yaml"
printf 'month,tier,due_arr,renewed_arr,churned_arr,ending_arr\n1,E,100000,0,100000,1100000\n' > "$t/far.csv"
for b in "${@:-.}"; do
  out=""
  for s in 1 2 3 4 5 6; do
    node "$b/dist/cli/main.js" run "$t/far.yaml" --actuals "$t/far.csv" -n 4000 -s $s -w 0 --outputs summary --out "$t/r$s" --quiet --no-progress >/dev/null 2>&1
    out="$out $(node -e "const s=require('$t/r$s/summary.json'); console.log(((1100000-s.metrics.endingArr.mean)/10000).toFixed(2))")"
  done
  echo "$b:$out"
done
rm -rf "$t"
