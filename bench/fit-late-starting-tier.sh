#!/usr/bin/env bash
# fit of scenarios/example-history.csv with the Enterprise tier's first 6 months (before 2025-08) set to
# 0 leads, deals and new ARR: a tier that began selling within the history. Needs `npm run build`.
#   bash bench/fit-late-starting-tier.sh [DIR]   (writes DIR/late.csv and DIR/late.yaml; DIR defaults to a new temp dir)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$(mktemp -d /tmp/fit-late-XXXXXX)}"
awk -F, 'BEGIN { OFS = "," } NR > 1 && $2 == "Enterprise" && $1 < "2025-08" { $3 = 0; $4 = 0; $5 = 0 } { print }' "$root/scenarios/example-history.csv" > "$dir/late.csv"
node "$root/dist/cli/main.js" fit "$dir/late.csv" --out "$dir/late.yaml" --force
grep -n "lead volume fitted\|leadsPerMonth\|seasonality\|phi =" "$dir/late.yaml" | head -20
echo "written: $dir/late.csv $dir/late.yaml"
