#!/usr/bin/env bash
# fit of scenarios/example-history.csv with the Enterprise tier's months before 2026-08 set to 0 leads,
# deals and new ARR: a tier launched within the history's last 12 months (its 6 months from 2026-08).
# Needs `npm run build`.
#   bash bench/fit-launched-tier.sh [DIR]   (writes DIR/launched.csv and DIR/launched.yaml; DIR defaults to a new temp dir)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$(mktemp -d /tmp/fit-launched-XXXXXX)}"
awk -F, 'BEGIN { OFS = "," } NR > 1 && $2 == "Enterprise" && $1 < "2026-08" { $3 = 0; $4 = 0; $5 = 0 } { print }' "$root/scenarios/example-history.csv" > "$dir/launched.csv"
node "$root/dist/cli/main.js" fit "$dir/launched.csv" --out "$dir/launched.yaml" --force
awk '/name: "?Enterprise/ { on = 1 } on' "$dir/launched.yaml" | grep -n "lead volume fitted\|Leads: n\|leadsPerMonth\|seasonality\|No seasonality" | head -8
awk -F, '$2 == "Enterprise" && $1 >= "2026-08" { s += $3; n++ } END { printf "Enterprise mean leads of its %d selling months: %.1f\n", n, s / n }' "$dir/launched.csv"
echo "written: $dir/launched.csv $dir/launched.yaml"
