#!/bin/bash
# act24b: a re-forecast whose posterior lies 2.5-3.8 prior scores out. 120 customers at 10,000, renewal
# 90% +- 5% (Beta(31.5, 3.5)), month 1 loses all 10 due: the 110 due later churn 33 on average (beta-binomial).
# Prints each build's mean churn at seeds 1-6, 4,000 trials. Then the truncated normal: renewal Normal(0.9, 0.05)
# on [0, 1], months 1 and 2 lose all 20 due: the 100 due later churn 28.13 on average (100 I(21) / I(20),
# I(k) the integral of the prior density times (1 - r)^k, as in far-from-plan-prior-tail.test.ts).
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
sed 's/{ dist: beta, mean: 0.9, sd: 0.05 }/{ dist: normal, mean: 0.9, sd: 0.05, min: 0, max: 1 }/' "$t/far.yaml" > "$t/tn.yaml"
printf 'month,tier,due_arr,renewed_arr,churned_arr,ending_arr\n1,E,100000,0,100000,1100000\n2,E,100000,0,100000,1000000\n' > "$t/tn.csv"
for b in "${@:-.}"; do
  out=""
  for s in 1 2 3 4 5 6; do
    node "$b/dist/cli/main.js" run "$t/tn.yaml" --actuals "$t/tn.csv" -n 4000 -s $s -w 0 --outputs summary --out "$t/n$s" --quiet --no-progress >/dev/null 2>&1
    out="$out $(node -e "const s=require('$t/n$s/summary.json'); console.log(((1000000-s.metrics.endingArr.mean)/10000).toFixed(2))")"
  done
  echo "$b (truncated normal, 20 lost):$out"
done
rm -rf "$t"
