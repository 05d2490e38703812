#!/usr/bin/env bash
# Does test/engine/worker-loaded.test.ts's fault script still abort Node when the pool's wait for its
# threads' loads (worker-pool.ts whenPoolLoaded) is taken out? Copies dist/ to a scratch folder with
# that wait disabled, then runs the test's script (8 pooled runs a process, ARRCAST_FAULT_CHUNK=1:exit)
# PROCESSES times, 3 at a time, and prints each process's exit status (134: the abort the wait fixed).
#   bash bench/fault-race-without-wait.sh [SCENARIO] [PROCESSES]   (after npm run build)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=$(realpath "${1:-test/fixtures/minimal.yaml}")
processes=${2:-30}
copy=$(mktemp -d /tmp/fault-race-XXXXXX)
trap 'rm -rf "$copy"' EXIT
cp -r dist "$copy/dist"
cp package.json "$copy/"
ln -s "$PWD/node_modules" "$copy/node_modules"
# The library's module (the script below imports dist/engine/simulate.js, not the command line's bundle).
grep -q '^    if (counter)$' "$copy/dist/engine/worker-pool.js" || { echo "whenPoolLoaded's wait not found in dist/engine/worker-pool.js" >&2; exit 1; }
sed -i 's/^    if (counter)$/    if (counter \&\& false)/' "$copy/dist/engine/worker-pool.js"
grep -q 'if (counter && false)' "$copy/dist/engine/worker-pool.js" || { echo "whenPoolLoaded's wait not found in dist/engine/worker-pool.js" >&2; exit 1; }
cat > "$copy/script.mjs" <<EOF
const { simulate } = await import('$copy/dist/engine/simulate.js');
const { loadScenario } = await import('$copy/dist/scenario/load.js');
const loaded = await loadScenario('$scenario');
let failed = 0;
for (let i = 0; i < 8; i++) await simulate(loaded, { trials: 6000, seed: i, workers: 2 }).catch(() => failed++);
console.log('failed', failed);
EOF
for ((i = 0; i < processes; i += 3)); do
  for j in 0 1 2; do (ARRCAST_FAULT_CHUNK=1:exit node "$copy/script.mjs" >/dev/null 2>&1; echo -n "$? ") & done
  wait
done
echo
