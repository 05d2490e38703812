#!/bin/bash
# Usage: bash bench/out-path-sweep.sh [DIST]: run every --out spelling below (folders, links, a dangling link,
# ./x, x/../x, a hard link to an input, ., .., earlier outputs of each kind, a path through one, a trailing /,
# a newline, a colon) with every command that writes (fit, init, score, compare, merge, run, run --shard,
# run --actuals), each in a fresh copy of a sandbox under ${TMPDIR:-/tmp}/out-path-sweep; prints per pair
# the exit code, the last line of output, any .arrcast-tmp-* left, and what changed in the sandbox.
# DIST defaults to this checkout's dist/ (npm run build first).
ROOT=$(cd "$(dirname "$0")/.." && pwd)
A="node ${1:-$ROOT/dist}/cli/main.js"
S=${TMPDIR:-/tmp}/out-path-sweep
rm -rf $S; mkdir -p $S/base; cd $S/base
cp $ROOT/test/fixtures/minimal.yaml m.yaml
# compare's B: a forecast of its own (compare refuses one forecast given twice).
{ cat m.yaml; echo 'stress: { leads: -0.2 }'; } > m2.yaml
cp $ROOT/scenarios/example-history.csv h.csv
$A run m.yaml --trials 300 --outputs default,trials --out rep -q >/dev/null 2>&1
$A run m.yaml --trials 300 --shard 1/1 --out p1.arrcast-part >/dev/null 2>&1
printf 'tier,metric,value\ntotal,revenue,1000000\n' > o.csv
$A compare m.yaml m2.yaml --trials 300 --out cmp >/dev/null 2>&1
$A score rep --actuals o.csv --out sc >/dev/null 2>&1
mkdir user; echo mine > user/notes.txt; echo mine2 > userfile.txt
ln -s user link-user; ln -s userfile.txt link-file; ln -s nowhere dangling; ln h.csv hardlink-h.csv
cd $S
snap() { (cd $1 && find . -printf '%p %y %s\n' | sort; find . -type f -exec md5sum {} + | sort) ; }
declare -a OUTS=( "user" "user/" "link-user" "link-file" "dangling" "userfile.txt" "./user/../user" "rep/../user" "h.csv" "hardlink-h.csv" "./h.csv" "m.yaml" "." ".." "rep" "cmp" "sc" "p1.arrcast-part" "user/notes.txt" "rep/summary.json" "new/" "new" $'nl\nname' "x:y" "rep/charts" )
declare -a CMDS=( "fit h.csv --force --out" "init --force" "score rep --actuals o.csv --out" "compare m.yaml m2.yaml --trials 300 --out" "merge p1.arrcast-part --out" "run m.yaml --trials 300 -q --out" "run m.yaml --trials 300 --shard 1/1 --out" "run m.yaml --trials 300 -q --actuals o.csv --out" )
for c in "${CMDS[@]}"; do for o in "${OUTS[@]}"; do
  rm -rf w; cp -a base w; cd w
  before=$(snap . )
  out=$(eval "$A $c \"\$o\"" 2>&1 </dev/null); code=$?
  after=$(snap . )
  left=$(find . -name '*arrcast-tmp*' | head -3)
  changed=$(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | grep -v -E "^> \./(new|nl|x:y)" | head -4 | tr '\n' '|')
  printf '%-45s %-18q exit %s | %s | left:%s | %s\n' "$c" "$o" "$code" "$(echo "$out" | tail -1 | cut -c1-150)" "$left" "${changed:0:300}"
  cd $S
done; done
