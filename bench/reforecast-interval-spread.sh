#!/usr/bin/env bash
# act25: does a re-forecast's budget interval (P20 revenue, 95%) hold across seeds when the posterior
# draws are correlated? Runs SCENARIO with ACTUALS at TRIALS trials for seeds 1..SEEDS and prints each
# seed's budget and its stated interval's half-width, then the sd of the budgets across seeds against
# the mean stated half-width / 1.96 (the sd the interval claims), and the note the terminal printed.
# Usage: bash bench/reforecast-interval-spread.sh SCENARIO ACTUALS TRIALS SEEDS [dist/cli/main.js]
set -euo pipefail
S=$1; A=$2; N=$3; K=$4; CLI=${5:-dist/cli/main.js}
D=$(mktemp -d /tmp/act25-spread-XXXX)
# Its runs are scratch: removed however the script ends.
trap 'rm -rf "$D"' EXIT
for s in $(seq 1 "$K"); do
  node "$CLI" run "$S" --actuals "$A" -n "$N" -s "$s" -w 0 --outputs summary --out "$D/r$s" --quiet --no-progress 2> "$D/err$s" >/dev/null
done
node -e '
const fs = require("fs"); const [d, k] = [process.argv[1], Number(process.argv[2])];
const b = [], h = [];
for (let s = 1; s <= k; s++) {
  const j = JSON.parse(fs.readFileSync(`${d}/r${s}/summary.json`, "utf8"));
  const r = j.decisions.budgets.metrics.revenue; b.push(r.value); h.push((r.interval[1] - r.interval[0]) / 2);
  const w = j.reforecast.sampler.intervalWidening;
  console.log(`seed ${s}: budget ${r.value.toFixed(0)} +- ${((r.interval[1] - r.interval[0]) / 2).toFixed(0)}` + (w === undefined ? "" : `; stated widening ${w.toFixed(2)}`));
}
const m = b.reduce((a, x) => a + x, 0) / k, sd = Math.sqrt(b.reduce((a, x) => a + (x - m) ** 2, 0) / (k - 1));
const claimed = h.reduce((a, x) => a + x, 0) / k / 1.96;
console.log(`sd of the budget across ${k} seeds ${sd.toFixed(0)}; sd the intervals claim ${claimed.toFixed(0)}; ratio ${(sd / claimed).toFixed(2)}`);
' "$D" "$K"
grep -h "note:" "$D/err1" | cut -c1-400 || echo "seed 1: no note"
