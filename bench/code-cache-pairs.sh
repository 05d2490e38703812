#!/usr/bin/env bash
# The V8 code cache's pairs (spd24): A, a build without it (a dist/ copied before the change, with a
# node_modules link beside it), B this clone's dist/; whole processes by /work/shared/tools/paired-time.
#   usage: bash bench/code-cache-pairs.sh A_ROOT [RUNS]     (A_ROOT holds dist/ and node_modules)
set -eu
a=$1; n=${2:-5}
pt=/work/shared/tools/paired-time
ex=$PWD/scenarios/example.yaml
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo '--version'; $pt -n "$n" "node $a/dist/cli/main.js --version" "node dist/cli/main.js --version"
for t in 10000 100000; do
  echo "run, $t trials, default outputs"
  $pt -n "$n" "node $a/dist/cli/main.js run $ex --trials $t --out $out/A --quiet --no-progress" "node dist/cli/main.js run $ex --trials $t --out $out/B --quiet --no-progress"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pool start: 2 threads loaded, then a first chunk each (bench/pool-start.mjs)"
$pt -n "$n" "node bench/pool-start.mjs $a/dist" "node bench/pool-start.mjs dist"
# The same bundles without their caches (a copy of dist/ beside a node_modules link): the cache's share, not the script form's.
nc=$(mktemp -d); cp -r dist "$nc/dist"; rm "$nc"/dist/cli/*.cache "$nc"/dist/engine/*.cache "$nc"/dist/cli/vendor/*.cache; ln -s "$PWD/node_modules" "$nc/node_modules"; ln -s "$PWD/package.json" "$nc/package.json"
echo '--version, A = these bundles without their caches'
$pt -n "$n" "node $nc/dist/cli/main.js --version" "node dist/cli/main.js --version"
rm -rf "$nc"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
